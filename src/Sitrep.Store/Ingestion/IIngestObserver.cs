using Sitrep.Ingest;

namespace Sitrep.Store.Ingestion;

/// <summary>Where ingest reports as it goes: a progress bar, plain lines, a web page. Called on the ingesting thread.</summary>
public interface IIngestObserver
{
    /// <summary>An input (or a record in it) could not be read; the batch goes on.</summary>
    void OnProblem(IngestProblem problem);

    /// <summary>The pipeline failed on a report; it was stored with its text and the error.</summary>
    void OnPipelineFailure(string externalId, string error);

    void OnProgress(IngestProgress progress);
}

/// <summary>How far an ingest run is: inputs read of the total, reports written or found already stored.</summary>
public sealed record IngestProgress(int InputsDone, int InputsTotal, int ReportsDone, int ReportsPending, string? CurrentInput)
{
    /// <summary>0..1: inputs done plus the share of the current input's reports processed.</summary>
    public double Completed { get; init; }
}
