namespace Sitrep.Documents;

/// <summary>What the source says about a report, kept apart from what the pipeline finds in its text.</summary>
public sealed record ReportMetadata
{
    public static readonly ReportMetadata Empty = new();

    public string? Title { get; init; }

    public string? Author { get; init; }

    /// <summary>The outlet (DW, Reuters) or, for Telegram, the channel's name.</summary>
    public string? Outlet { get; init; }

    public string? Url { get; init; }

    /// <summary>Telegram channel name or id, when the report is a channel post.</summary>
    public string? Channel { get; init; }

    public string? ForwardedFrom { get; init; }
}
