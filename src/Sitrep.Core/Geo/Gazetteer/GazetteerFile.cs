using System.Text;

namespace Sitrep.Geo.Gazetteer;

/// <summary>
/// The compact binary form of the gazetteer that <c>sitrep setup</c> writes once and every process loads:
/// entries, then the name index, then the common-word ranks. Little-endian, UTF-8 strings with 7-bit
/// encoded lengths (<see cref="BinaryWriter"/>), versioned by a magic header.
/// </summary>
public static class GazetteerFile
{
    public const string FileName = "gazetteer.bin";

    private const string Magic = "SITREP-GAZ";
    private const int FormatVersion = 3;

    public static void Write(string path, PlaceGazetteer gazetteer)
    {
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        using (var writer = new BinaryWriter(stream, Encoding.UTF8))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(gazetteer.Entries.Count);
            foreach (var e in gazetteer.Entries)
            {
                writer.Write(e.Id);
                writer.Write(e.Name);
                writer.Write(e.Latitude);
                writer.Write(e.Longitude);
                writer.Write(e.CountryCode);
                writer.Write(e.FeatureClass);
                writer.Write(e.FeatureCode);
                writer.Write(e.Admin1);
                writer.Write(e.Population);
            }

            gazetteer.Names.Write(writer);

            writer.Write(gazetteer.CommonWords.Count);
            foreach (var (word, rank) in gazetteer.CommonWords)
            {
                writer.Write(word);
                writer.Write7BitEncodedInt(rank);
            }
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <exception cref="InvalidDataException">The file is not a gazetteer of this format version.</exception>
    public static PlaceGazetteer Read(string path)
    {
        // Buffered reads rather than the whole file in one array: a 32 MB array stays in the large object heap's
        // committed memory after loading.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        if (reader.ReadString() != Magic || reader.ReadInt32() != FormatVersion)
        {
            throw new InvalidDataException($"SITREP-GEO-002: {path} is not a gazetteer of format {FormatVersion}; run ./sitrep setup --force");
        }

        var interned = new Dictionary<string, string>(StringComparer.Ordinal);
        string Intern(string value) => interned.TryGetValue(value, out var existing) ? existing : interned[value] = value;

        var entries = new GazetteerEntry[reader.ReadInt32()];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = new GazetteerEntry(
                reader.ReadInt64(),
                reader.ReadString(),
                reader.ReadSingle(),
                reader.ReadSingle(),
                Intern(reader.ReadString()),
                reader.ReadChar(),
                Intern(reader.ReadString()),
                Intern(reader.ReadString()),
                reader.ReadInt64());
        }

        var names = NameIndex.Read(reader);

        var commonCount = reader.ReadInt32();
        var common = new Dictionary<string, int>(commonCount, StringComparer.Ordinal);
        for (var i = 0; i < commonCount; i++)
        {
            common[reader.ReadString()] = reader.Read7BitEncodedInt();
        }

        return new PlaceGazetteer(entries, names, common);
    }
}
