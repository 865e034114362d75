using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using Sitrep.Ingest;
using Sitrep.Pipeline;
using Sitrep.Store;
using Sitrep.Store.Ingestion;
using Sitrep.Tests.Support;

namespace Sitrep.Bench;

/// <summary>
/// Ingest of generated ~600-word reports into PostgreSQL by worker processes (this program started
/// again as <c>ingest-pg-worker</c>), against a SQLite baseline run the same way in the same run:
/// one worker, two workers on disjoint halves, and two workers on the same input (every report
/// stored once, the second worker finding the first one's work). The server is a temporary cluster
/// started for the run, like the tests'.
/// </summary>
/// <remarks>
/// The workers load their resources and warm the pipeline first, then all start together on a signal;
/// the time is from that signal to the last worker's summary, so start-up is not counted.
/// </remarks>
internal static class PostgresIngestBench
{
    public static int Run(string[] args)
    {
        var count = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? int.Parse(args[0], CultureInfo.InvariantCulture) : 4000;
        var foundation = args.Contains("--foundation");
        var folder = Path.Combine(Path.GetTempPath(), "sitrep-bench-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            return RunIn(folder, count, foundation).GetAwaiter().GetResult();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>One worker: <c>ingest-pg-worker DB INPUT [--foundation]</c>; prints "ready", waits for a line, ingests, prints its summary as JSON.</summary>
    public static int Worker(string[] args) => WorkerAsync(StoreLocation.Parse(args[0]), args[1], args.Contains("--foundation")).GetAwaiter().GetResult();

    private static async Task<int> WorkerAsync(StoreLocation database, string input, bool foundation)
    {
        var pipeline = CreatePipeline(foundation);
        var loader = new InputLoader(new IngestLimits { MaxFileBytes = long.MaxValue }, ReportReaders.Default);
        var warm = (await loader.LoadAsync(input, InputFormat.Auto, null, default)).Reports.Take(100);
        PipelineRunner.RunMany(pipeline, [.. warm.Select(r => r.ToDocument())]);

        await using var store = await database.OpenAsync(TimeProvider.System, default);
        Console.WriteLine("ready");
        await Console.In.ReadLineAsync();
        var summary = await new IngestService(store, pipeline, loader, TimeProvider.System).IngestAsync([input], new IngestOptions(), null, null, default);
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, int>
        {
            ["new"] = summary.New,
            ["newVersions"] = summary.NewVersions,
            ["alreadyStored"] = summary.AlreadyStored,
            ["problems"] = summary.Problems.Count,
        }));
        return summary.Succeeded ? 0 : 1;
    }

