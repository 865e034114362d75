using Sitrep.Documents;

namespace Sitrep.Pipeline;

/// <summary>The outcome for one document: the processed document, or the stage that failed and why.</summary>
public sealed record PipelineResult(ReportDocument Document, string? FailedStage, Exception? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// Runs a pipeline over many documents, in parallel, and isolates failures: one document that makes a
/// stage throw is reported, the others go on.
/// </summary>
public static class PipelineRunner
{
    public static PipelineResult RunOne(ReportPipeline pipeline, ReportDocument document, CancellationToken cancellationToken = default)
    {
        foreach (var stage in pipeline.Stages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                stage.Process(document, cancellationToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                return new PipelineResult(document, stage.Name, error);
            }
        }

        return new PipelineResult(document, null, null);
    }

    /// <summary>Processes documents on all cores, keeping the input order in the output.</summary>
    public static IReadOnlyList<PipelineResult> RunMany(ReportPipeline pipeline, IReadOnlyList<ReportDocument> documents, CancellationToken cancellationToken = default)
    {
        var results = new PipelineResult[documents.Count];
        Parallel.For(
            0,
            documents.Count,
            new ParallelOptions { CancellationToken = cancellationToken },
            i => results[i] = RunOne(pipeline, documents[i], cancellationToken));
        return results;
    }
}
