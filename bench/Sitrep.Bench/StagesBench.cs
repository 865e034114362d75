using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Globalization;
using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Bench;

/// <summary>
/// The cost of each stage of the default pipeline on its own, over the real news texts of
/// <see cref="ExtractBench"/>: one thread, documents run through the earlier stages untimed, then the
/// stage timed over all of them; the best of several rounds, so other processes on a shared machine
/// disturb the figures less than a parallel wall-clock run: CPU time is this thread's own (on Linux, at
/// nanosecond resolution), so neither other processes nor the runtime's background threads count. Per stage: CPU time and managed allocation
/// per article; then the articles per CPU-second of issue 4's configuration (normalize to places) and of
/// the whole pipeline, the sums of the stages.
/// </summary>
internal static class StagesBench
{
    public static int Run(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var resources = PipelineResources.FromEnvironment();
        var news = ExtractBench.NewsTexts(Path.GetDirectoryName(resources.DataDirectory)!);
        if (news.Count == 0)
        {
            Console.Error.WriteLine("stages: no news corpora under ../shared/data");
            return 2;
        }

        // Enough articles that each stage runs for a good fraction of a second per round.
        var texts = Enumerable.Range(0, count / news.Count + 1).SelectMany(_ => news).Take(count).ToList();

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
                var cpuBefore = ThreadCpu.Now();
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

                var cpu = ThreadCpu.Now() - cpuBefore;
                bestCpu[s] = Math.Min(bestCpu[s], cpu / documents.Count);
                bestWall[s] = Math.Min(bestWall[s], stopwatch.Elapsed.TotalSeconds / documents.Count);
                allocated[s] = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)documents.Count;
            }
        }

        var words = texts.Sum(t => t.Text.Count(c => c == ' ') + 1) / texts.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"stages: {texts.Count} news articles ({news.Count} distinct, ~{words} words), one thread ({ThreadCpu.Source} CPU time), best of {rounds} rounds, load average {ExtractBench.LoadAverage()}"));
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

/// <summary>The calling thread's CPU time in seconds: <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c> on Linux, else the process's.</summary>
internal static class ThreadCpu
{
    private const int ClockThreadCpuTime = 3;

    public static string Source => OperatingSystem.IsLinux() ? "thread" : "process";

    public static double Now()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTime, out var time) == 0)
        {
            return time.Seconds + time.Nanoseconds / 1e9;
        }

        return Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    // DllImport rather than LibraryImport: the bench does not allow unsafe code, and the struct is blittable.
    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
