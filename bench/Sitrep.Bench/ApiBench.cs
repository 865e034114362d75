using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Sitrep.Contract;
using Sitrep.Ingest;
using Sitrep.Server;
using Sitrep.Store;
using Sitrep.Store.Knowledge;
using Sitrep.Store.Sqlite;

namespace Sitrep.Bench;

/// <summary>
/// The API under load: a database of generated reports (four events each, a third of them retold by a
/// second report so merging has work), the server on Kestrel at a loopback port, and <c>wrk</c> (Debian's)
/// at 200 connections on filtered event queries. Prints requests/s and latency percentiles per query, the
/// unfiltered first page as the baseline, and how long the first read (building the picture) takes.
/// </summary>
/// <remarks>
/// Usage: <c>api [EVENTS...] [--seconds N] [--connections N] [--db FILE] [--only NAME]</c>; default 100000
/// events, 10 s, 200 connections. With <c>--db</c> the generated database is kept in FILE and reused when it
/// exists (a million events take minutes to generate and merge); <c>--only</c> runs the queries whose name
/// holds NAME ("random", "uncached", "words").
/// </remarks>
internal static partial class ApiBench
{
    private static readonly string[] Types = ["AID_DELIVERED", "BLOCKADE", "SHELLING", "ARMED_CLASH", "CROSSING_CLOSED", "EVACUATION", "PROTEST", "ARREST"];
    private static readonly string[] Actors = ["AZE", "ARM", "RUS", "SYR", "ICRC", "WFP", "UKR"];

    public static int Run(string[] args)
    {
        var seconds = Option(args, "--seconds", 10);
        var connections = Option(args, "--connections", 200);
        int[] sizes = [.. args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(a => int.Parse(a, CultureInfo.InvariantCulture))];
        if (sizes.Length == 0)
        {
            sizes = [100_000];
        }

        if (!File.Exists("/usr/bin/wrk"))
        {
            Console.Error.WriteLine("api: wrk is missing (Debian: apt-get install wrk)");
            return 1;
        }

        var keep = args.SkipWhile(a => a != "--db").Skip(1).FirstOrDefault();
        var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
        foreach (var size in sizes)
        {
            RunOne(size, seconds, connections, keep, only).GetAwaiter().GetResult();
        }

        return 0;
    }

    private static bool Wanted(string? only, string name) => only is null || name.Contains(only, StringComparison.Ordinal);

