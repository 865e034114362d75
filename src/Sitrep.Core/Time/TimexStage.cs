using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Time;

/// <summary>
/// The <c>times</c> stage: TIMEX3 expressions of the whole text, resolved against the publication date
/// (<see cref="ReportDocument.Published"/>). Without one, relative expressions keep a null value: the
/// stage never falls back to today's date.
/// </summary>
public sealed class TimexStage : IPipelineStage
{
    public const string StageName = "times";

    private static readonly StageStamp Stamp = new(StageName, "2");

    public string Name => StageName;

    public string Version => Stamp.Version;

    public IReadOnlyList<AnnotationLayer> Requires => [AnnotationLayer.Sentences];

    public IReadOnlyList<AnnotationLayer> Assigns => [AnnotationLayer.Times];

    public void Process(ReportDocument document, CancellationToken cancellationToken)
    {
        var sentences = document.Sentences.Select(s => s.Span).ToList();
        foreach (var draft in TimexTagger.Tag(document.Normalized.Value, document.Published, sentences))
        {
            var span = new TextSpan(draft.Start, draft.End);
            document.Times.Add(new Timex
            {
                Span = span,
                Stage = Stamp,
                Confidence = draft.Value is null ? 0.5 : draft.Priority <= 2 ? 0.9 : 0.75,
                Type = draft.Type,
                Value = draft.Value,
                Mod = draft.Mod,
                RangeStart = draft.RangeStart,
                RangeEnd = draft.RangeEnd,
                Point = draft.Point,
            });
            if (document.Explain)
            {
                document.Explanations.Add(new ExplainNote(Stamp, span, $"rule {draft.Rule}: {draft.Type} {draft.Value ?? "(unresolved)"}"));
            }
        }
    }
}
