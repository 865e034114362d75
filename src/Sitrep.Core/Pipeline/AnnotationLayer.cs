namespace Sitrep.Pipeline;

/// <summary>The layers of a <see cref="Documents.ReportDocument"/> that stages require and assign.</summary>
public enum AnnotationLayer
{
    Normalized,
    Sentences,
    Times,
    Quantities,
    Places,
    Actors,
    Events,
    Claims,
}