    private static async Task RunOne(int events, int seconds, int connections, string? keep, string? only)
    {
        var folder = Path.Combine(Path.GetTempPath(), "sitrep-api-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var db = keep ?? Path.Combine(folder, "bench.db");
        try
        {
            var stopwatch = Stopwatch.StartNew();
            if (!File.Exists(db))
            {
                await GenerateAsync(db, events);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"api: {events:N0} generated events in {events / 4:N0} reports written in {stopwatch.Elapsed.TotalSeconds:F1} s"));

                // What every `sitrep ingest` ends with: merging the new reports' events into the knowledge base.
                stopwatch.Restart();
                await using var store = await SqliteReportStore.OpenAsync(db, TimeProvider.System, default);
                var update = await new KnowledgeBase(store, TimeProvider.System).UpdateAsync(default);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"api: knowledge base update took in {update.Reports:N0} reports, {update.Events:N0} events in {stopwatch.Elapsed.TotalSeconds:F1} s ({update.Events / stopwatch.Elapsed.TotalSeconds:N0} events/s)"));
            }
            else
            {
                Console.WriteLine($"api: reusing {db}");
            }

            var options = new ServerOptions { Database = StoreLocation.Parse(db), Urls = "http://127.0.0.1:0" };
            await using var app = await SitrepServer.BuildAsync(options, default);
            await app.StartAsync();
            var address = app.Urls.First();
            using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(30) };
            stopwatch.Restart();
            var first = await client.GetStringAsync("/api/events?limit=1");
            var total = TotalOf(first);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"api: first read (the knowledge base's {total:N0} merged events, areas, actors into memory, indexed) {stopwatch.Elapsed.TotalSeconds:F1} s; managed heap {GC.GetTotalMemory(true) / (1024 * 1024)} MB"));

            (string Name, string Path)[] queries =
            [
                ("first page (baseline)", "/api/events?limit=50"),
                ("type + 3 months", "/api/events?type=BLOCKADE&since=2020-01-01&until=2020-03-31&limit=50"),
                ("actor + year", "/api/events?actor=ICRC&since=2019-01-01&until=2019-12-31&limit=50"),
                ("type + modality + words", "/api/events?type=SHELLING&modality=asserted&q=trucks&limit=50"),
                ("one event", "/api/events/" + Uri.EscapeDataString(FirstId(first))),
            ];
            foreach (var (name, path) in queries.Where(q => Wanted(only, q.Name)))
            {
                // One request at a time first: the cost of the query itself, apart from contention.
                var single = Stopwatch.StartNew();
                for (var i = 0; i < 20; i++)
                {
                    await client.GetStringAsync(path);
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"api: {events,9:N0} events  {name,-24} one at a time: {single.Elapsed.TotalMilliseconds / 20,8:F2} ms/request"));
                var result = Wrk(address + path, seconds, connections, script: null);
                Console.WriteLine($"api: {events,9:N0} events  {name,-24} {result}");
            }

            // A random type or actor and 3-month window per request (about 1,500 different queries), so
            // most pages are not the ones just served: closer to a dashboard with many users.
            if (Wanted(only, "random"))
            {
                var script = Path.Combine(folder, "random.lua");
                await File.WriteAllTextAsync(script, RandomQueries);
                Console.WriteLine($"api: {events,9:N0} events  {"random type/actor + 3 months",-24} {Wrk(address + "/", seconds, connections, script)}");
            }

            // A window starting on any day of the decade: about 55,000 different queries, so nearly every request
            // is answered for the first time (the index, the page, each event's JSON until all have been shown once).
            if (Wanted(only, "uncached"))
            {
                var script = Path.Combine(folder, "uncached.lua");
                await File.WriteAllTextAsync(script, UncachedQueries);
                Console.WriteLine($"api: {events,9:N0} events  {"random, any day (uncached)",-24} {Wrk(address + "/", seconds, connections, script)}");
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>wrk's request generator: a random type or actor and a random 3-month window over the generated decade.</summary>
    private const string RandomQueries = """
        math.randomseed(7)
        local types = { "AID_DELIVERED", "BLOCKADE", "SHELLING", "ARMED_CLASH", "CROSSING_CLOSED", "EVACUATION", "PROTEST", "ARREST" }
        local actors = { "AZE", "ARM", "RUS", "SYR", "ICRC", "WFP", "UKR" }
        request = function()
          local year = math.random(2015, 2024)
          local month = math.random(1, 10)
          local filter
          if math.random(2) == 1 then
            filter = "type=" .. types[math.random(#types)]
          else
            filter = "actor=" .. actors[math.random(#actors)]
          end
          local path = string.format("/api/events?%s&since=%d-%02d-01&until=%d-%02d-28&limit=50", filter, year, month, year, month + 2)
          return wrk.format("GET", path)
        end
        """;

    /// <summary>wrk's request generator: a random type or actor and a 90-day window from any day of the generated decade.</summary>
    private const string UncachedQueries = """
        math.randomseed(11)
        local types = { "AID_DELIVERED", "BLOCKADE", "SHELLING", "ARMED_CLASH", "CROSSING_CLOSED", "EVACUATION", "PROTEST", "ARREST" }
        local actors = { "AZE", "ARM", "RUS", "SYR", "ICRC", "WFP", "UKR" }
        local start = os.time({ year = 2015, month = 1, day = 1, hour = 12 })
        request = function()
          local since = start + math.random(0, 3560) * 86400
          local filter
          if math.random(2) == 1 then
            filter = "type=" .. types[math.random(#types)]
          else
            filter = "actor=" .. actors[math.random(#actors)]
          end
          local path = string.format("/api/events?%s&since=%s&until=%s&limit=50", filter, os.date("%Y-%m-%d", since), os.date("%Y-%m-%d", since + 89 * 86400))
          return wrk.format("GET", path)
        end
        """;

    /// <summary>
    /// wrk's rate and latency percentiles, with what the run cost this process (the server: the bench's own
    /// threads idle meanwhile): CPU per request, which the other programs on a shared machine disturb far
    /// less than the wall-clock figures, the garbage collections and their pauses, and the load average.
    /// </summary>
    private static string Wrk(string url, int seconds, int connections, string? script)
    {
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var (gen0, gen1, gen2, paused, allocated) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
        var output = RunWrk(url, seconds, connections, script);
        self.Refresh();
        cpu = self.TotalProcessorTime - cpu;
        string Percentile(string p) => Regex.Match(output, $@"^\s+{p}%\s+(\S+)", RegexOptions.Multiline).Groups[1].Value;
        var rate = Regex.Match(output, @"Requests/sec:\s+(\S+)").Groups[1].Value;
        var requests = long.Parse(Regex.Match(output, @"(\d+) requests in").Groups[1].ValueSpan, CultureInfo.InvariantCulture);
        var errors = Regex.Match(output, @"Non-2xx or 3xx responses: (\d+)").Groups[1].Value;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{rate,9} req/s  p50 {Percentile("50"),8}  p99 {Percentile("99"),8}  server CPU {cpu.TotalMicroseconds / Math.Max(1, requests),6:F0} us/request, {(GC.GetTotalAllocatedBytes() - allocated) / Math.Max(1, requests),6:N0} B allocated  " +
            $"GC {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2} paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms  " +
            $"load {ExtractBench.LoadAverage()}{(errors.Length > 0 ? $"  non-2xx {errors}" : string.Empty)}");
    }

    private static string RunWrk(string url, int seconds, int connections, string? script)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        string[] arguments = ["-t2", $"-c{connections}", $"-d{seconds}s", "--timeout", "10s", "--latency", .. script is null ? Array.Empty<string>() : ["-s", script], url];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }

    /// <summary>Reports of four events each, over ten years and 400 places; a third of the events retold by a later report.</summary>
    private static async Task GenerateAsync(string db, int events)
    {
        await using var store = await SqliteReportStore.OpenAsync(db, TimeProvider.System, default);
        var random = new Random(7);
        var start = new DateOnly(2015, 1, 1);
        var told = new List<(string Type, DateOnly Date, int Place, string Actor)>();
        var batch = new List<ReportToStore>();
        for (var r = 0; r < events / 4; r++)
        {
            var text = new StringBuilder();
            var contractEvents = new List<ContractEvent>();
            var places = new List<ContractPlace>();
            for (var e = 0; e < 4; e++)
            {
                var (type, date, place, actor) = told.Count > 0 && random.Next(3) == 0
                    ? told[random.Next(Math.Max(0, told.Count - 200), told.Count)]
                    : (Types[random.Next(Types.Length)], start.AddDays(random.Next(3650)), random.Next(400), Actors[random.Next(Actors.Length)]);
                told.Add((type, date, place, actor));
                var sentenceStart = text.Length;
                var placeName = string.Create(CultureInfo.InvariantCulture, $"Place{place}");
                text.Append(CultureInfo.InvariantCulture, $"Report {r} says {actor} was seen at {placeName} with trucks and people on {date:yyyy-MM-dd} ({type}). ");
                var placeStart = text.ToString().IndexOf(placeName, sentenceStart, StringComparison.Ordinal);
                var lat = 30 + (place % 20) + 0.1;
                var lon = 30 + (place / 20) + 0.1;
                places.Add(new ContractPlace(placeStart, placeStart + placeName.Length, placeName, 800_000_000 + place, placeName, lat, lon, "AZ", "PPL", 1.0));
                contractEvents.Add(new ContractEvent
                {
                    Id = string.Create(CultureInfo.InvariantCulture, $"e{e + 1}"),
                    Type = type,
                    Modality = "asserted",
                    Actor1 = actor,
                    Place = new ContractEventPlace(placeStart, placeStart + placeName.Length, placeName, lat, lon),
                    Date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    Quantities = [],
                    Supplies = [],
                    Evidence = new ContractSpan(sentenceStart, text.Length - 1),
                    Confidence = 0.8,
                });
            }

            var id = string.Create(CultureInfo.InvariantCulture, $"bench-{r:D7}");
            var body = text.ToString();
            var document = new ContractDocument
            {
                Id = id, Published = null, Times = [], Quantities = [], Places = places, Actors = [], Events = contractEvents, Claims = [],
            };
            batch.Add(new ReportToStore
            {
                Source = new SourceReport { ExternalId = id, Text = body, Format = InputFormat.Jsonl, Origin = "bench.jsonl", Metadata = new() { Outlet = "Bench Wire" } },
                Hash = ContentHash.Of(id, body),
                Annotations = ContractJson.Serialize(document),
                Pipeline = "bench",
            });
            if (batch.Count == 5_000)
            {
                await store.SaveBatchAsync(batch, default);
                batch.Clear();
            }
        }

        await store.SaveBatchAsync(batch, default);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static int TotalOf(string page) => int.Parse(TotalPattern().Match(page).Groups[1].ValueSpan, CultureInfo.InvariantCulture);

    private static string FirstId(string page) => System.Text.Json.JsonDocument.Parse(page).RootElement.GetProperty("items")[0].GetProperty("id").GetString()!;

    [GeneratedRegex("\"total\":(\\d+)")]
    private static partial Regex TotalPattern();
}
