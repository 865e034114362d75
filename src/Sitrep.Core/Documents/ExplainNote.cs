namespace Sitrep.Documents;

/// <summary>One line of reasoning a stage recorded for <c>--explain</c>, optionally tied to a span.</summary>
public sealed record ExplainNote(StageStamp Stage, TextSpan? Span, string Message);
