using System.Globalization;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Tests.Support;
using Sitrep.Text;
using Sitrep.Time;

namespace Sitrep.Tests.Time;

/// <summary>Runs every example of <c>Examples/news-times.md</c> through the times stage.</summary>
public sealed class TimexExampleTests
{
    private const string File = "tests/Sitrep.Tests/Time/Examples/news-times.md";

    private static readonly ReportPipeline Pipeline = new PipelineBuilder()
        .Add(new TextNormalizer())
        .Add(new SentenceSegmenter())
        .Add(new TimexStage())
        .Build();

    public static TheoryData<string> Titles()
    {
        var data = new TheoryData<string>();
        foreach (var example in ExampleFile.Read(File))
        {
            data.Add(example.Title);
        }

        return data;
    }

    [Fact]
    public void ExampleFile_HasExamplesForEveryPrecision()
    {
        var examples = ExampleFile.Read(File);
        Assert.True(examples.Count >= 30, $"only {examples.Count} examples");
        Assert.All(examples, e => Assert.False(string.IsNullOrEmpty(e.Text), e.Title));
    }

    [Theory]
    [MemberData(nameof(Titles))]
    public void Times_MatchTheExample(string title)
    {
        var example = ExampleFile.Read(File).Single(e => e.Title == title);
        var published = example.Fields["published"] == "none" ? (DateOnly?)null : DateOnly.ParseExact(example.Fields["published"], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var document = Pipeline.Process(new ReportDocument("example", example.Text, published));

        // The point column is optional: tables that have it check where offsets ("three days after ...") point.
        var withPoint = example.Rows.Count > 0 && example.Rows[0].ContainsKey("point");
        var expected = example.Rows.Select(r => Describe(r["text"], r["type"], r["value"], r["mod"], r["range"], withPoint ? r["point"] : null)).ToList();
        var actual = document.Times.Select(t => Describe(
            document.Slice(t.Span),
            t.Type.ToString().ToUpperInvariant(),
            t.Value ?? string.Empty,
            t.Mod ?? string.Empty,
            t.RangeStart is null && t.RangeEnd is null ? string.Empty : $"{t.RangeStart}..{t.RangeEnd}",
            withPoint ? t.Point ?? string.Empty : null)).ToList();
        Assert.Equal(expected, actual);
    }

    private static string Describe(string text, string type, string value, string mod, string range, string? point) =>
        $"'{text}' {type} {value} mod={mod} range={range}" + (point is null ? string.Empty : $" point={point}");
}
