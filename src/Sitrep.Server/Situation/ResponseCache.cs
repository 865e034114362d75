using System.Collections.Concurrent;

namespace Sitrep.Server.Situation;

/// <summary>
/// Whole JSON responses of reads made from one <see cref="SituationSnapshot"/>, kept as long as it is
/// served: a query many users ask (the dashboard's first page, its timeline, a popular filter) is answered
/// by copying bytes, not by querying and serializing again. A new snapshot starts with an empty cache, so a
/// response is never older than the picture it answers from.
/// </summary>
/// <remarks>
/// <para>A response is kept the second time its key is asked for (a doorkeeper as in TinyLFU): queries asked
/// once, which most of a day-by-day browse is, are made and sent without filling the cache.</para>
/// <para>At most <see cref="Budget"/> bytes: when a response would pass it, the cache starts over and fills
/// again with what is asked now (an LRU would keep more of the old favourites, at a lock per read).</para>
/// <para>Thread-safe; two requests may both make a response the first time, and either copy is kept.</para>
/// </remarks>
internal sealed class ResponseCache
{
    /// <summary>Bytes kept per snapshot: about 3,700 pages of 50 events, or 180 pages of 1,000.</summary>
    public const long Budget = 128L * 1024 * 1024;

    private readonly ConcurrentDictionary<string, byte[]> _responses = new(StringComparer.Ordinal);

    // The hash of the last key seen once in each slot; two keys sharing a slot and a hash let a response in early, harmlessly.
    private readonly int[] _seen = new int[1 << 16];
    private long _bytes;

    /// <summary>The response cached under <paramref name="key"/>, or the one <paramref name="make"/> makes, then cached.</summary>
    public byte[] GetOrAdd<TState>(string key, TState state, Func<TState, byte[]> make)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(make);
        if (_responses.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var made = make(state);
        var hash = StringComparer.Ordinal.GetHashCode(key);
        if (Interlocked.Exchange(ref _seen[hash & (_seen.Length - 1)], hash) != hash)
        {
            return made;
        }

        made = Keep(made);

        // The key counts too: an empty answer (an unknown id) must not be free to keep.
        var size = made.Length + (2L * key.Length) + 64;
        if (Interlocked.Add(ref _bytes, size) > Budget)
        {
            // Racing requests may count a response twice or clear once more than needed: the budget is approximate.
            _responses.Clear();
            Interlocked.Exchange(ref _bytes, size);
        }

        return _responses.GetOrAdd(key, made);
    }

    public int Count => _responses.Count;

    /// <summary>
    /// A copy of <paramref name="bytes"/> for as long as the snapshot lives, on the pinned object heap: it is
    /// never copied from generation to generation as a young array would be (at a million events, promoting
    /// freshly cached responses through gen0 and gen1 paused the server for hundreds of milliseconds),
    /// and storing it in an old object marks no card for the next gen0 collection to scan.
    /// </summary>
    public static byte[] Keep(ReadOnlySpan<byte> bytes)
    {
        var kept = GC.AllocateUninitializedArray<byte>(bytes.Length, pinned: true);
        bytes.CopyTo(kept);
        return kept;
    }
}
