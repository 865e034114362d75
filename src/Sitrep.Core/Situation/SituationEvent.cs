using Sitrep.Time;

namespace Sitrep.Situation;

/// <summary>
/// One event as one report told it: the unit the knowledge base merges. Built from a stored report's
/// extracted event (contract shape) and the report's metadata.
/// </summary>
public sealed record SituationEvent
{
    /// <summary>Stable identity across re-extraction: report id, event type and evidence offsets.</summary>
    public required string Key { get; init; }

    public required string ReportId { get; init; }

    /// <summary>Outlet or channel that published the report.</summary>
    public string? Source { get; init; }

    public DateOnly? Published { get; init; }

    public required string Type { get; init; }

    public string? Actor1 { get; init; }

    public string? Actor2 { get; init; }

    /// <summary>The display names of <see cref="Actor1"/> and <see cref="Actor2"/> ("Azerbaijan" for AZE), when known.</summary>
    public string? Actor1Name { get; init; }

    public string? Actor2Name { get; init; }

    /// <summary>The ISO 3166 alpha-3 country of <see cref="Actor1"/> and <see cref="Actor2"/> (RUS for the Russian Red Cross), when known.</summary>
    public string? Actor1Country { get; init; }

    public string? Actor2Country { get; init; }

    /// <summary>The contract's actor type of <see cref="Actor1"/> ("state", "ngo", ...), when known.</summary>
    public string? Actor1Type { get; init; }

    /// <summary>The gazetteer's name of the place where it happened.</summary>
    public string? PlaceName { get; init; }

    /// <summary>The place as the report wrote it ("Artsakh", "Xankandi"): becomes an alias of the area.</summary>
    public string? PlaceText { get; init; }

    public long? GeonameId { get; init; }

    /// <summary>GeoNames feature code (PPLA, ADM1, ...) or the supplement's (RGN, CORR, CRSG).</summary>
    public string? FeatureCode { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    /// <summary>When it happened, as a calendar interval; null when neither the sentence nor the report dates it.</summary>
    public TimexInterval? When { get; init; }

    public IReadOnlyList<SituationQuantity> Quantities { get; init; } = [];

    public IReadOnlyList<string> Supplies { get; init; } = [];

    public string Modality { get; init; } = "asserted";

    public string EvidenceText { get; init; } = string.Empty;

    public double Confidence { get; init; } = 1.0;

    /// <summary>The date used to bucket the event: when it happened, else when it was published.</summary>
    internal DateOnly? AnchorDate => When?.Start ?? Published;
}

/// <summary>A figure an event carries: "around 120,000 people" (population).</summary>
public sealed record SituationQuantity(double Value, string Unit, string Category, bool Approximate, string Text);
