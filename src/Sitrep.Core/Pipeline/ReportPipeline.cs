using System.Collections.Immutable;
using Sitrep.Documents;

namespace Sitrep.Pipeline;

/// <summary>
/// An ordered, validated list of stages. Immutable and thread-safe: build it once and share it.
/// </summary>
public sealed class ReportPipeline
{
    internal ReportPipeline(ImmutableArray<IPipelineStage> stages) => Stages = stages;

    public ImmutableArray<IPipelineStage> Stages { get; }

    /// <summary>Runs every stage over the document. Exceptions propagate; <see cref="PipelineRunner"/> isolates them.</summary>
    public ReportDocument Process(ReportDocument document, CancellationToken cancellationToken = default)
    {
        foreach (var stage in Stages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            stage.Process(document, cancellationToken);
        }

        return document;
    }
}
