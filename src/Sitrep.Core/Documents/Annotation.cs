namespace Sitrep.Documents;

/// <summary>
/// Base of every annotation: a span of the normalized text, the stage that made it, and how sure it is.
/// </summary>
public abstract record Annotation
{
    public required TextSpan Span { get; init; }

    public required StageStamp Stage { get; init; }

    /// <summary>0..1; 1 for deterministic structure (sentences), lower for inferred content.</summary>
    public required double Confidence { get; init; }
}
