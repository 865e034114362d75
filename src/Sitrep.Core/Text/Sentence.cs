using Sitrep.Documents;

namespace Sitrep.Text;

/// <summary>A sentence (or a heading or list line standing alone) of the normalized text.</summary>
public sealed record Sentence : Annotation;
