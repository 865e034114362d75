using System.Collections.Frozen;
using System.Reflection;
using Sitrep.Events.Lexical;

namespace Sitrep.Actors;

/// <summary>
/// The actors Sitrep knows by name: every state (name, demonyms, capital as metonym) from
/// <c>Data/countries.tsv</c> and the organisations, groups, media and leaders of <c>Data/actors.tsv</c>,
/// both embedded in the assembly. Built once; immutable and thread-safe.
/// </summary>
public sealed class ActorRegistry
{
    private static readonly Lazy<ActorRegistry> Shared = new(() => Load(typeof(ActorRegistry).Assembly));

    private readonly FrozenDictionary<string, Alias[]> _aliasesByFirstWord;

    private ActorRegistry(IReadOnlyList<CountryInfo> countries, IReadOnlyList<(string Alias, ActorEntry Entry)> aliases)
    {
        Countries = countries;
        CountryByIso2 = countries.ToFrozenDictionary(c => c.Iso2, StringComparer.Ordinal);
        CountryByIso3 = countries.ToFrozenDictionary(c => c.Iso3, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var byFirst = new Dictionary<string, List<Alias>>(StringComparer.Ordinal);
        foreach (var (text, entry) in aliases)
        {
            var words = Tokenizer.Tokenize(text, 0, text.Length).Where(t => t.IsWord).ToArray();
            if (words.Length == 0 || !seen.Add(string.Join(' ', words.Select(w => w.Text))))
            {
                continue;
            }

            var exact = words.Any(w => w.IsAllCaps) || text.Contains('.', StringComparison.Ordinal);
            var alias = new Alias([.. words.Select(w => w.Lower)], [.. words.Select(w => w.Text)], exact, char.IsUpper(text[0]), entry);
            if (!byFirst.TryGetValue(alias.Lower[0], out var list))
            {
                byFirst[alias.Lower[0]] = list = [];
            }

            list.Add(alias);
        }

        _aliasesByFirstWord = byFirst.ToFrozenDictionary(p => p.Key, p => p.Value.OrderByDescending(a => a.Lower.Length).ToArray(), StringComparer.Ordinal);
        Entries = [.. aliases.Select(a => a.Entry).Distinct()];
    }

    /// <summary>The registry shipped with Sitrep (embedded data files), loaded on first use.</summary>
    public static ActorRegistry Default => Shared.Value;

    public IReadOnlyList<CountryInfo> Countries { get; }

    public FrozenDictionary<string, CountryInfo> CountryByIso2 { get; }

    public FrozenDictionary<string, CountryInfo> CountryByIso3 { get; }

    public IReadOnlyList<ActorEntry> Entries { get; }

    /// <summary>The longest alias that starts at <paramref name="index"/>, with the number of tokens it covers.</summary>
    public (ActorEntry Entry, int Length)? Match(IReadOnlyList<Token> tokens, int index)
    {
        var first = tokens[index];
        if (!first.IsWord || !_aliasesByFirstWord.TryGetValue(first.Lower, out var candidates))
        {
            return null;
        }

        foreach (var alias in candidates)
        {
            if (alias.Matches(tokens, index))
            {
                return (alias.Entry, alias.Lower.Length);
            }
        }

        return null;
    }

    /// <summary>True for a state that no longer exists (the Soviet Union, Czechoslovakia).</summary>
    public bool IsHistorical(string? iso2) => iso2 is not null && CountryByIso2.TryGetValue(iso2, out var c) && c.Dissolved is not null;

    /// <summary>ISO alpha-3 of a registry country (alpha-2), or null.</summary>
    public string? Iso3(string? iso2) => iso2 is not null && CountryByIso2.TryGetValue(iso2, out var c) ? c.Iso3 : null;

    public static ActorRegistry Load(Assembly assembly)
    {
        var countries = new List<CountryInfo>();
        var aliases = new List<(string, ActorEntry)>();
        foreach (var row in ReadTsv(assembly, "Sitrep.Actors.Data.actors.tsv"))
        {
            var type = Enum.Parse<ActorType>(row[1]);
            var entry = new ActorEntry(row[0], row[3], type, Empty(row[2]), ActorEntryKind.Named, row.Length > 5 ? Empty(row[5]) : null);
            aliases.Add((row[3], entry));
            foreach (var alias in Split(row.Length > 4 ? row[4] : ""))
            {
                aliases.Add((alias, entry));
            }
        }

        foreach (var row in ReadTsv(assembly, "Sitrep.Actors.Data.countries.tsv"))
        {
            var country = new CountryInfo(row[0], row[1], row[2])
            {
                Dissolved = row.Length > 6 && int.TryParse(row[6], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) ? year : null,
            };
            countries.Add(country);
            var state = new ActorEntry(country.Iso3, country.Name, ActorType.State, country.Iso2, ActorEntryKind.State);
            aliases.Add((country.Name, state));
            foreach (var alias in Split(row[3]))
            {
                aliases.Add((alias, state));
            }

            foreach (var demonym in Split(row[4]))
            {
                aliases.Add((demonym, state with { Kind = ActorEntryKind.Demonym }));
                if (demonym.EndsWith('n') || demonym.EndsWith('i'))
                {
                    aliases.Add((demonym + "s", state with { Kind = ActorEntryKind.Demonym, IsPlural = true }));
                }
            }

            var government = new ActorEntry(country.Iso3 + "-GOV", "Government of " + country.Name, ActorType.Government, country.Iso2, ActorEntryKind.Capital);
            foreach (var capital in Split(row.Length > 5 ? row[5] : ""))
            {
                aliases.Add((capital, government));
            }
        }

        // Demonyms and capitals never shadow a named actor or a state name with the same spelling.
        var ordered = aliases.Where(a => a.Item2.Kind is ActorEntryKind.Named or ActorEntryKind.State)
            .Concat(aliases.Where(a => a.Item2.Kind is ActorEntryKind.Demonym or ActorEntryKind.Capital))
            .ToList();
        return new ActorRegistry(countries, ordered);
    }

    private static IEnumerable<string[]> ReadTsv(Assembly assembly, string resource) =>
        Sitrep.Text.EmbeddedTable.Rows(assembly, resource, "SITREP-ACTORS-001");

    private static string[] Split(string value) => value.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? Empty(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private sealed record Alias(string[] Lower, string[] Exact, bool ExactCase, bool NeedsCapital, ActorEntry Entry)
    {
        public bool Matches(IReadOnlyList<Token> tokens, int index)
        {
            if (index + Lower.Length > tokens.Count)
            {
                return false;
            }

            for (var k = 0; k < Lower.Length; k++)
            {
                var token = tokens[index + k];
                if (!string.Equals(token.Lower, Lower[k], StringComparison.Ordinal)
                    || ExactCase && !string.Equals(token.Text, Exact[k], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            // A capitalised name must be capitalised in the text too ("Chad" the state, not "chad"),
            // and an all-caps sentence ("WHO SAID IT") must not turn every word into an acronym.
            return !NeedsCapital || tokens[index].IsCapitalized;
        }
    }
}
