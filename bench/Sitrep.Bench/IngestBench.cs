using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Sitrep.Contract;
using Sitrep.Ingest;
using Sitrep.Pipeline;
using Sitrep.Store;
using Sitrep.Store.Ingestion;
using Sitrep.Store.Sqlite;

namespace Sitrep.Bench;

/// <summary>
/// End-to-end ingest of generated ~600-word reports into a fresh SQLite file (read JSONL, pipeline,
/// store), against two baselines in the same process: the store alone (same records, pipeline run
/// beforehand) and the pipeline alone, so the share of each is visible as a ratio.
/// </summary>
internal static class IngestBench
{
    private static bool s_foundationOnly;

    public static int Run(string[] args)
    {
        var count = args.Length > 0 && args[0] != "--foundation" ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        // --foundation: only the stages of the foundation (normalize, sentences), to see the store's own cost.
        s_foundationOnly = args.Contains("--foundation");
        var folder = Path.Combine(Path.GetTempPath(), "sitrep-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            return RunIn(folder, count).GetAwaiter().GetResult();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> RunIn(string folder, int count)
    {
        var texts = ReportGenerator.Generate(count, seed: 42);
        var input = Path.Combine(folder, "reports.jsonl");
        await File.WriteAllLinesAsync(input, texts.Select((t, i) => JsonSerializer.Serialize(
            new Dictionary<string, string> { ["id"] = $"bench-{i}", ["text"] = t, ["published"] = "2023-09-12" })));
        var words = texts.Sum(t => t.Count(c => c == ' ') + 1) / (double)count;
        var pipeline = s_foundationOnly
            ? new PipelineBuilder().Add(new Sitrep.Text.TextNormalizer()).Add(new Sitrep.Text.SentenceSegmenter()).Build()
            : DefaultPipeline.Create(PipelineResources.FromEnvironment());
        var loader = new InputLoader(new IngestLimits { MaxFileBytes = long.MaxValue }, ReportReaders.Default);

        // Warm-up: JIT, SQLite, resources.
        var warmInput = Path.Combine(folder, "warm.jsonl");
        await File.WriteAllLinesAsync(warmInput, (await File.ReadAllLinesAsync(input)).Take(300));
        await IngestOnce(Path.Combine(folder, "warm.db"), warmInput, pipeline, loader);

        // 1. End to end: read + parse + pipeline + store.
        var cpu = Cpu();
        var (gen2, pause, allocated) = (GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
        var stopwatch = Stopwatch.StartNew();
        var summary = await IngestOnce(Path.Combine(folder, "e2e.db"), input, pipeline, loader);
        var endToEnd = stopwatch.Elapsed;
        var endToEndCpu = Cpu() - cpu;
        var endToEndGc = string.Create(CultureInfo.InvariantCulture,
            $"GC: {(GC.GetTotalAllocatedBytes() - allocated) / (1024 * 1024)} MB allocated, {GC.CollectionCount(2) - gen2} gen2 collections, {(GC.GetTotalPauseDuration() - pause).TotalSeconds:F2} s paused");
        var peakAfterIngest = Process.GetCurrentProcess().PeakWorkingSet64;

        // 2. Read only: load, decode and parse the JSONL.
        cpu = Cpu();
        stopwatch.Restart();
        var reports = (await loader.LoadAsync(input, InputFormat.Auto, null, default)).Reports;
        var readOnly = stopwatch.Elapsed;
        var readOnlyCpu = Cpu() - cpu;

        // 3. Store only: the same records, pipeline run beforehand (not timed).
        var results = PipelineRunner.RunMany(pipeline, [.. reports.Select(r => r.ToDocument())]);
        var stamp = string.Join(' ', pipeline.Stages.Select(s => $"{s.Name}@{s.Version}"));
        var records = reports.Select((r, i) => new ReportToStore
        {
            Source = r,
            Hash = ContentHash.Of(r.ExternalId, r.Text),
            Annotations = ContractJson.Serialize(ContractMapper.Map(results[i].Document, includeText: false)),
            Pipeline = stamp,
        }).ToList();
        cpu = Cpu();
        stopwatch.Restart();
        await using (var store = await SqliteReportStore.OpenAsync(Path.Combine(folder, "store-only.db"), TimeProvider.System, default))
        {
            foreach (var batch in records.Chunk(500))
            {
                await store.SaveBatchAsync(batch, default);
            }
        }

        var storeOnly = stopwatch.Elapsed;
        var storeOnlyCpu = Cpu() - cpu;

        // 4. Pipeline only, on all cores.
        cpu = Cpu();
        stopwatch.Restart();
        PipelineRunner.RunMany(pipeline, [.. reports.Select(r => r.ToDocument())]);
        var pipelineOnly = stopwatch.Elapsed;
        var pipelineOnlyCpu = Cpu() - cpu;

        // 5. Knowledge base: take the stored reports in (events merged, actors, near-duplicates), as ingest does after storing.
        cpu = Cpu();
        stopwatch.Restart();
        Sitrep.Store.Knowledge.KnowledgeUpdate update;
        await using (var store = await SqliteReportStore.OpenAsync(Path.Combine(folder, "e2e.db"), TimeProvider.System, default))
        {
            update = await new Sitrep.Store.Knowledge.KnowledgeBase(store, TimeProvider.System).UpdateAsync(default);
        }

        var knowledge = stopwatch.Elapsed;
        var knowledgeCpu = Cpu() - cpu;

        var dbBytes = new FileInfo(Path.Combine(folder, "e2e.db")).Length + Length(Path.Combine(folder, "e2e.db-wal"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            ingest: {count} reports (~{words:F0} words each), {Environment.ProcessorCount} cores, stages: {stamp}
              end to end (read JSONL + pipeline + SQLite): {endToEnd.TotalSeconds:F2} s = {count / endToEnd.TotalSeconds:F0} reports/s, CPU {endToEndCpu.TotalSeconds:F2} s; new {summary.New}, problems {summary.Problems.Count}; {endToEndGc}
              read only (load + decode + parse JSONL): {readOnly.TotalSeconds:F2} s, CPU {readOnlyCpu.TotalSeconds:F2} s
              store only (same records, 500 per transaction): {storeOnly.TotalSeconds:F2} s = {count / storeOnly.TotalSeconds:F0} reports/s, CPU {storeOnlyCpu.TotalSeconds:F2} s ({storeOnly / endToEnd:P0} of end to end)
              pipeline only (all cores): {pipelineOnly.TotalSeconds:F2} s = {count / pipelineOnly.TotalSeconds:F0} reports/s, CPU {pipelineOnlyCpu.TotalSeconds:F2} s ({pipelineOnly / endToEnd:P0} of end to end)
              knowledge base update: {knowledge.TotalSeconds:F2} s = {count / knowledge.TotalSeconds:F0} reports/s ({update.Events} events, {update.Links} merge links, {update.NearDuplicates} near-duplicate pairs), CPU {knowledgeCpu.TotalSeconds:F2} s
              peak working set {peakAfterIngest / (1024 * 1024)} MB after the end-to-end run, {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB overall; database {dbBytes / (1024 * 1024)} MB
            """));
        return summary.New == count && summary.Problems.Count == 0 ? 0 : 1;
    }

    private static async Task<IngestSummary> IngestOnce(string database, string input, ReportPipeline pipeline, InputLoader loader)
    {
        await using var store = await SqliteReportStore.OpenAsync(database, TimeProvider.System, default);
        var service = new IngestService(store, pipeline, loader, TimeProvider.System);
        return await service.IngestAsync([input], new IngestOptions(), null, null, default);
    }

    /// <summary>CPU time of this process: less sensitive than wall time to other work on a shared machine.</summary>
    private static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    private static long Length(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
}
