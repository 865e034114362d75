using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using Sitrep.Ingest;
using Sitrep.Pipeline;
using Sitrep.Server;
using Sitrep.Store;
using Sitrep.Store.Ingestion;
using Sitrep.Store.Sqlite;

namespace Sitrep.Bench;

/// <summary>
/// The dashboard's first page load in Debian's Chromium (headless, through Playwright): from navigation to
/// the page being usable, the events table filled, the timeline drawn, the areas listed and the map's
/// markers placed. Cold = a new browser context (nothing cached); warm = the same context again.
/// </summary>
/// <remarks>
/// Usage: <c>dashboard [--db FILE] [--runs N]</c>: the sample reports (ingested into a temporary database)
/// unless <c>--db</c> names one (e.g. the api suite's kept database of a million events). With
/// <c>SITREP_BENCH_DETAIL=1</c> each load also prints the navigation and resource timings as JSON.
/// </remarks>
internal static class DashboardBench
{
    private const string Chromium = "/usr/bin/chromium";

    public static int Run(string[] args)
    {
        if (!File.Exists(Chromium))
        {
            Console.Error.WriteLine($"dashboard: {Chromium} is missing (eng/prepare-test-env.sh installs it)");
            return 1;
        }

        var db = args.SkipWhile(a => a != "--db").Skip(1).FirstOrDefault();
        var runs = int.Parse(args.SkipWhile(a => a != "--runs").Skip(1).FirstOrDefault() ?? "5", CultureInfo.InvariantCulture);
        RunAsync(db, runs).GetAwaiter().GetResult();
        return 0;
    }

    private static async Task RunAsync(string? db, int runs)
    {
        var folder = Path.Combine(Path.GetTempPath(), "sitrep-dashboard-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            if (db is null)
            {
                db = Path.Combine(folder, "samples.db");
                await IngestSamplesAsync(db);
            }

            var resources = PipelineResources.FromEnvironment();
            var options = new ServerOptions { Database = StoreLocation.Parse(db), Urls = "http://127.0.0.1:0", DataDirectory = resources.DataDirectory };
            await using var app = await SitrepServer.BuildAsync(options, default);
            await app.StartAsync();
            var address = app.Urls.First();

            // The server's first read builds its picture; a page load measures the dashboard, not that.
            var warmUp = Stopwatch.StartNew();
            using (var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(30) })
            {
                await client.GetStringAsync("/api/events?limit=1");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dashboard: server ready, picture built in {warmUp.Elapsed.TotalSeconds:F1} s"));

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium,
                Headless = true,
                Args = Environment.UserName == "root" ? ["--no-sandbox"] : [],
            });

            var (cold, coldComplete, warm, warmComplete) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
            for (var run = 0; run < runs; run++)
            {
                await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address, ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
                var page = await context.NewPageAsync();
                var (usable, complete) = await LoadAsync(page);
                cold.Add(usable);
                coldComplete.Add(complete);
                (usable, complete) = await LoadAsync(page);
                warm.Add(usable);
                warmComplete.Add(complete);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"dashboard: first page usable (table, timeline, areas, markers), cold (new context) median {Median(cold):F0} ms (max {cold.Max():F0}), warm median {Median(warm):F0} ms (max {warm.Max():F0}) over {runs} runs"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"dashboard: complete (the page's scripts done and the basemap drawn), cold median {Median(coldComplete):F0} ms, warm median {Median(warmComplete):F0} ms"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Milliseconds from navigation until the table, the timeline, the area list and the map's markers are
    /// there (usable), and until the page says it is ready and the basemap is drawn (complete).
    /// </summary>
    private static async Task<(double Usable, double Complete)> LoadAsync(IPage page)
    {
        var stopwatch = Stopwatch.StartNew();
        await page.GotoAsync("/", new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        var usable = new[] { "#events-table tbody tr", "svg.timeline .month", "#area-list li", ".leaflet-marker-pane > *" };
        foreach (var selector in usable)
        {
            await page.Locator(selector).First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 120_000 });
        }

        var usableAt = stopwatch.Elapsed.TotalMilliseconds;
        foreach (var selector in new[] { "body[data-ready=true]", "#map[data-basemap=drawn]" })
        {
            await page.Locator(selector).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 120_000 });
        }

        if (Environment.GetEnvironmentVariable("SITREP_BENCH_DETAIL") is not null)
        {
            Console.WriteLine(await page.EvaluateAsync<string>("""
                () => JSON.stringify({
                  nav: performance.getEntriesByType('navigation').map(n => ({ dcl: Math.round(n.domContentLoadedEventEnd), load: Math.round(n.loadEventEnd) })),
                  res: performance.getEntriesByType('resource').map(r => [r.name.replace(location.origin, ''), Math.round(r.startTime), Math.round(r.responseEnd), r.transferSize]),
                })
                """));
        }

        return (usableAt, stopwatch.Elapsed.TotalMilliseconds);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static async Task IngestSamplesAsync(string db)
    {
        var root = PipelineResources.FindRepositoryRoot()
            ?? (File.Exists("Sitrep.slnx") ? Environment.CurrentDirectory : throw new InvalidOperationException("run the bench from a checkout"));
        await using var store = await SqliteReportStore.OpenAsync(db, TimeProvider.System, default);
        var service = new IngestService(store, DefaultPipeline.Create(PipelineResources.FromEnvironment()), new InputLoader(new IngestLimits(), ReportReaders.Default), TimeProvider.System);
        await service.IngestAsync([Path.Combine(root, "samples", "reports")], new IngestOptions(), null, null, default);
    }
}