    private static async Task<int> RunIn(string folder, int count, bool foundation)
    {
        var texts = ReportGenerator.Generate(count, seed: 42);
        var lines = texts.Select((t, i) => JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = $"bench-{i}", ["text"] = t, ["published"] = "2023-09-12" })).ToList();
        var all = Path.Combine(folder, "all.jsonl");
        var firstHalf = Path.Combine(folder, "first.jsonl");
        var secondHalf = Path.Combine(folder, "second.jsonl");
        await File.WriteAllLinesAsync(all, lines);
        await File.WriteAllLinesAsync(firstHalf, lines.Take(count / 2));
        await File.WriteAllLinesAsync(secondHalf, lines.Skip(count / 2));

        await using var server = new TemporaryPostgres();
        await server.StartAsync();
        var stages = foundation ? "foundation stages (normalize, sentences)" : "all stages";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ingest-pg: {count} reports (~{texts.Average(t => t.Count(c => c == ' ') + 1):F0} words each), {Environment.ProcessorCount} cores, {stages}, 500 per transaction"));

        var failures = 0;
        async Task Measure(string name, string database, params string[] inputs)
        {
            var (elapsed, summaries) = await RunWorkers(database, inputs, foundation);
            var stored = summaries.Sum(s => s["new"] + s["newVersions"]);
            var problems = summaries.Sum(s => s["problems"]);
            var ok = stored == count && problems == 0;
            failures += ok ? 0 : 1;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-44} {elapsed.TotalSeconds,6:F2} s = {count / elapsed.TotalSeconds,6:F0} reports/s; stored {stored}, already stored {summaries.Sum(s => s["alreadyStored"])}{(ok ? "" : "  <-- WRONG")}"));
        }

        await Measure("SQLite, 1 worker (baseline)", Path.Combine(folder, "baseline.db"), all);
        await Measure("PostgreSQL, 1 worker", await server.CreateDatabaseAsync("one"), all);
        await Measure("PostgreSQL, 2 workers, disjoint halves", await server.CreateDatabaseAsync("two"), firstHalf, secondHalf);
        var overlap = await server.CreateDatabaseAsync("overlap");
        await Measure("PostgreSQL, 2 workers, both on every report", overlap, all, all);
        await using (var connection = new NpgsqlConnection(overlap))
        {
            await connection.OpenAsync();
            await using var check = new NpgsqlCommand("SELECT count(*), count(DISTINCT content_hash) FROM reports", connection);
            await using var reader = await check.ExecuteReaderAsync();
            await reader.ReadAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  overlap check: {reader.GetInt64(0)} rows, {reader.GetInt64(1)} distinct contents (expected {count})"));
            failures += reader.GetInt64(0) == count && reader.GetInt64(1) == count ? 0 : 1;
        }

        // The stores alone, in this process: the same records (foundation stages run beforehand), 500 per transaction.
        var loader = new InputLoader(new IngestLimits { MaxFileBytes = long.MaxValue }, ReportReaders.Default);
        var reports = (await loader.LoadAsync(all, InputFormat.Auto, null, default)).Reports;
        var records = reports.Select(r => new ReportToStore { Source = r, Hash = ContentHash.Of(r.ExternalId, r.Text), Annotations = "{}", Pipeline = "bench@1" }).ToList();
        foreach (var (name, database) in new[] { ("SQLite", Path.Combine(folder, "store-only.db")), ("PostgreSQL", await server.CreateDatabaseAsync("storeonly")) })
        {
            await using var store = await StoreLocation.Parse(database).OpenAsync(TimeProvider.System, default);
            var stopwatch = Stopwatch.StartNew();
            foreach (var batch in records.Chunk(500))
            {
                await store.SaveBatchAsync(batch, default);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name + " store alone (in process)",-44} {stopwatch.Elapsed.TotalSeconds,6:F2} s = {count / stopwatch.Elapsed.TotalSeconds,6:F0} reports/s"));
        }

        return failures == 0 ? 0 : 1;
    }

    private static async Task<(TimeSpan Elapsed, List<Dictionary<string, int>> Summaries)> RunWorkers(string database, string[] inputs, bool foundation)
    {
        var workers = inputs.Select(input => StartWorker(database, input, foundation)).ToList();
        try
        {
            foreach (var worker in workers)
            {
                if (await worker.StandardOutput.ReadLineAsync() != "ready")
                {
                    throw new InvalidOperationException("worker failed to start: " + await worker.StandardError.ReadToEndAsync());
                }
            }

            var stopwatch = Stopwatch.StartNew();
            foreach (var worker in workers)
            {
                await worker.StandardInput.WriteLineAsync("go");
                await worker.StandardInput.FlushAsync();
            }

            var summaries = new List<Dictionary<string, int>>();
            foreach (var line in await Task.WhenAll(workers.Select(w => w.StandardOutput.ReadLineAsync())))
            {
                summaries.Add(JsonSerializer.Deserialize<Dictionary<string, int>>(line ?? "{}") ?? []);
            }

            var elapsed = stopwatch.Elapsed;
            foreach (var worker in workers)
            {
                await worker.WaitForExitAsync();
            }

            return (elapsed, summaries);
        }
        finally
        {
            foreach (var worker in workers)
            {
                worker.Dispose();
            }
        }
    }

    private static Process StartWorker(string database, string input, bool foundation)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(PostgresIngestBench).Assembly.Location);
        }

        foreach (var argument in (string[])["ingest-pg-worker", database, input, .. foundation ? ["--foundation"] : Array.Empty<string>()])
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start a worker");
    }

    private static ReportPipeline CreatePipeline(bool foundation) => foundation
        ? new PipelineBuilder().Add(new Sitrep.Text.TextNormalizer()).Add(new Sitrep.Text.SentenceSegmenter()).Build()
        : DefaultPipeline.Create(PipelineResources.FromEnvironment());
}
