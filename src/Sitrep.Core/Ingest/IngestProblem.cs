namespace Sitrep.Ingest;

/// <summary>
/// Why one input (a file, or one line or message in it) could not be read. Reported as one line,
/// "SITREP-INGEST-003: binary content, not text: path/to/file", and the rest of the batch goes on.
/// </summary>
public sealed record IngestProblem(string Code, string Origin, string Reason)
{
    public override string ToString() => $"{Code}: {Reason}: {Origin}";
}

/// <summary>The stable error codes of ingest. Never renumber; add new ones at the end.</summary>
public static class IngestErrors
{
    public const string Unreadable = "SITREP-INGEST-001";
    public const string Empty = "SITREP-INGEST-002";
    public const string Binary = "SITREP-INGEST-003";
    public const string TooLarge = "SITREP-INGEST-004";
    public const string MalformedJson = "SITREP-INGEST-005";
    public const string TelegramNoMessages = "SITREP-INGEST-006";
    public const string JsonlMissingField = "SITREP-INGEST-007";
    public const string NotFound = "SITREP-INGEST-008";
    public const string NoText = "SITREP-INGEST-009";
    public const string PipelineFailed = "SITREP-INGEST-010";
}
