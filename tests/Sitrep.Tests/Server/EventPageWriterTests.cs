using System.Text.Encodings.Web;
using System.Text.Json;
using Sitrep.Server.Api;
using Sitrep.Server.Situation;

namespace Sitrep.Tests.Server;

/// <summary>A page written from the events' kept JSON is byte for byte what serializing the page would give.</summary>
public sealed class EventPageWriterTests
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.Default,
    };

    [Theory]
    [InlineData(0, 0, 100)]
    [InlineData(1, 0, 1)]
    [InlineData(50, 10, 50)]
    [InlineData(300, 0, 1000)]
    public void Write_IsTheSerializedPage(int count, int offset, int limit)
    {
        var events = EventIndex.Order(EventIndexTests.Generate(new Random(count + 1), count)).ToList();
        if (events.Count > 0)
        {
            // Markup, quotes and other scripts: escaped the same way by the generated writer and the reflection one.
            var e = events[0];
            events[0] = e with { Mentions = [e.Mentions[0] with { EvidenceText = "<b>\"Ստեփանակերտ\" & 'Լաչին'</b> — 100\u00a0t" }] };
        }

        var index = new EventIndex(events);
        var page = index.Page(new EventQuery { Offset = offset, Limit = limit });

        var expected = JsonSerializer.SerializeToUtf8Bytes(new EventPageJson(page.Total, offset, limit, [.. page.Items.Select(EventJson.From)]), Options);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(expected), System.Text.Encoding.UTF8.GetString(EventPageWriter.Write(page, offset, limit, Options)));
    }
}
