using Sitrep.Ingest;

namespace Sitrep.Store;

/// <summary>One processed report on its way into the store: the source report and what the pipeline found.</summary>
public sealed record ReportToStore
{
    public required SourceReport Source { get; init; }

    public required ContentHash Hash { get; init; }

    /// <summary>The contract document (docs/contract.md) without its text, as JSON: the annotations by layer.</summary>
    public required string Annotations { get; init; }

    /// <summary>The stages and versions that made the annotations: "normalize@1 sentences@1 ...".</summary>
    public required string Pipeline { get; init; }

    /// <summary>Why the pipeline failed on this report ("SITREP-INGEST-010: ..."); its text is stored all the same.</summary>
    public string? Error { get; init; }
}

public enum SaveOutcome
{
    /// <summary>A report whose source id was not stored before.</summary>
    New,

    /// <summary>A new text for a source id already stored (an edited post): kept beside the earlier versions.</summary>
    NewVersion,

    /// <summary>This exact content was already stored; nothing was written.</summary>
    AlreadyStored,
}

public sealed record SavedReport(ReportId Id, ContentHash Hash, int Version, SaveOutcome Outcome);
