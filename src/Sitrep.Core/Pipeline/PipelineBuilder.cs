namespace Sitrep.Pipeline;

/// <summary>Collects stages in order and builds an immutable, validated <see cref="ReportPipeline"/>.</summary>
public sealed class PipelineBuilder
{
    private readonly List<IPipelineStage> _stages = [];

    public PipelineBuilder Add(IPipelineStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        _stages.Add(stage);
        return this;
    }

    /// <exception cref="PipelineValidationException">A stage needs a layer no earlier stage assigns, or two stages share a name.</exception>
    public ReportPipeline Build()
    {
        var assigned = new HashSet<AnnotationLayer>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stage in _stages)
        {
            if (!names.Add(stage.Name))
            {
                throw new PipelineValidationException($"SITREP-PIPE-001: two stages are named '{stage.Name}'.");
            }

            var missing = stage.Requires.Where(layer => !assigned.Contains(layer)).ToList();
            if (missing.Count > 0)
            {
                throw new PipelineValidationException(
                    $"SITREP-PIPE-002: stage '{stage.Name}' requires {string.Join(", ", missing)}, which no earlier stage assigns.");
            }

            assigned.UnionWith(stage.Assigns);
        }

        return new ReportPipeline([.. _stages]);
    }
}
