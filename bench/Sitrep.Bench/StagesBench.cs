using System.Diagnostics;
using System.Globalization;
using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Bench;

/// <summary>
/// The cost of each stage of the default pipeline on its own, over the real news texts of
/// <see cref="ExtractBench"/>: one thread, documents run through the earlier stages untimed, then the
/// stage timed over all of them; the best of several rounds, so other processes on a shared machine
/// disturb the figures less than a parallel wall-clock run. Per stage: CPU time and managed allocation
/// per article; then the articles per CPU-second of issue 4's configuration (normalize to places) and of
/// the whole pipeline, the sums of the stages.
/// </summary>
internal static class StagesBench
{
    public static int Run(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var resources = PipelineResources.FromEnvironment();
        var texts = ExtractBench.NewsTexts(Path.GetDirectoryName(resources.DataDirectory)!);
        if (texts.Count == 0)
        {
            Console.Error.WriteLine("stages: no news corpora under ../shared/data");
            return 2;
        }

        var pipeline = DefaultPipeline.Create(resources);
        var stages = pipeline.Stages;
        var bestCpu = Enumerable.Repeat(double.MaxValue, stages.Length).ToArray();
        var bestWall = Enumerable.Repeat(double.MaxValue, stages.Length).ToArray();
        var allocated = new double[stages.Length];

        // Round 0 warms up (JIT, lazily built tables) and is not counted.
        for (var round = 0; round <= rounds; round++)
        {
            var documents = texts.Select((t, i) => new ReportDocument($"d{i}", t.Text, t.Published)).ToList();
            for (var s = 0; s < stages.Length; s++)
            {
                var stage = stages[s];
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                var stopwatch = Stopwatch.StartNew();
                foreach (var document in documents)
                {
                    stage.Process(document, CancellationToken.None);
                }

                stopwatch.Stop();
                if (round == 0)
                {
                    continue;
                }

                var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
                bestCpu[s] = Math.Min(bestCpu[s], cpu / documents.Count);
                bestWall[s] = Math.Min(bestWall[s], stopwatch.Elapsed.TotalSeconds / documents.Count);
                allocated[s] = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)documents.Count;
            }
        }

        var words = texts.Sum(t => t.Text.Count(c => c == ' ') + 1) / texts.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"stages: {texts.Count} news articles (~{words} words), one thread, best of {rounds} rounds, load average {ExtractBench.LoadAverage()}"));
        for (var s = 0; s < stages.Length; s++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {stages[s].Name,-12} {bestCpu[s] * 1e6,7:F0} us CPU/article  {bestWall[s] * 1e6,7:F0} us wall/article  {1 / bestCpu[s],8:F0} articles per CPU-second  alloc {allocated[s] / 1024,6:F1} KB/article"));
        }

        var issue4 = stages.Select((stage, i) => (stage, i)).TakeWhile(x => x.stage.Name != "actors").Select(x => x.i).ToList();
        Report("issue 4 (normalize..places)", issue4, bestCpu, allocated);
        Report("whole pipeline", [.. Enumerable.Range(0, stages.Length)], bestCpu, allocated);
        return 0;
    }

    private static void Report(string name, List<int> stages, double[] cpu, double[] allocated)
    {
        var seconds = stages.Sum(s => cpu[s]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name}: {seconds * 1e6:F0} us CPU/article = {1 / seconds:F0} articles per CPU-second; alloc {stages.Sum(s => allocated[s]) / 1024:F1} KB/article"));
    }
}
