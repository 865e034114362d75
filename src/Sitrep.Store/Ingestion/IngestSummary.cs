using Sitrep.Ingest;

namespace Sitrep.Store.Ingestion;

/// <summary>What the pipeline found in the newly stored reports, by layer.</summary>
public sealed record FoundCounts(int Sentences, int Times, int Quantities, int Places, int Actors, int Events, int Claims)
{
    public static readonly FoundCounts None = new(0, 0, 0, 0, 0, 0, 0);

    public FoundCounts Add(FoundCounts other) => new(
        Sentences + other.Sentences,
        Times + other.Times,
        Quantities + other.Quantities,
        Places + other.Places,
        Actors + other.Actors,
        Events + other.Events,
        Claims + other.Claims);
}

/// <summary>The outcome of one ingest run.</summary>
public sealed record IngestSummary
{
    /// <summary>Inputs (files, standard input) that were looked at.</summary>
    public required int Inputs { get; init; }

    /// <summary>Inputs with at least one problem (the whole file, or some of its records).</summary>
    public required int InputsFailed { get; init; }

    /// <summary>Reports the readers produced.</summary>
    public required int ReportsRead { get; init; }

    /// <summary>Reports stored for the first time.</summary>
    public required int New { get; init; }

    /// <summary>New texts for reports already stored (edited posts): kept as further versions.</summary>
    public required int NewVersions { get; init; }

    /// <summary>Reports whose exact content was already stored: nothing written.</summary>
    public required int AlreadyStored { get; init; }

    /// <summary>Records skipped on purpose: Telegram service messages and media-only posts.</summary>
    public required int Skipped { get; init; }

    /// <summary>Reports stored with a pipeline error instead of (some of) their annotations.</summary>
    public required int PipelineFailures { get; init; }

    public required IReadOnlyList<IngestProblem> Problems { get; init; }

    /// <summary>Annotations in the reports stored by this run.</summary>
    public required FoundCounts Found { get; init; }

    public required TimeSpan Elapsed { get; init; }

    public bool Succeeded => Problems.Count == 0 && PipelineFailures == 0;
}
