using Sitrep.Ingest;

namespace Sitrep.Store;

/// <summary>How many annotations of each contract layer a stored report has.</summary>
public sealed record LayerCounts(int Times, int Quantities, int Places, int Actors, int Events, int Claims);

/// <summary>One line of <c>sitrep reports</c>.</summary>
public sealed record ReportSummary
{
    public required ReportId Id { get; init; }

    public required string ExternalId { get; init; }

    public required int Version { get; init; }

    public required InputFormat Format { get; init; }

    public string? Title { get; init; }

    public string? Outlet { get; init; }

    public string? Channel { get; init; }

    public DateTimeOffset? Published { get; init; }

    public required DateTimeOffset IngestedAt { get; init; }

    public required LayerCounts Counts { get; init; }

    public string? Error { get; init; }
}

/// <summary>A stored report version with its source metadata, text and annotations.</summary>
public sealed record StoredReport
{
    public required ReportId Id { get; init; }

    public required ContentHash Hash { get; init; }

    public required string ExternalId { get; init; }

    public required int Version { get; init; }

    public required InputFormat Format { get; init; }

    /// <summary>The file it was read from when it was first ingested.</summary>
    public required string Origin { get; init; }

    public string? Title { get; init; }

    public string? Author { get; init; }

    public string? Outlet { get; init; }

    public string? Url { get; init; }

    public string? Channel { get; init; }

    public long? MessageId { get; init; }

    public string? ForwardedFrom { get; init; }

    public DateTimeOffset? Published { get; init; }

    public DateTimeOffset? Edited { get; init; }

    public required DateTimeOffset IngestedAt { get; init; }

    public required string Text { get; init; }

    /// <summary>The contract document without its text (JSON); offsets count code points into <see cref="Text"/>.</summary>
    public required string Annotations { get; init; }

    public required string Pipeline { get; init; }

    public string? Error { get; init; }
}

/// <summary>One search result: the report, its rank score (higher is better) and a snippet with the matches marked.</summary>
public sealed record SearchHit
{
    public required ReportId Id { get; init; }

    public required string ExternalId { get; init; }

    public required int Version { get; init; }

    public string? Title { get; init; }

    public DateTimeOffset? Published { get; init; }

    /// <summary>The negated bm25 score: higher is better.</summary>
    public required double Score { get; init; }

    /// <summary>A passage of the text with each match between <see cref="MatchStart"/> and <see cref="MatchEnd"/>.</summary>
    public required string Snippet { get; init; }

    /// <summary>
    /// Control characters (STX, ETX) that readable reports do not contain, so front ends can replace them
    /// with their own markup without confusing them with the text.
    /// </summary>
    public const string MatchStart = "\u0002";

    public const string MatchEnd = "\u0003";
}
