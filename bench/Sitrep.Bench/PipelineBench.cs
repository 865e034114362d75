using System.Diagnostics;
using System.Globalization;
using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Bench;

/// <summary>Throughput of the default pipeline over generated ~600-word reports, on all cores.</summary>
internal static class PipelineBench
{
    public static int Run(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var reports = ReportGenerator.Generate(count, seed: 42);
        var pipeline = DefaultPipeline.Create(PipelineResources.FromEnvironment());

        // Warm-up: JIT and any lazily loaded resources.
        PipelineRunner.RunMany(pipeline, [.. reports.Take(200).Select((t, i) => new ReportDocument($"w{i}", t, new DateOnly(2023, 9, 12)))]);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = Stopwatch.StartNew();
        var documents = reports.Select((t, i) => new ReportDocument($"r{i}", t, new DateOnly(2023, 9, 12))).ToList();
        var results = PipelineRunner.RunMany(pipeline, documents);
        stopwatch.Stop();
        var failures = results.Count(r => !r.Succeeded);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pipeline: {count} reports in {stopwatch.Elapsed.TotalSeconds:F2} s = {count / stopwatch.Elapsed.TotalSeconds:F0} reports/s; " +
            $"failures {failures}; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB; " +
            $"stages: {string.Join(", ", pipeline.Stages.Select(s => s.Name))}; main-thread alloc {(GC.GetAllocatedBytesForCurrentThread() - before) / (1024 * 1024)} MB"));
        return failures == 0 ? 0 : 1;
    }
}
