using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Sitrep.Server.Api;

namespace Sitrep.Tests.Server;

/// <summary>End to end, in Chromium against Kestrel: what an analyst does in the dashboard.</summary>
public sealed class BrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly PageWaitForSelectorOptions Ready = new() { State = WaitForSelectorState.Attached, Timeout = 20_000 };

    [Fact]
    public async Task FrontPage_LoadsTheMapWithClusteredEvents_AndTheTable_WithoutErrors()
    {
        var (context, page, errors) = await fixture.OpenAsync();
        await using var _ = context;
        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("body[data-ready=true]", Ready);

        Assert.True(await page.Locator("#map.leaflet-container").CountAsync() == 1);
        Assert.True(await page.Locator(".marker-cluster").CountAsync() > 0, "no clustered events on the map");
        await page.WaitForSelectorAsync("#map[data-basemap=drawn]", Ready);
        Assert.True(await page.Locator("#map .leaflet-basemap-pane canvas").CountAsync() == 1, "no basemap canvas (world-atlas shapes)");
        Assert.True(await page.Locator("#events-table tbody tr").CountAsync() > 10);
        Assert.True(await page.Locator("svg.timeline .month").CountAsync() > 1);
        Assert.True(await page.Locator("#area-list li a").CountAsync() > 0);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task FrontPage_TakesEachPreloadedAnswer_WithoutAskingAgain()
    {
        var (context, page, errors) = await fixture.OpenAsync();
        await using var _ = context;
        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("body[data-ready=true]", Ready);
        await page.WaitForSelectorAsync("#map[data-basemap=drawn]", Ready);

        var preloaded = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('link[rel=preload]')].map(l => l.href)");
        var fetched = await page.EvaluateAsync<string[]>("() => performance.getEntriesByType('resource').map(r => r.name)");
        Assert.True(preloaded.Length >= 4, "index.html preloads the first API answers");
        Assert.All(preloaded, url => Assert.Single(fetched, f => f == url));

        // Every API answer the page asked for was preloaded, but the timeline's (its URL depends on the filters).
        Assert.All(
            fetched.Where(f => f.Contains("/api/", StringComparison.Ordinal) && !f.Contains("/api/events/histogram", StringComparison.Ordinal)),
            url => Assert.Contains(url, preloaded));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task Table_FilteredByType_ShowsOnlyThatType_AndTheTimelineNarrowsIt()
    {
        var (context, page, errors) = await fixture.OpenAsync();
        await using var _ = context;
        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("body[data-ready=true]", Ready);
        var before = await page.Locator("#events-table tbody tr").CountAsync();

        await page.SelectOptionAsync("#f-type", "BLOCKADE");
        await page.WaitForURLAsync("**type=BLOCKADE**");
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('#events-table tbody tr td:nth-child(2)')].every(td => td.textContent.includes('BLOCKADE'))");
        var types = await page.Locator("#events-table tbody tr td:nth-child(2)").AllTextContentsAsync();
        Assert.NotEmpty(types);
        Assert.True(types.Count < before);
        Assert.All(types, t => Assert.Contains("BLOCKADE", t));

        // Clicking one month of the timeline keeps only that month's events.
        var month = page.Locator("svg.timeline .month").Filter(new LocatorFilterOptions { Has = page.Locator("rect.bar[height]:not([height='0'])") }).Last;
        var label = await month.GetAttributeAsync("data-month");
        await month.Locator("rect.hit").DispatchEventAsync("mousedown");
        await month.Locator("rect.hit").DispatchEventAsync("mouseup");
        await page.WaitForURLAsync("**since=" + label + "-01**");
        await page.WaitForFunctionAsync(
            "month => { const cells = [...document.querySelectorAll('#events-table tbody tr td:nth-child(1)')]; return cells.length > 0 && cells.every(td => td.textContent.startsWith(month)); }",
            label);
        var dates = await page.Locator("#events-table tbody tr td:nth-child(1)").AllTextContentsAsync();
        Assert.NotEmpty(dates);
        Assert.All(dates, d => Assert.StartsWith(label!, d));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task EventPage_ShowsTheReportTextWithTheEvidenceHighlighted()
    {
        using var api = new HttpClient { BaseAddress = new Uri(fixture.Server.Address) };
        var first = (await api.GetFromJsonAsync<EventPageJson>("/api/events?type=BLOCKADE"))!.Items[0];
        var detail = (await api.GetFromJsonAsync<EventDetailJson>("/api/events/" + Uri.EscapeDataString(first.Id)))!;

        var (context, page, errors) = await fixture.OpenAsync();
        await using var _ = context;
        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("body[data-ready=true]", Ready);
        await page.SelectOptionAsync("#f-type", "BLOCKADE");
        await page.WaitForURLAsync("**type=BLOCKADE**");
        await page.Locator($"#events-table tr[data-id='{first.Id}'] a").ClickAsync();
        await page.WaitForSelectorAsync("body[data-ready=true]", Ready);

        var marks = await page.Locator("mark.evidence").AllTextContentsAsync();
        Assert.Equal(detail.Mentions.Count(m => m.Evidence is not null), marks.Count);
        Assert.Equal(detail.Mentions[0].EvidenceText, marks[0]);
        Assert.True(await page.Locator("mark.evidence").First.IsVisibleAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Login_AsAnalyst_ShowsTheUserAndTheUploadForm()
    {
        var (context, page, errors) = await fixture.OpenAsync();
        await using var _ = context;
        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("body[data-ready=true]", Ready);
        Assert.False(await page.Locator("#upload").IsVisibleAsync());

        await page.ClickAsync("#sign-in");
        await page.WaitForSelectorAsync("body[data-ready=true]", Ready);
        await page.FillAsync("#login-name", "ana");
        await page.FillAsync("#login-password", "wrong password");
        await page.ClickAsync("#login-form button[type=submit]");
        await page.WaitForSelectorAsync("#login-message.error");

        await page.FillAsync("#login-password", SitrepTestServer.Password);
        await page.ClickAsync("#login-form button[type=submit]");
        await page.WaitForSelectorAsync("#user", Ready);
        Assert.Equal("ana (analyst)", await page.Locator("#user").TextContentAsync());
        await page.WaitForSelectorAsync("body[data-ready=true]", Ready);
        Assert.True(await page.Locator("#upload").IsVisibleAsync());
        Assert.DoesNotContain(errors, e => !e.Contains("401", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReportWithScript_ShowsAsText_AndNeverRuns()
    {
        const string text = "Convoy halted near Goris. <script>alert('pwned')</script><img src=x onerror=\"alert('img')\"> End.";
        using var analyst = new HttpClient { BaseAddress = new Uri(fixture.Server.Address) };
        analyst.DefaultRequestHeaders.Add("X-Api-Key", fixture.Server.AnalystKey);
        using var posted = await analyst.PostAsJsonAsync("/api/reports", new ReportInputJson("browser-xss", text, "2023-08-01", null, "Test desk", null));
        posted.EnsureSuccessStatusCode();
        using var report = JsonDocument.Parse(await analyst.GetStringAsync("/api/reports/browser-xss"));
        var id = report.RootElement.GetProperty("id").GetInt64();

        var (context, page, errors) = await fixture.OpenAsync();
        await using var _ = context;
        await page.GotoAsync($"/report.html?id={id}");
        await page.WaitForSelectorAsync("body[data-ready=true]", Ready);

        Assert.Equal(text, await page.Locator("#report-text").TextContentAsync());
        Assert.Equal(0, await page.Locator("#report-text script, #report-text img").CountAsync());
        Assert.DoesNotContain(errors, e => e.StartsWith("dialog", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReviewQueue_AnalystSignsIn_ConfirmsAnEvent_AndSeesItsStatusChange()
    {
        var (context, page, errors) = await fixture.OpenAsync();
        await using var _ = context;
        await page.GotoAsync("/login.html?next=%2Freview.html");
        await page.WaitForSelectorAsync("body[data-ready=true]", Ready);
        await page.FillAsync("#login-name", "ana");
        await page.FillAsync("#login-password", SitrepTestServer.Password);
        await page.ClickAsync("#login-form button[type=submit]");
        await page.WaitForURLAsync("**/review.html");
        await page.WaitForSelectorAsync("body[data-ready=true]", Ready);

        var item = page.Locator("#queue .queue-item").First;
        var id = await item.GetAttributeAsync("data-id");
        Assert.Equal("unreviewed", await item.Locator(".review-status").TextContentAsync());
        await item.Locator("button.confirm").ClickAsync();
        await page.WaitForFunctionAsync(
            "id => [...document.querySelectorAll('#queue .queue-item')].find(li => li.dataset.id === id)?.querySelector('.review-status')?.textContent === 'confirmed by ana'",
            id);
        await page.WaitForSelectorAsync("#log li", Ready);
        Assert.Contains("ana: confirm", await page.Locator("#log li").First.TextContentAsync(), StringComparison.Ordinal);

        // The event page shows the new status and who decided.
        await page.GotoAsync("/event.html?id=" + Uri.EscapeDataString(id!));
        await page.WaitForSelectorAsync("body[data-ready=true]", Ready);
        Assert.StartsWith("confirmed (confirm by ana", await page.Locator("#review-status").TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#review .review-controls").IsVisibleAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task BriefPage_RendersTheBriefsHeadingsAndCitations_AndPrintsWithoutTheControls()
    {
        var (context, page, errors) = await fixture.OpenAsync();
        await using var _ = context;
        await page.GotoAsync("/area.html?name=madaya");
        await page.WaitForSelectorAsync("body[data-ready=true]", Ready);
        await page.ClickAsync("#brief-link");
        await page.WaitForURLAsync("**/brief.html?area=**");
        await page.WaitForSelectorAsync("body[data-ready=true]", Ready);

        Assert.EndsWith("situation brief", await page.Locator("#brief h1").TextContentAsync(), StringComparison.Ordinal);
        var sections = await page.Locator("#brief h2").AllTextContentsAsync();
        Assert.Contains("What you need to know", sections);
        Assert.Contains("Sources", sections);
        Assert.True(await page.Locator("#brief a.cite").CountAsync() > 0, "no citations");
        Assert.True(await page.Locator("#brief ol li[id^=source-]").CountAsync() > 0, "no numbered sources");
        Assert.Equal(0, await page.Locator("#brief script").CountAsync());
        Assert.Equal(1, await page.Locator("link[rel=stylesheet][media=print]").CountAsync());

        Assert.True(await page.Locator("nav.top").IsVisibleAsync());
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.False(await page.Locator("nav.top").IsVisibleAsync());
        Assert.False(await page.Locator("#print").IsVisibleAsync());
        Assert.True(await page.Locator("#brief h1").IsVisibleAsync());
        Assert.Empty(errors);
    }
}
