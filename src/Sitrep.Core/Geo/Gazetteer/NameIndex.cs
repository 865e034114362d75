using System.Runtime.InteropServices;

namespace Sitrep.Geo.Gazetteer;

/// <summary>
/// The name index: every folded key in one character array, every posting in one array, and an
/// open-addressing hash table over key numbers. Loading it is a few block copies and one hashing pass
/// (no string per name), which keeps start-up well under a second; lookups take a span, so recognition
/// probes names without allocating.
/// </summary>
public sealed class NameIndex
{
    private readonly char[] _chars;
    private readonly int[] _keyOffsets;
    private readonly int[] _postingOffsets;
    private readonly NamePosting[] _postings;
    private readonly int[] _buckets;
    private readonly int _mask;

    internal NameIndex(char[] chars, int[] keyOffsets, int[] postingOffsets, NamePosting[] postings)
    {
        _chars = chars;
        _keyOffsets = keyOffsets;
        _postingOffsets = postingOffsets;
        _postings = postings;
        var size = 1;
        while (size < Count * 2)
        {
            size <<= 1;
        }

        _buckets = new int[size];
        _mask = size - 1;
        for (var i = 0; i < Count; i++)
        {
            var slot = (int)Hash(Key(i)) & _mask;
            while (_buckets[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _buckets[slot] = i + 1;
        }
    }

    public int Count => _keyOffsets.Length - 1;

    public ReadOnlySpan<char> Key(int index) => _chars.AsSpan(_keyOffsets[index], _keyOffsets[index + 1] - _keyOffsets[index]);

    public ReadOnlySpan<NamePosting> Postings(int index) => _postings.AsSpan(_postingOffsets[index], _postingOffsets[index + 1] - _postingOffsets[index]);

    public ReadOnlySpan<NamePosting> Lookup(ReadOnlySpan<char> key)
    {
        var slot = (int)Hash(key) & _mask;
        while (_buckets[slot] is var entry and not 0)
        {
            if (key.SequenceEqual(Key(entry - 1)))
            {
                return Postings(entry - 1);
            }

            slot = (slot + 1) & _mask;
        }

        return [];
    }

    public static NameIndex Build(IReadOnlyDictionary<string, NamePosting[]> names)
    {
        var keys = names.Keys.Order(StringComparer.Ordinal).ToArray();
        var chars = new char[keys.Sum(k => k.Length)];
        var keyOffsets = new int[keys.Length + 1];
        var postingOffsets = new int[keys.Length + 1];
        var postings = new NamePosting[names.Values.Sum(p => p.Length)];
        int c = 0, p = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            keyOffsets[i] = c;
            postingOffsets[i] = p;
            keys[i].CopyTo(chars.AsSpan(c));
            c += keys[i].Length;
            names[keys[i]].CopyTo(postings, p);
            p += names[keys[i]].Length;
        }

        keyOffsets[keys.Length] = c;
        postingOffsets[keys.Length] = p;
        return new NameIndex(chars, keyOffsets, postingOffsets, postings);
    }

    internal void Write(BinaryWriter writer)
    {
        WriteBlock(writer, _chars.AsSpan());
        WriteBlock(writer, _keyOffsets.AsSpan());
        WriteBlock(writer, _postingOffsets.AsSpan());
        var packed = new int[_postings.Length];
        for (var i = 0; i < packed.Length; i++)
        {
            packed[i] = (_postings[i].EntryIndex << 3) | (int)_postings[i].Kind;
        }

        WriteBlock(writer, packed.AsSpan());
    }

    internal static NameIndex Read(BinaryReader reader)
    {
        var chars = ReadBlock<char>(reader);
        var keyOffsets = ReadBlock<int>(reader);
        var postingOffsets = ReadBlock<int>(reader);
        var packed = ReadBlock<int>(reader);
        var postings = new NamePosting[packed.Length];
        for (var i = 0; i < packed.Length; i++)
        {
            postings[i] = new NamePosting(packed[i] >> 3, (NameKind)(packed[i] & 7));
        }

        return new NameIndex(chars, keyOffsets, postingOffsets, postings);
    }

    private static void WriteBlock<T>(BinaryWriter writer, ReadOnlySpan<T> values)
        where T : unmanaged
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values));
    }

    private static T[] ReadBlock<T>(BinaryReader reader)
        where T : unmanaged
    {
        var values = new T[reader.ReadInt32()];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    /// <summary>FNV-1a over the UTF-16 units: deterministic, so the table could be stored as it is.</summary>
    private static uint Hash(ReadOnlySpan<char> key)
    {
        var hash = 2166136261;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619;
        }

        return hash ^ (hash >> 15);
    }
}
