using Sitrep.Actors;
using Sitrep.Claims;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Geo;
using Sitrep.Pipeline;
using Sitrep.Quantities;
using Sitrep.Text;
using Sitrep.Time;

namespace Sitrep.Tests.Events;

/// <summary>
/// Runs the actor, event and claim stages over a text, optionally with hand-made times, places and
/// quantities standing in for the stages other branches build.
/// </summary>
internal static class EventTestKit
{
    private static readonly StageStamp Hand = new("hand", "1");

    public static string RepositoryRoot() => Support.TestPaths.RepositoryRoot;

    /// <summary>The shared corpora folder (../shared/data beside the repository).</summary>
    public static string SharedData(params string[] parts) => Support.TestPaths.Shared(["data", .. parts]);

    public static ReportDocument Run(string text, DateOnly? published = null, ReportMetadata? metadata = null, Action<ReportDocument>? layers = null)
    {
        var document = new ReportDocument("t", text, published ?? new DateOnly(2024, 1, 15), metadata);
        var pipeline = new PipelineBuilder()
            .Add(new TextNormalizer())
            .Add(new SentenceSegmenter())
            .Add(new HandLayers(layers))
            .Add(new ActorStage())
            .Add(new EventStage())
            .Add(new ClaimStage())
            .Build();
        return pipeline.Process(document);
    }

    public static void AddTime(ReportDocument document, string phrase, string value, string? rangeStart = null)
    {
        var at = Find(document, phrase);
        document.Times.Add(new Timex { Span = new TextSpan(at, at + phrase.Length), Stage = Hand, Confidence = 1, Type = TimexType.Date, Value = value, RangeStart = rangeStart });
    }

    public static void AddPlace(ReportDocument document, string phrase, double lat, double lon)
    {
        var at = Find(document, phrase);
        document.Places.Add(new PlaceMention { Span = new TextSpan(at, at + phrase.Length), Stage = Hand, Confidence = 1, Name = phrase, Latitude = lat, Longitude = lon, Score = 1 });
    }

    public static void AddQuantity(ReportDocument document, string phrase, double value, string unit, string category)
    {
        var at = Find(document, phrase);
        document.Quantities.Add(new Quantity { Span = new TextSpan(at, at + phrase.Length), Stage = Hand, Confidence = 1, Value = value, Unit = unit, Category = category, Approximate = true });
    }

    public static string Text(ReportDocument document, EventMention e) => document.Slice(e.TriggerSpan ?? e.Span);

    private static int Find(ReportDocument document, string phrase)
    {
        var at = document.Normalized.Value.IndexOf(phrase, StringComparison.Ordinal);
        return at >= 0 ? at : throw new ArgumentException($"'{phrase}' not in the text");
    }

    /// <summary>Stands in for the times, quantities and places stages.</summary>
    private sealed class HandLayers(Action<ReportDocument>? layers) : IPipelineStage
    {
        public string Name => "hand";

        public string Version => "1";

        public IReadOnlyList<AnnotationLayer> Requires => [AnnotationLayer.Normalized];

        public IReadOnlyList<AnnotationLayer> Assigns => [AnnotationLayer.Times, AnnotationLayer.Quantities, AnnotationLayer.Places];

        public void Process(ReportDocument document, CancellationToken cancellationToken) => layers?.Invoke(document);
    }
}
