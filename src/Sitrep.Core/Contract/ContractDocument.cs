using System.Text.Json.Serialization;

namespace Sitrep.Contract;

// The machine-readable contract of `sitrep extract` (docs/contract.md). These records are the public
// shape: add fields, never rename or remove them. Offsets count Unicode code points into `text`.

public sealed record ContractDocument
{
    public required string Id { get; init; }

    public string? Published { get; init; }

    /// <summary>Omitted with <c>--no-text</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Text { get; init; }

    public required IReadOnlyList<ContractTime> Times { get; init; }

    public required IReadOnlyList<ContractQuantity> Quantities { get; init; }

    public required IReadOnlyList<ContractPlace> Places { get; init; }

    public required IReadOnlyList<ContractActor> Actors { get; init; }

    public required IReadOnlyList<ContractEvent> Events { get; init; }

    public required IReadOnlyList<ContractClaim> Claims { get; init; }

    /// <summary>Only with <c>--explain</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ContractExplanation>? Explain { get; init; }

    /// <summary>Set when the pipeline failed on this document: "SITREP-EXTRACT-001: stage 'x' failed: ...".</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; init; }
}

public sealed record ContractTime(int Start, int End, string Text, string Type, string? Value)
{
    public string? Mod { get; init; }

    public string? RangeStart { get; init; }

    public string? RangeEnd { get; init; }

    /// <summary>For an offset from another time ("three days after ..."): the date it points to, or null.</summary>
    public string? Point { get; init; }
}

public sealed record ContractQuantity(int Start, int End, string Text, double Value, string Unit, bool Approximate, string Category)
{
    /// <summary>"exact", "lower" (at least, more than) or "upper" (up to, fewer than).</summary>
    public string Bound { get; init; } = "exact";
}

public sealed record ContractPlace(
    int Start,
    int End,
    string Text,
    long? Geonameid,
    string? Name,
    double? Lat,
    double? Lon,
    string? CountryCode,
    string? FeatureCode,
    double Score)
{
    /// <summary>"literal" or "demonym".</summary>
    public string Kind { get; init; } = "literal";
}

public sealed record ContractActor(int Start, int End, string Text, string Id, string Name, string Type, string? CountryCode)
{
    public bool IsNew { get; init; }

    /// <summary>For a new actor: the publication date of the report it was first seen in.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? FirstSeen { get; init; }

    /// <summary>For a new actor: the channel or outlet of that report.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? FirstSeenChannel { get; init; }

    /// <summary>For people: the office that makes them speak for <see cref="Id"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Office { get; init; }
}

public sealed record ContractEventPlace(int Start, int End, string Text, double? Lat, double? Lon);

public sealed record ContractSpan(int Start, int End);

public sealed record ContractEvent
{
    public required string Id { get; init; }

    public required string Type { get; init; }

    public string? AcledEventType { get; init; }

    public string? AcledSubEventType { get; init; }

    public string? CameoRoot { get; init; }

    public required string Modality { get; init; }

    public bool Negated { get; init; }

    public string? Actor1 { get; init; }

    public string? Actor2 { get; init; }

    public ContractEventPlace? Place { get; init; }

    public string? Date { get; init; }

    public required IReadOnlyList<ContractQuantity> Quantities { get; init; }

    public required IReadOnlyList<string> Supplies { get; init; }

    public required ContractSpan Evidence { get; init; }

    public double Confidence { get; init; }

    /// <summary>PLOVER type with PLOVER's reading of mode (planned cooperation is AGREE, threatened coercion THREATEN).</summary>
    public string? PloverType { get; init; }

    /// <summary>The words that evoked the event.</summary>
    public ContractSpan? Trigger { get; init; }

    /// <summary>All coordinated actors on each side; <see cref="Actor1"/> and <see cref="Actor2"/> are the first of each.</summary>
    public IReadOnlyList<string> Actor1All { get; init; } = [];

    public IReadOnlyList<string> Actor2All { get; init; } = [];

    /// <summary>An act done together ("held talks with"): <see cref="Actor1All"/> lists every party and <see cref="Actor2All"/> is empty.</summary>
    public bool Reciprocal { get; init; }

    /// <summary>"text" when the date comes from a time expression of the sentence, "published" when it is the report's date.</summary>
    public string? DateSource { get; init; }
}

public sealed record ContractClaim(int Start, int End, string Speaker, IReadOnlyList<string> Via, string Text);

public sealed record ContractExplanation(string Stage, ContractSpan? Span, string Message);
