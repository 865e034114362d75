using System.Globalization;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Quantities;
using Sitrep.Tests.Support;
using Sitrep.Text;
using Sitrep.Time;

namespace Sitrep.Tests.Quantities;

/// <summary>Runs every example of <c>Examples/news-quantities.md</c> through the times and quantities stages.</summary>
public sealed class QuantityExampleTests
{
    private const string File = "tests/Sitrep.Tests/Quantities/Examples/news-quantities.md";

    private static readonly ReportPipeline Pipeline = new PipelineBuilder()
        .Add(new TextNormalizer())
        .Add(new SentenceSegmenter())
        .Add(new TimexStage())
        .Add(new QuantityStage())
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
    public void ExampleFile_CoversTheCategories()
    {
        var categories = ExampleFile.Read(File).SelectMany(e => e.Rows).Select(r => r["category"]).ToHashSet();
        foreach (var category in new[] { "population", "killed", "injured", "displaced", "trapped", "evacuated", "needing_evacuation", "detained", "missing", "vehicles", "mass", "volume", "money", "distance", "percent" })
        {
            Assert.Contains(category, categories);
        }
    }

    [Theory]
    [MemberData(nameof(Titles))]
    public void Quantities_MatchTheExample(string title)
    {
        var example = ExampleFile.Read(File).Single(e => e.Title == title);
        var document = Pipeline.Process(new ReportDocument("example", example.Text, new DateOnly(2023, 9, 12)));

        var expected = example.Rows.Select(r => $"'{r["text"]}' {r["value"]} {r["unit"]} approx={r["approximate"]} {r["bound"]} {r["category"]}").ToList();
        var actual = document.Quantities.Select(q => string.Create(CultureInfo.InvariantCulture,
            $"'{document.Slice(q.Span)}' {q.Value} {q.Unit} approx={(q.Approximate ? "true" : "false")} {q.Bound.ToString().ToLowerInvariant()} {q.Category}")).ToList();
        Assert.Equal(expected, actual);
    }
}
