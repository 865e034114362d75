using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Sitrep.Server.Api;
using Sitrep.Server.Security;

namespace Sitrep.Tests.Server;

public sealed class ApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private SitrepTestServer Server => fixture.Server;

    [Fact]
    public async Task Healthz_AnswersOk_WithStrictSecurityHeaders()
    {
        using var client = Server.Client();
        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        var csp = string.Join(';', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("http", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task PostReport_WithoutCredentials_Is401()
    {
        using var client = Server.Client();
        using var response = await client.PostAsJsonAsync("/api/reports", new ReportInputJson("anon-1", "Shelling hit Stepanakert.", null, null, null, null));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        using var upload = await client.PostAsync("/api/reports/upload", Files(("a.txt", "Shelling hit Stepanakert."u8.ToArray())));
        Assert.Equal(HttpStatusCode.Unauthorized, upload.StatusCode);
    }

    [Fact]
    public async Task PostReport_AsViewer_Is403()
    {
        using var client = Server.KeyClient(Server.ViewerKey);
        using var response = await client.PostAsJsonAsync("/api/reports", new ReportInputJson("viewer-1", "Shelling hit Stepanakert.", null, null, null, null));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task PostReport_WithAWrongApiKey_Is401()
    {
        using var client = Server.KeyClient("sitrep_000000000000_not-a-key");
        using var response = await client.PostAsJsonAsync("/api/reports", new ReportInputJson("wrong-1", "Shelling hit Stepanakert.", null, null, null, null));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task PostReport_WithScriptInText_ComesBackAsEncodedText()
    {
        const string text = "Convoy stopped at the Hakari bridge. <script>alert('x')</script> <img src=x onerror=alert(1)>";
        using var analyst = Server.KeyClient(Server.AnalystKey);
        using var posted = await analyst.PostAsJsonAsync("/api/reports", new ReportInputJson("xss-1", text, "2023-07-26", null, "Test desk", null));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var summary = await posted.Content.ReadFromJsonAsync<IngestSummaryJson>();
        Assert.Equal(1, summary!.New);

        using var reader = Server.Client();
        using var response = await reader.GetAsync("/api/reports/xss-1");
        var raw = await response.Content.ReadAsStringAsync();

        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.True(!raw.Contains("<script>", StringComparison.Ordinal), raw);
        Assert.DoesNotContain("<img", raw, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(raw);
        Assert.Equal(text, json.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task PostReport_WithoutText_Is400_WithTheIngestCode()
    {
        using var analyst = Server.KeyClient(Server.AnalystKey);
        using var response = await analyst.PostAsync("/api/reports", new StringContent("{\"id\": \"no-text\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var summary = await response.Content.ReadFromJsonAsync<IngestSummaryJson>();
        Assert.Equal("SITREP-INGEST-007", Assert.Single(summary!.Problems).Code);
    }

    [Fact]
    public async Task Upload_WithABrokenFile_NamesItWithTheReason_AndStoresTheRest()
    {
        using var analyst = Server.KeyClient(Server.AnalystKey);
        using var response = await analyst.PostAsync("/api/reports/upload", Files(
            ("good.txt", "---\ntitle: Bridge closed\npublished: 2023-08-02\n---\nSoldiers closed the Hakari bridge to all traffic on Wednesday."u8.ToArray()),
            ("broken.bin", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x01]),
            ("empty.txt", [])));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = (await response.Content.ReadFromJsonAsync<IngestSummaryJson>())!;
        Assert.Equal(3, summary.Inputs);
        Assert.Equal(1, summary.New);
        Assert.Contains(summary.Problems, p => p is { Code: "SITREP-INGEST-003", Origin: "broken.bin" });
        Assert.Contains(summary.Problems, p => p is { Code: "SITREP-INGEST-002", Origin: "empty.txt" });

        using var reader = Server.Client();
        var found = await reader.GetFromJsonAsync<List<SearchHitJson>>("/api/search?q=Hakari%20bridge%20traffic");
        Assert.Contains(found!, h => h.Title == "Bridge closed");
    }

    [Fact]
    public async Task Login_ThenIngestWithTheCookie_NeedsTheAntiforgeryToken()
    {
        using var browser = Server.BrowserClient();
        var session = await browser.GetFromJsonAsync<SessionJson>("/api/auth/session");
        Assert.False(session!.Authenticated);

        using (var noToken = await browser.PostAsJsonAsync("/api/auth/login", new LoginJson("ana", SitrepTestServer.Password)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        }

        using (var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new LoginJson("ana", "not the password")) })
        {
            wrong.Headers.Add(CsrfFilter.HeaderName, session.CsrfToken);
            using var refused = await browser.SendAsync(wrong);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        var token = await SitrepTestServer.SignInAsync(browser, "ana");
        var me = await browser.GetFromJsonAsync<SessionJson>("/api/auth/session");
        Assert.True(me!.Authenticated);
        Assert.Equal("analyst", me.Role);

        using (var forged = await browser.PostAsJsonAsync("/api/reports", new ReportInputJson("cookie-1", "Shelling hit Martuni on Monday.", null, null, null, null)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/reports") { Content = JsonContent.Create(new ReportInputJson("cookie-1", "Shelling hit Martuni on Monday.", null, null, null, null)) };
        request.Headers.Add(CsrfFilter.HeaderName, token);
        using var accepted = await browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task ABodyOverTheLimit_Is413()
    {
        using var client = Server.Client();
        using var response = await client.PostAsync("/api/auth/login", new StringContent(new string('x', 200_000), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Events_FilteredByType_HoldOnlyThatType_AndPage()
    {
        using var client = Server.Client();
        var all = await client.GetFromJsonAsync<EventPageJson>("/api/events?limit=1000");
        var blockades = await client.GetFromJsonAsync<EventPageJson>("/api/events?type=BLOCKADE&limit=1000");
        var page = await client.GetFromJsonAsync<EventPageJson>("/api/events?limit=2&offset=1");

        Assert.True(all!.Total > 10);
        Assert.NotEmpty(blockades!.Items);
        Assert.All(blockades.Items, e => Assert.Equal("BLOCKADE", e.Type));
        Assert.True(blockades.Total < all.Total);
        Assert.Equal(2, page!.Items.Count);
        Assert.Equal(all.Items[1].Id, page.Items[0].Id);
    }

    [Fact]
    public async Task Events_AskedTwice_SameBodyWithItsLength_AndTheHistogramCountsTheirMonths()
    {
        using var client = Server.Client();
        using var first = await client.GetAsync("/api/events?limit=1000");
        using var second = await client.GetAsync("/api/events?limit=1000");
        var body = await first.Content.ReadAsByteArrayAsync();

        Assert.Equal(body, await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(body.Length, first.Content.Headers.ContentLength);
        var all = JsonSerializer.Deserialize<EventPageJson>(body, JsonSerializerOptions.Web)!;
        Assert.Equal(all.Total, all.Items.Count);
        var expected = all.Items
            .Where(e => e.Date is not null)
            .GroupBy(e => e.Date![..7], StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new MonthCountJson(g.Key, g.Count()));
        Assert.Equal(expected, (await client.GetFromJsonAsync<List<MonthCountJson>>("/api/events/histogram"))!);
    }

    [Fact]
    public async Task Events_FilteredByDateRange_StayInside()
    {
        using var client = Server.Client();
        var page = await client.GetFromJsonAsync<EventPageJson>("/api/events?since=2023-01-01&until=2023-12-31&limit=1000");

        Assert.NotEmpty(page!.Items);
        Assert.All(page.Items, e => Assert.InRange(e.Date!, "2023-01-01", "2023-12-31"));
        using var bad = await client.GetAsync("/api/events?since=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Theory]
    [InlineData("BLOCKADE", "2022-01-01", "2023-12-31")]
    [InlineData("aid_delivered", null, "2016-06-30")]
    [InlineData(null, "2023-07-01", null)]
    [InlineData("Strategic developments", "2020-01-01", "2023-09-30")]
    public async Task Events_IndexedByTypeAndDate_MatchAFullScan(string? type, string? since, string? until)
    {
        using var client = Server.Client();
        var all = (await client.GetFromJsonAsync<EventPageJson>("/api/events?limit=1000"))!.Items;
        var query = string.Join('&', new[] { ("type", type), ("since", since), ("until", until) }.Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
        var indexed = (await client.GetFromJsonAsync<EventPageJson>($"/api/events?limit=1000&{query}"))!;

        var expected = all.Where(e =>
            (type is null || string.Equals(e.Type, type, StringComparison.OrdinalIgnoreCase) || string.Equals(e.AcledEventType, type, StringComparison.OrdinalIgnoreCase))
            && (since is null || (e.Date is not null && string.CompareOrdinal(e.Date, since) >= 0))
            && (until is null || (e.Date is not null && string.CompareOrdinal(e.Date, until) <= 0))).Select(e => e.Id).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, indexed.Items.Select(e => e.Id).ToList());
        Assert.Equal(expected.Count, indexed.Total);
    }

    [Fact]
    public async Task Event_InFull_GivesEachReportsEvidenceSpan_InCodePoints()
    {
        using var client = Server.Client();
        var first = (await client.GetFromJsonAsync<EventPageJson>("/api/events?type=BLOCKADE"))!.Items[0];
        var detail = await client.GetFromJsonAsync<EventDetailJson>($"/api/events/{Uri.EscapeDataString(first.Id)}");

        var mention = detail!.Mentions[0];
        var report = await client.GetFromJsonAsync<JsonElement>($"/api/reports/{mention.ReportId}");
        var text = report.GetProperty("text").GetString()!;
        var codePoints = text.EnumerateRunes().Select(r => r.ToString()).ToArray();
        Assert.Equal(mention.EvidenceText, string.Concat(codePoints[mention.Evidence!.Start..mention.Evidence.End]));
    }

    [Fact]
    public async Task Areas_ListTheBesiegedArea_AndOneInFullWithItsNeedsEstimate()
    {
        using var client = Server.Client();
        var areas = await client.GetFromJsonAsync<List<AreaJson>>("/api/areas");
        Assert.Contains(areas!, a => a.Aliases.Contains("Madaya") && a.Status == "besieged");

        var madaya = await client.GetFromJsonAsync<AreaDetailJson>("/api/areas/madaya");
        Assert.Contains("Madaya", madaya!.Area.Aliases);
        Assert.NotEmpty(madaya.Events);
        Assert.NotEmpty(madaya.Area.Population);
        Assert.True(madaya.Needs is null || madaya.Needs.Estimate);
        using var missing = await client.GetAsync("/api/areas/atlantis");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Areas_WithoutEvents_ListTheSameAreas_WithTheirEventCounts()
    {
        using var client = Server.Client();
        var full = (await client.GetFromJsonAsync<List<AreaJson>>("/api/areas"))!;
        var brief = (await client.GetFromJsonAsync<List<AreaJson>>("/api/areas?events=false"))!;

        Assert.NotEmpty(full);
        Assert.Equal(full.Select(a => (a.Name, a.Status, a.Events.Count)), brief.Select(a => (a.Name, a.Status, a.EventCount)));
        Assert.All(full, a => Assert.Equal(a.Events.Count, a.EventCount));
        Assert.All(brief, a => Assert.Empty(a.Events));
    }

    [Fact]
    public async Task Areas_InSummary_KeepWhatAListOrAMapNeeds_AndLeaveTheListsOut()
    {
        using var client = Server.Client();
        var full = (await client.GetFromJsonAsync<List<AreaJson>>("/api/areas"))!;
        var summary = (await client.GetFromJsonAsync<List<AreaJson>>("/api/areas?summary=true"))!;

        Assert.Equal(
            full.Select(a => (a.Name, a.Status, a.Since, a.Latitude, a.Longitude, a.UnderBlockade.Days, a.Events.Count, string.Join(",", a.Besiegers))),
            summary.Select(a => (a.Name, a.Status, a.Since, a.Latitude, a.Longitude, a.UnderBlockade.Days, a.EventCount, string.Join(",", a.Besiegers))));
        Assert.Contains(full, a => a.Timeline.Count > 0 && a.Deliveries.Count > 0);
        Assert.All(summary, a => Assert.True(a.Timeline.Count + a.Deliveries.Count + a.Corridors.Count + a.Population.Count + a.Events.Count + a.Sources.Count == 0, a.Name));
    }

    [Fact]
    public async Task Actors_ListEmergingOnes_WhereTheyFirstAppeared()
    {
        using var client = Server.Client();
        var all = await client.GetFromJsonAsync<List<ActorJson>>("/api/actors");
        var emerging = await client.GetFromJsonAsync<List<ActorJson>>("/api/actors?emerging=true");

        Assert.NotEmpty(all!);
        Assert.All(emerging!, a => Assert.True(a.Emerging));
        Assert.True(emerging!.Count < all!.Count);
        var one = await client.GetFromJsonAsync<ActorDetailJson>($"/api/actors/{Uri.EscapeDataString(all[0].Id)}");
        Assert.NotEmpty(one!.ReportIds);
    }

    [Fact]
    public async Task Csv_HasAcledColumns_AndOneRowPerEvent()
    {
        using var client = Server.Client();
        var csv = await client.GetStringAsync("/api/events.csv?type=BLOCKADE");
        var total = (await client.GetFromJsonAsync<EventPageJson>("/api/events?type=BLOCKADE&limit=1000"))!.Total;

        var header = csv.Split("\r\n")[0].Split(',');
        Assert.Equal(["event_id_cnty", "event_date", "year"], header[..3]);
        Assert.Contains("sub_event_type", header);
        Assert.Contains("fatalities", header);
        Assert.Contains("geo_precision", header);
        Assert.Equal(total, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1); // sample evidence has no line breaks
    }

    [Fact]
    public async Task GeoJson_IsAFeatureCollectionOfPoints_LongitudeFirst()
    {
        using var client = Server.Client();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/events.geojson"));
        var features = json.RootElement.GetProperty("features").EnumerateArray().ToList();

        Assert.Equal("FeatureCollection", json.RootElement.GetProperty("type").GetString());
        Assert.NotEmpty(features);
        var located = (await client.GetFromJsonAsync<EventPageJson>("/api/events?limit=1000"))!.Items.Where(e => e.Latitude is not null).ToList();
        Assert.Equal(located.Count, features.Count);
        var first = located[0];
        var feature = features.Single(f => f.GetProperty("id").GetString() == first.Id);
        var coordinates = feature.GetProperty("geometry").GetProperty("coordinates");
        Assert.Equal(first.Longitude!.Value, coordinates[0].GetDouble(), 4);
        Assert.Equal(first.Latitude!.Value, coordinates[1].GetDouble(), 4);
    }

    private static MultipartFormDataContent Files(params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", name);
        }

        return form;
    }
}
