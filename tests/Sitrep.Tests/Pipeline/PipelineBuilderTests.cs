using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Text;

namespace Sitrep.Tests.Pipeline;

public sealed class PipelineBuilderTests
{
    private sealed class FakeStage(string name, AnnotationLayer[] requires, AnnotationLayer[] assigns, Action<ReportDocument>? action = null) : IPipelineStage
    {
        public string Name => name;

        public string Version => "1";

        public IReadOnlyList<AnnotationLayer> Requires => requires;

        public IReadOnlyList<AnnotationLayer> Assigns => assigns;

        public void Process(ReportDocument document, CancellationToken cancellationToken) => action?.Invoke(document);
    }

    [Fact]
    public void Build_StageWhoseRequirementIsUnmet_IsRejectedWithItsName()
    {
        var builder = new PipelineBuilder()
            .Add(new TextNormalizer())
            .Add(new FakeStage("places", [AnnotationLayer.Sentences], [AnnotationLayer.Places]));

        var error = Assert.Throws<PipelineValidationException>(builder.Build);
        Assert.Contains("SITREP-PIPE-002", error.Message, StringComparison.Ordinal);
        Assert.Contains("'places'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_DuplicateStageNames_AreRejected()
    {
        var builder = new PipelineBuilder().Add(new TextNormalizer()).Add(new TextNormalizer());
        Assert.Throws<PipelineValidationException>(builder.Build);
    }

    [Fact]
    public void RunMany_OneFailingDocument_DoesNotStopTheOthers()
    {
        var pipeline = new PipelineBuilder()
            .Add(new TextNormalizer())
            .Add(new SentenceSegmenter())
            .Add(new FakeStage("fussy", [AnnotationLayer.Sentences], [], d =>
            {
                if (d.Text.Contains("boom", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("cannot handle boom");
                }
            }))
            .Build();
        var documents = new[] { "Fine text.", "A boom here.", "Also fine." }
            .Select((t, i) => new ReportDocument($"d{i}", t, null)).ToList();

        var results = PipelineRunner.RunMany(pipeline, documents);

        Assert.True(results[0].Succeeded);
        Assert.False(results[1].Succeeded);
        Assert.Equal("fussy", results[1].FailedStage);
        Assert.True(results[2].Succeeded);
        Assert.Single(results[2].Document.Sentences);
    }
}
