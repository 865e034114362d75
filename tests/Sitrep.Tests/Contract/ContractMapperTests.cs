using System.Text.Json;
using Sitrep.Contract;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Time;

namespace Sitrep.Tests.Contract;

public sealed class ContractMapperTests
{
    [Fact]
    public void Map_OffsetsCountCodePointsIntoTheSourceText()
    {
        // "😀" is two UTF-16 units but one code point; the time after it must be counted in code points.
        const string text = "😀 On 12 September 2023 aid arrived.";
        var document = new ReportDocument("r1", text, new DateOnly(2023, 9, 12));
        DefaultPipeline.Create(PipelineResources.FromEnvironment()).Process(document);
        var at = document.Normalized.Value.IndexOf("12 September 2023", StringComparison.Ordinal);
        document.Times.Add(new Timex
        {
            Span = new TextSpan(at, at + "12 September 2023".Length),
            Stage = new StageStamp("test", "1"),
            Confidence = 1,
            Type = TimexType.Date,
            Value = "2023-09-12",
        });

        var line = ContractJson.Serialize(ContractMapper.Map(document));
        using var json = JsonDocument.Parse(line);
        var time = json.RootElement.GetProperty("times")[0];

        var codePoints = text.EnumerateRunes().Select(r => r.ToString()).ToArray();
        var start = time.GetProperty("start").GetInt32();
        var end = time.GetProperty("end").GetInt32();
        Assert.Equal("12 September 2023", string.Concat(codePoints[start..end]));
        Assert.Equal("DATE", time.GetProperty("type").GetString());
        Assert.Equal("2023-09-12", json.RootElement.GetProperty("published").GetString());
    }

    [Fact]
    public void Serialize_WithoutText_LeavesTheTextFieldOut_AndKeepsEveryLayer()
    {
        var document = new ReportDocument("r2", "Nothing happened.", null);
        var line = ContractJson.Serialize(ContractMapper.Map(document, includeText: false));
        using var json = JsonDocument.Parse(line);

        Assert.False(json.RootElement.TryGetProperty("text", out _));
        foreach (var layer in new[] { "times", "quantities", "places", "actors", "events", "claims" })
        {
            Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty(layer).ValueKind);
        }

        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("published").ValueKind);
    }
}
