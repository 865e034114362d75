using System.Diagnostics;
using System.Globalization;
using Sitrep.Documents;
using Sitrep.Geo;
using Sitrep.Geo.Evaluation;
using Sitrep.Geo.Gazetteer;
using Sitrep.Pipeline;
using Sitrep.Text;

namespace Sitrep.Bench;

/// <summary>
/// The geoparser alone: gazetteer load time and memory, then articles/s of the places stage (on all cores)
/// over generated ~600-word reports and over the GeoVirus texts, beside the normalize+sentences baseline
/// measured in the same run.
/// </summary>
internal static class GeoBench
{
    public static int Run(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 4_000;
        var resources = PipelineResources.FromEnvironment();
        var path = GazetteerSetup.GazetteerPath(resources.DataDirectory);

        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var load = Stopwatch.StartNew();
        var gazetteer = GazetteerFile.Read(path);
        load.Stop();
        var loadCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"gazetteer: {gazetteer.Entries.Count:N0} places, {gazetteer.NameCount:N0} names; load {load.Elapsed.TotalMilliseconds:F0} ms wall, {loadCpu.TotalMilliseconds:F0} ms CPU (all threads); machine load average {LoadAverage()}; managed heap +{(memoryAfter - memoryBefore) / (1024 * 1024)} MB; working set {Process.GetCurrentProcess().WorkingSet64 / (1024 * 1024)} MB"));

        var baseline = new PipelineBuilder().Add(new TextNormalizer()).Add(new SentenceSegmenter()).Build();
        var places = new PlacesStage(gazetteer);
        var generated = ReportGenerator.Generate(count, seed: 7);
        Measure("generated reports", generated, baseline, places);

        var corpus = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(resources.DataDirectory)!, "..", "shared", "data", "geo", "GeoVirus.xml"));
        if (File.Exists(corpus))
        {
            var texts = GeoCorpus.Load(corpus).Select(a => a.Text).ToList();
            var repeated = Enumerable.Range(0, Math.Max(1, count / texts.Count)).SelectMany(_ => texts).ToList();
            Measure("GeoVirus articles", repeated, baseline, places);
        }

        return 0;
    }

    /// <summary>The 1-minute load average (Linux), printed because the figures are wall-clock figures on a shared machine.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static void Measure(string label, List<string> texts, ReportPipeline baseline, PlacesStage places)
    {
        List<ReportDocument> Prepare() => [.. PipelineRunner.RunMany(baseline, [.. texts.Select((t, i) => new ReportDocument($"d{i}", t, null))]).Select(r => r.Document)];

        // Warm-up, then the baseline (normalize + sentences) and the places stage alone on prepared documents.
        var warm = Prepare();
        Parallel.ForEach(warm.Take(200), d => places.Process(d, CancellationToken.None));

        var baselineTime = Stopwatch.StartNew();
        var documents = Prepare();
        baselineTime.Stop();

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var placesTime = Stopwatch.StartNew();
        Parallel.ForEach(documents, d => places.Process(d, CancellationToken.None));
        placesTime.Stop();
        var placesCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

        var mentions = documents.Sum(d => d.Places.Count);
        var resolved = documents.Sum(d => d.Places.Count(p => p.IsResolved));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {texts.Count} articles, avg {texts.Average(t => t.Length):F0} chars; places stage {texts.Count / placesTime.Elapsed.TotalSeconds:F0} articles/s " +
            $"({placesTime.Elapsed.TotalMilliseconds:F0} ms wall; {texts.Count / placesCpu.TotalSeconds:F0} articles per CPU-second, so {2 * texts.Count / placesCpu.TotalSeconds:F0}/s on 2 idle cores); normalize+sentences baseline {texts.Count / baselineTime.Elapsed.TotalSeconds:F0} articles/s; " +
            $"ratio places/baseline time {placesTime.Elapsed.TotalSeconds / baselineTime.Elapsed.TotalSeconds:F2}; {mentions} mentions, {resolved} resolved; " +
            $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB"));
    }
}
