using Sitrep.Documents;

namespace Sitrep.Pipeline;

/// <summary>
/// One named step of the pipeline. It declares the layers it reads and the layers it fills, so a
/// pipeline can be checked once, when it is built, instead of failing on the first document.
/// </summary>
/// <remarks>
/// Implementations must be thread-safe: one instance processes many documents at once. Everything
/// per-document lives on the <see cref="ReportDocument"/>.
/// </remarks>
public interface IPipelineStage
{
    string Name { get; }

    /// <summary>Bumped whenever the stage's output for the same input may change; stored with every annotation.</summary>
    string Version { get; }

    IReadOnlyList<AnnotationLayer> Requires { get; }

    IReadOnlyList<AnnotationLayer> Assigns { get; }

    void Process(ReportDocument document, CancellationToken cancellationToken);
}
