using Sitrep.Documents;

namespace Sitrep.Geo;

/// <summary>
/// A toponym in the text and, when it could be resolved confidently, the gazetteer entry it refers to.
/// An unresolved toponym keeps its span and has no coordinates.
/// </summary>
public sealed record PlaceMention : Annotation
{
    public long? GeonameId { get; init; }

    public string? Name { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    public string? CountryCode { get; init; }

    /// <summary>GeoNames feature code (PPLC, PPLA, ADM1, PCLI, ...) or the supplement's own (CRSG, CORR, RGN).</summary>
    public string? FeatureCode { get; init; }

    /// <summary>The resolver's score for the chosen entry (0..1).</summary>
    public double Score { get; init; }

    /// <summary>How the name was used: a literal place or a demonym/adjective ("Azerbaijani").</summary>
    public PlaceMentionKind Kind { get; init; }

    /// <summary>The best candidates with their scores, kept for <c>--explain</c>; empty unless requested.</summary>
    public IReadOnlyList<PlaceCandidateScore> Candidates { get; init; } = [];

    public bool IsResolved => Latitude is not null && Longitude is not null;
}

public enum PlaceMentionKind
{
    Literal,
    Demonym,
}

/// <summary>A ranked gazetteer candidate and why it scored as it did.</summary>
public sealed record PlaceCandidateScore(long GeonameId, string Name, string? CountryCode, string? FeatureCode, double Score, string Reason);
