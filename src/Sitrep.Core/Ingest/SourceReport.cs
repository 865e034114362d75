using Sitrep.Documents;

namespace Sitrep.Ingest;

/// <summary>
/// A report as a reader found it in its source, before any extraction: its text, where it came from,
/// and the times the source gives (published, edited). Ingest time is the store's business.
/// </summary>
public sealed record SourceReport
{
    /// <summary>
    /// The identity the source gives the report: a JSONL id, "telegram:CHANNEL/MESSAGE", a URL, or the
    /// file name. Two versions of one edited post share it; their texts differ.
    /// </summary>
    public required string ExternalId { get; init; }

    public required string Text { get; init; }

    public required InputFormat Format { get; init; }

    /// <summary>The file the report was read from ("-" for standard input).</summary>
    public required string Origin { get; init; }

    public DateTimeOffset? Published { get; init; }

    public DateTimeOffset? Edited { get; init; }

    /// <summary>Telegram message id, when the report is a channel post.</summary>
    public long? MessageId { get; init; }

    public ReportMetadata Metadata { get; init; } = ReportMetadata.Empty;

    /// <summary>
    /// The identity of a whole-file report: its file name, or for standard input (which has none) a name
    /// made from its content, so two different texts piped in are two reports, not two versions of "-".
    /// </summary>
    public static string FileIdentity(string origin, string text)
    {
        if (origin != "-")
        {
            return Path.GetFileName(origin);
        }

        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text));
        return "stdin:" + Convert.ToHexStringLower(hash)[..16];
    }

    /// <summary>The pipeline's view of the report; the publication date is the anchor for relative times.</summary>
    public ReportDocument ToDocument(bool explain = false) =>
        new(ExternalId, Text, Published is { } p ? DateOnly.FromDateTime(p.Date) : null, Metadata) { Explain = explain };
}
