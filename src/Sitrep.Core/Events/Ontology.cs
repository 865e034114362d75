using System.Collections.Frozen;
using System.Reflection;

namespace Sitrep.Events;

/// <summary>
/// The event types Sitrep codes, read once from the embedded <c>Data/ontology.tsv</c> (the one source of
/// truth; docs/ontology.md is checked against it by a test). Immutable and thread-safe.
/// </summary>
public sealed class Ontology
{
    private static readonly Lazy<Ontology> Shared = new(() => Load(typeof(Ontology).Assembly));

    private Ontology(IReadOnlyList<EventType> types)
    {
        Types = types;
        ByCode = types.ToFrozenDictionary(t => t.Code, StringComparer.Ordinal);
    }

    public static Ontology Default => Shared.Value;

    public IReadOnlyList<EventType> Types { get; }

    public FrozenDictionary<string, EventType> ByCode { get; }

    public EventType this[string code] => ByCode.TryGetValue(code, out var type)
        ? type
        : throw new KeyNotFoundException($"SITREP-EVENTS-002: event type '{code}' is not in the ontology.");

    public static Ontology Load(Assembly assembly)
    {
        const string resource = "Sitrep.Events.Data.ontology.tsv";
        var types = new List<EventType>();
        foreach (var f in Sitrep.Text.EmbeddedTable.Rows(assembly, resource, "SITREP-EVENTS-001"))
        {
            types.Add(new EventType(f[0], f[1], f[2], f[3], f[4], int.Parse(f[5], System.Globalization.CultureInfo.InvariantCulture), f[6], f[7]));
        }

        return new Ontology(types);
    }
}
