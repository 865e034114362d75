using System.Collections.Frozen;

namespace Sitrep.Geo.Gazetteer;

/// <summary>
/// The loaded gazetteer: every place, and an index from folded name keys (<see cref="NameFold.Key"/>) to
/// the places that carry that name. Immutable after loading and safe to share between threads.
/// </summary>
public sealed class PlaceGazetteer
{
    private readonly GazetteerEntry[] _entries;
    private readonly NameIndex _names;
    private readonly FrozenDictionary<string, int> _countries;
    private readonly FrozenDictionary<string, int> _regions;
    private readonly Dictionary<string, int> _commonWordRank;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _commonSpanLookup;

    internal PlaceGazetteer(GazetteerEntry[] entries, NameIndex names, Dictionary<string, int> commonWordRank)
    {
        _entries = entries;
        Entries = entries;
        _names = names;
        _commonWordRank = commonWordRank;
        _commonSpanLookup = commonWordRank.GetAlternateLookup<ReadOnlySpan<char>>();
        var countries = new Dictionary<string, int>(StringComparer.Ordinal);
        var regions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            if (entry.IsCountry && entry.Id < SupplementIds.First)
            {
                countries.TryAdd(entry.CountryCode, i);
            }
            else if (entry.IsFirstOrderRegion && entry.Admin1.Length > 0)
            {
                regions.TryAdd(RegionKey(entry.CountryCode, entry.Admin1), i);
            }
        }

        _countries = countries.ToFrozenDictionary(StringComparer.Ordinal);
        _regions = regions.ToFrozenDictionary(StringComparer.Ordinal);
        var maxTokens = 0;
        for (var i = 0; i < names.Count; i++)
        {
            maxTokens = Math.Max(maxTokens, names.Key(i).Count(' ') + 1);
        }

        MaxTokens = maxTokens;
    }

    public IReadOnlyList<GazetteerEntry> Entries { get; }

    /// <summary>The entry at an index (fast path for the resolver).</summary>
    public GazetteerEntry Entry(int index) => _entries[index];

    public int NameCount => _names.Count;

    /// <summary>The most tokens any name has; recognition never looks further.</summary>
    public int MaxTokens { get; }

    public ReadOnlySpan<NamePosting> Lookup(ReadOnlySpan<char> key) => _names.Lookup(key);

    public ReadOnlySpan<NamePosting> Lookup(string key) => _names.Lookup(key);

    /// <summary>The rank of a one-word key among frequent English words (1 = most frequent), or 0 when it is not one.</summary>
    public int CommonWordRank(ReadOnlySpan<char> key) => _commonSpanLookup.TryGetValue(key, out var rank) ? rank : 0;

    /// <summary>The country entry for an ISO 3166-1 alpha-2 code.</summary>
    public GazetteerEntry? Country(string countryCode) =>
        _countries.TryGetValue(countryCode, out var index) ? Entries[index] : null;

    /// <summary>The first-level region an entry lies in, from its admin code.</summary>
    public GazetteerEntry? Region(string countryCode, string admin1) =>
        admin1.Length > 0 && _regions.TryGetValue(RegionKey(countryCode, admin1), out var index) ? Entries[index] : null;

    private static string RegionKey(string countryCode, string admin1) => string.Concat(countryCode, ".", admin1);

    internal NameIndex Names => _names;

    internal Dictionary<string, int> CommonWords => _commonWordRank;
}

/// <summary>One place carrying a name, and how it carries it.</summary>
public readonly record struct NamePosting(int EntryIndex, NameKind Kind);

[Flags]
public enum NameKind : byte
{
    /// <summary>An alternate name (other language, old name, variant spelling).</summary>
    Alternate = 0,

    /// <summary>The place's main name or its ASCII form.</summary>
    Primary = 1,

    /// <summary>A demonym or adjective ("Syrian", "Azerbaijanis") standing for the place.</summary>
    Demonym = 2,

    /// <summary>An abbreviation or code ("US", "UK", "DRC").</summary>
    Abbreviation = 4,
}

/// <summary>The id range of supplement entries that GeoNames does not have.</summary>
public static class SupplementIds
{
    public const long First = 900_000_000_000;
}
