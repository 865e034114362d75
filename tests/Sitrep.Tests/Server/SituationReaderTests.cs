using System.Net.Http.Json;
using System.Text.Json;
using Sitrep.Server.Api;
using Sitrep.Situation.Review;
using Sitrep.Store.Knowledge;
using Sitrep.Store.Sqlite;

namespace Sitrep.Tests.Server;

/// <summary>
/// The server reads the persisted knowledge base: analysts' decisions show, including those another
/// process (the CLI) records while the server runs, and the pages it writes from cached JSON are the
/// same JSON the event's own page gives.
/// </summary>
public sealed class SituationReaderTests
{
    [Fact]
    public async Task DecisionRecordedByAnotherProcess_ShowsWithinSeconds_AndRejectedEventsOnlyWhenAskedFor()
    {
        await using var server = await SitrepTestServer.StartAsync();
        using var client = server.Client();
        var before = (await client.GetFromJsonAsync<EventPageJson>("/api/events?type=BLOCKADE&limit=1000"))!;
        var target = before.Items[0];
        Assert.Equal("unreviewed", target.Review);

        // What `sitrep review reject KEY` does, through its own connection to the same file.
        await using (var store = await SqliteReportStore.OpenAsync(server.Database, TimeProvider.System, default))
        {
            var knowledge = new KnowledgeBase(store, TimeProvider.System);
            var detail = (await client.GetFromJsonAsync<EventDetailJson>($"/api/events/{Uri.EscapeDataString(target.Id)}"))!;
            await knowledge.RecordAsync(new ReviewDecision { Kind = ReviewKind.Reject, Target = detail.Mentions[0].Key, Analyst = "ana", At = TimeProvider.System.GetUtcNow() }, default);
        }

        var rejected = await PollAsync(client, "/api/events?type=BLOCKADE&review=rejected&limit=1000", page => page.Total == 1, TimeSpan.FromSeconds(30));
        Assert.Equal(target.Id, rejected.Items.Single().Id);
        Assert.Equal("rejected", rejected.Items.Single().Review);
        var after = (await client.GetFromJsonAsync<EventPageJson>("/api/events?type=BLOCKADE&limit=1000"))!;
        Assert.Equal(before.Total - 1, after.Total);
        Assert.DoesNotContain(after.Items, e => e.Id == target.Id);
    }

    [Fact]
    public async Task ListedEvent_IsTheSameJsonAsTheEventInFull()
    {
        await using var server = await SitrepTestServer.StartAsync();
        using var client = server.Client();
        using var page = JsonDocument.Parse(await client.GetStringAsync("/api/events?limit=5"));
        foreach (var listed in page.RootElement.GetProperty("items").EnumerateArray())
        {
            var id = listed.GetProperty("id").GetString()!;
            using var detail = JsonDocument.Parse(await client.GetStringAsync($"/api/events/{Uri.EscapeDataString(id)}"));
            Assert.Equal(detail.RootElement.GetProperty("event").GetRawText(), listed.GetRawText());
        }

        Assert.Equal(5, page.RootElement.GetProperty("limit").GetInt32());
        Assert.True(page.RootElement.GetProperty("total").GetInt32() >= page.RootElement.GetProperty("items").GetArrayLength());
    }

    private static async Task<EventPageJson> PollAsync(HttpClient client, string path, Func<EventPageJson, bool> done, TimeSpan patience)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var page = (await client.GetFromJsonAsync<EventPageJson>(path))!;
            if (done(page) || waited.Elapsed > patience)
            {
                return page;
            }

            await Task.Delay(250);
        }
    }
}
