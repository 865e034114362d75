using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Quantities;

/// <summary>
/// The <c>quantities</c> stage: counted and measured amounts with unit, category, approximation and
/// bound. Numbers inside temporal expressions (when the <c>times</c> stage ran before) are skipped.
/// </summary>
public sealed class QuantityStage : IPipelineStage
{
    public const string StageName = "quantities";

    private static readonly StageStamp Stamp = new(StageName, "1");

    public string Name => StageName;

    public string Version => Stamp.Version;

    public IReadOnlyList<AnnotationLayer> Requires => [AnnotationLayer.Sentences];

    public IReadOnlyList<AnnotationLayer> Assigns => [AnnotationLayer.Quantities];

    public void Process(ReportDocument document, CancellationToken cancellationToken)
    {
        var sentences = document.Sentences.Select(s => s.Span).ToList();
        var times = document.Times.Select(t => t.Span).ToList();
        foreach (var q in QuantityTagger.Tag(document.Normalized.Value, sentences, times))
        {
            document.Quantities.Add(new Quantity
            {
                Span = q.Span,
                Stage = Stamp,
                Confidence = q.Category is "people" or "supplies" or "buildings" ? 0.7 : 0.85,
                Value = q.Value,
                Unit = q.Unit,
                Approximate = q.Approximate,
                Bound = q.Bound,
                Category = q.Category,
            });
            if (document.Explain)
            {
                document.Explanations.Add(new ExplainNote(Stamp, q.Span, QuantityTagger.Describe(q)));
            }
        }
    }
}
