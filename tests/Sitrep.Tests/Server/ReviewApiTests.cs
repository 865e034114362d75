using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sitrep.Server.Api;
using Sitrep.Server.Security;

namespace Sitrep.Tests.Server;

/// <summary>Analysts' review over HTTP, and the area brief: a server of their own, since decisions change what every read shows.</summary>
public sealed class ReviewApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private SitrepTestServer Server => fixture.Server;

    [Fact]
    public async Task Review_WithoutCredentials_Is401_AndAsViewer_Is403()
    {
        var id = (await QueueAsync()).Items[^1].Event.Id;
        using var anonymous = Server.Client();
        using var viewer = Server.KeyClient(Server.ViewerKey);
        foreach (var client in new[] { anonymous, viewer })
        {
            var expected = client == anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
            using var review = await client.PostAsJsonAsync(ReviewUrl(id), new ReviewInputJson("confirm", null, null, null));
            using var merge = await client.PostAsJsonAsync($"/api/events/{Uri.EscapeDataString(id)}/merge", new MergeInputJson(id, null));
            using var log = await client.GetAsync("/api/review/log");
            Assert.Equal(expected, review.StatusCode);
            Assert.Equal(expected, merge.StatusCode);
            Assert.Equal(expected, log.StatusCode);
        }

        Assert.Equal("unreviewed", (await EventAsync(id)).Event.Review);
    }

    [Fact]
    public async Task Review_ConfirmCorrectRejectRestore_ShowInTheEventsAndTheEventPage()
    {
        using var analyst = Server.KeyClient(Server.AnalystKey);
        var id = (await QueueAsync()).Items[0].Event.Id;

        (await Post(analyst, id, new ReviewInputJson("confirm", null, null, "checked against the source"))).EnsureSuccessStatusCode();
        var confirmed = await EventAsync(id);
        Assert.Equal("confirmed", confirmed.Event.Review);
        var step = Assert.Single(confirmed.ReviewHistory);
        Assert.Equal(("confirm", "ana"), (step.Kind, step.Analyst));
        Assert.DoesNotContain(await QueueAsync(1000), q => q.Event.Id == id);

        using (var corrected = await Post(analyst, id, new ReviewInputJson("correct", "date", "2023-07-25", null)))
        {
            var result = await corrected.Content.ReadFromJsonAsync<ReviewResultJson>();
            Assert.Equal(("correct", "date", "2023-07-25", "ana"), (result!.Decision.Kind, result.Decision.Field, result.Decision.Value, result.Decision.Analyst));
            Assert.Equal(id, result.EventId);
        }

        var detail = await EventAsync(id);
        Assert.Equal("corrected", detail.Event.Review);
        Assert.Equal("2023-07-25", detail.Event.Date);
        var correction = Assert.Single(detail.Corrections);
        Assert.Equal(("date", "2023-07-25", "ana"), (correction.Field, correction.Value, correction.Analyst));

        (await Post(analyst, id, new ReviewInputJson("reject", null, null, "not an event"))).EnsureSuccessStatusCode();
        using var reader = Server.Client();
        Assert.DoesNotContain((await reader.GetFromJsonAsync<EventPageJson>("/api/events?limit=1000"))!.Items, e => e.Id == id);
        Assert.Contains((await reader.GetFromJsonAsync<EventPageJson>("/api/events?review=rejected&limit=1000"))!.Items, e => e.Id == id && e.Review == "rejected");

        (await Post(analyst, id, new ReviewInputJson("restore", null, null, null))).EnsureSuccessStatusCode();
        Assert.Contains((await reader.GetFromJsonAsync<EventPageJson>("/api/events?limit=1000"))!.Items, e => e.Id == id && e.Review == "corrected");

        var log = (await analyst.GetFromJsonAsync<List<ReviewDecisionJson>>($"/api/review/log?event={Uri.EscapeDataString(id)}"))!;
        Assert.Equal(["restore", "reject", "correct", "confirm"], log.Select(d => d.Kind));
        Assert.Equal("not an event", log[1].Note);
        Assert.All(log, d => Assert.Equal(("ana", id), (d.Analyst, d.Target)));
    }

    [Fact]
    public async Task Review_WithABadActionOrCorrection_Is400_WithItsCode_AndAnUnknownEventIs404()
    {
        using var analyst = Server.KeyClient(Server.AnalystKey);
        var id = (await QueueAsync()).Items[^1].Event.Id;

        Assert.Contains("SITREP-API-004", await ProblemAsync(await Post(analyst, id, new ReviewInputJson("approve", null, null, null)), HttpStatusCode.BadRequest));
        Assert.Contains("SITREP-API-005", await ProblemAsync(await Post(analyst, id, new ReviewInputJson("correct", "colour", "red", null)), HttpStatusCode.BadRequest));
        Assert.Contains("SITREP-API-005", await ProblemAsync(await Post(analyst, id, new ReviewInputJson("correct", "date", "last week", null)), HttpStatusCode.BadRequest));
        Assert.Contains("SITREP-API-006", await ProblemAsync(await analyst.PostAsJsonAsync($"/api/events/{Uri.EscapeDataString(id)}/merge", new MergeInputJson(id, null)), HttpStatusCode.BadRequest));
        Assert.Contains("SITREP-API-008", await ProblemAsync(await Post(analyst, "0000000000000000#BLOCKADE@0-1", new ReviewInputJson("confirm", null, null, null)), HttpStatusCode.NotFound));
        Assert.Equal("unreviewed", (await EventAsync(id)).Event.Review);
    }

    [Fact]
    public async Task Review_WithTheSessionCookie_NeedsTheAntiforgeryToken_AndRecordsTheSignedInUser()
    {
        using var browser = Server.BrowserClient();
        var token = await SitrepTestServer.SignInAsync(browser, "ana");
        var id = (await QueueAsync()).Items[1].Event.Id;

        using (var forged = await browser.PostAsJsonAsync(ReviewUrl(id), new ReviewInputJson("confirm", null, null, null)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, ReviewUrl(id)) { Content = JsonContent.Create(new ReviewInputJson("confirm", null, null, null)) };
        request.Headers.Add(CsrfFilter.HeaderName, token);
        using var accepted = await browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("ana", (await accepted.Content.ReadFromJsonAsync<ReviewResultJson>())!.Decision.Analyst);
    }

    [Fact]
    public async Task Queue_PutsEventsThatChangeAccessFirst_AndHoldsOnlyUnreviewedOnes()
    {
        var queue = await QueueAsync(1000);
        using var client = Server.Client();
        var unreviewed = (await client.GetFromJsonAsync<EventPageJson>("/api/events?review=unreviewed&limit=1000"))!;

        Assert.NotEmpty(queue);
        Assert.Equal(unreviewed.Items.Select(e => e.Id).Order(StringComparer.Ordinal), queue.Select(q => q.Event.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["type", "actor1", "actor2", "date", "modality", "place", "quantity:CATEGORY"], (await client.GetFromJsonAsync<List<string>>("/api/review/fields"))!);
        Assert.All(queue, q => Assert.Equal("unreviewed", q.Event.Review));
        Assert.All(queue, q => Assert.NotEmpty(q.Keys));
        var access = queue.Select(q => q.Reasons.Contains("changes access")).ToList();
        Assert.True(access[0], "the first event in the queue does not change access");
        Assert.Equal(access.OrderByDescending(a => a), access);
    }

    [Fact]
    public async Task Merge_JoinsTwoEvents_AndSplitTakesOneOut()
    {
        using var analyst = Server.KeyClient(Server.AnalystKey);
        var queue = await QueueAsync(1000);
        var single = queue.Where(q => q.Event.SourceCount == 1).Select(q => q.Event).ToList();
        var (first, second) = single.SelectMany((a, i) => single.Skip(i + 1).Where(b => b.Type == a.Type).Select(b => (a, b))).Last();

        using var merged = await analyst.PostAsJsonAsync($"/api/events/{Uri.EscapeDataString(first.Id)}/merge", new MergeInputJson(second.Id, "same convoy"));
        Assert.True(merged.IsSuccessStatusCode, first.Id + " + " + second.Id + ": " + await merged.Content.ReadAsStringAsync());
        var cluster = (await merged.Content.ReadFromJsonAsync<ReviewResultJson>())!.EventId;
        var joined = await EventAsync(cluster);
        Assert.Equal(2, joined.Mentions.Count);
        Assert.Contains(joined.MergeEvidence, m => m.Contains("ana", StringComparison.Ordinal));

        var leaving = joined.Mentions.Select(m => m.Key).First(k => k != cluster);
        using var split = await Post(analyst, leaving, new ReviewInputJson("split", null, null, null));
        Assert.True(split.IsSuccessStatusCode, leaving + ": " + await split.Content.ReadAsStringAsync());
        Assert.Equal(leaving, (await split.Content.ReadFromJsonAsync<ReviewResultJson>())!.EventId);
        Assert.Single((await EventAsync(cluster)).Mentions);
        Assert.Single((await EventAsync(leaving)).Mentions);
    }

    [Fact]
    public async Task AreaBrief_IsTheCliMarkdown_WithCitations()
    {
        using var client = Server.Client();
        using var response = await client.GetAsync("/api/areas/madaya/brief");
        var markdown = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("# ", markdown, StringComparison.Ordinal);
        Assert.Contains("## What you need to know", markdown, StringComparison.Ordinal);
        Assert.Contains("## Sources", markdown, StringComparison.Ordinal);
        Assert.Contains("[1]", markdown, StringComparison.Ordinal);
        using var missing = await client.GetAsync("/api/areas/atlantis/brief");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task AreaBrief_OverHttp_IsTheBriefTheCliWrites()
    {
        using var client = Server.Client();
        var served = await client.GetStringAsync("/api/areas/madaya/brief");
        var (exit, written, stderr) = await Sitrep.Tests.Cli.SitrepProcess.RunAsync(Path.GetTempPath(), ["brief", "Madaya", "--db", Server.Database]);

        Assert.True(exit == 0, stderr);
        Assert.Equal(WithoutDate(written), WithoutDate(served));
    }

    // The brief states the day it was made; a run across midnight may differ there only.
    private static string WithoutDate(string brief) => System.Text.RegularExpressions.Regex.Replace(brief, @"Made by Sitrep on \d{4}-\d{2}-\d{2}", "Made by Sitrep on DAY");

    private static string ReviewUrl(string id) => $"/api/events/{Uri.EscapeDataString(id)}/review";

    private static Task<HttpResponseMessage> Post(HttpClient client, string id, ReviewInputJson input) => client.PostAsJsonAsync(ReviewUrl(id), input);

    private static async Task<string> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            Assert.Equal(expected, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return json.RootElement.GetProperty("detail").GetString()!;
        }
    }

    private async Task<ReviewQueueJson> QueueAsync()
    {
        using var client = Server.Client();
        return (await client.GetFromJsonAsync<ReviewQueueJson>("/api/review/queue?limit=1000"))!;
    }

    private async Task<IReadOnlyList<QueuedEventJson>> QueueAsync(int limit)
    {
        using var client = Server.Client();
        return (await client.GetFromJsonAsync<ReviewQueueJson>($"/api/review/queue?limit={limit}"))!.Items;
    }

    private async Task<EventDetailJson> EventAsync(string id)
    {
        using var client = Server.Client();
        return (await client.GetFromJsonAsync<EventDetailJson>("/api/events/" + Uri.EscapeDataString(id)))!;
    }
}
