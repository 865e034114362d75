using System.Diagnostics;
using System.Globalization;
using Sitrep.Actors;
using Sitrep.Claims;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Geo;
using Sitrep.Geo.Evaluation;
using Sitrep.Geo.Gazetteer;
using Sitrep.Pipeline;
using Sitrep.Quantities;
using Sitrep.Text;
using Sitrep.Time;
using Sitrep.Time.Evaluation;

namespace Sitrep.Bench;

/// <summary>
/// Issue 4's speed target: <c>extract</c> with places, times and quantities on (normalize, sentences,
/// times, quantities, places) in articles/s on all cores, over real news texts read at run time from
/// ../shared/data (GeoVirus and GeoWebNews articles, TimeBank documents, each with its own publication
/// date where the corpus gives one) and over generated reports. Each configuration adds one stage to the
/// previous one, so the cost of every stage reads off as a difference measured in the same run; managed
/// allocation per article is measured on all threads. On a shared machine the wall-clock rate follows
/// the load of others; CPU time per article (all threads of this process) is the steadier figure, and
/// articles per CPU-second times the cores is what an unloaded machine would reach. The last three rows
/// add actors, events and claims: the last one is the whole default pipeline (issue 5's speed target).
/// </summary>
internal static class ExtractBench
{
    public static int Run(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3_000;
        var dumpIndex = Array.IndexOf(args, "--dump");
        var dump = dumpIndex >= 0 && dumpIndex + 1 < args.Length ? args[dumpIndex + 1] : null;
        var resources = PipelineResources.FromEnvironment();
        if (!File.Exists(GazetteerSetup.GazetteerPath(resources.DataDirectory)))
        {
            Console.Error.WriteLine($"extract: no gazetteer in {resources.DataDirectory}; run ./sitrep setup first");
            return 2;
        }

        var gazetteer = GazetteerCache.Get(resources.DataDirectory);
        var stages = new (string Name, Func<IPipelineStage> Stage)[]
        {
            ("normalize+sentences", () => new SentenceSegmenter()),
            ("+times", () => new TimexStage()),
            ("+quantities", () => new QuantityStage()),
            ("+places", () => new PlacesStage(gazetteer)),

            // Beyond issue 4: the rest of the default pipeline, so the whole extract (issue 5) reads off the same run.
            ("+actors", () => new ActorStage()),
            ("+events", () => new EventStage()),
            ("+claims (all)", () => new ClaimStage()),
        };
        var pipelines = new List<(string Name, ReportPipeline Pipeline)>();
        var builder = new PipelineBuilder().Add(new TextNormalizer());
        foreach (var (name, stage) in stages)
        {
            builder = builder.Add(stage());
            pipelines.Add((name, builder.Build()));
        }

        var news = NewsTexts(Path.GetDirectoryName(resources.DataDirectory)!);
        if (news.Count > 0)
        {
            var repeated = Enumerable.Range(0, Math.Max(1, count / news.Count) + 1).SelectMany(_ => news).Take(count).ToList();
            Measure($"news ({news.Count} distinct articles from ../shared/data)", repeated, pipelines);
            if (dump is not null)
            {
                Dump(dump, news, pipelines[^1].Pipeline, append: false);
            }
        }
        else
        {
            Console.WriteLine("news: skipped (no corpora under ../shared/data)");
        }

        var generated = ReportGenerator.Generate(count, seed: 11).Select(t => (t, (DateOnly?)new DateOnly(2023, 9, 12))).ToList();
        Measure("generated ~600-word reports", generated, pipelines);
        if (dump is not null)
        {
            Dump(dump, generated.Take(500).ToList(), pipelines[^1].Pipeline, append: true);
        }

        return 0;
    }

    /// <summary>The texts of the news corpora that are present: GeoVirus, GeoWebNews and TimeBank (with its DCT).</summary>
    internal static List<(string Text, DateOnly? Published)> NewsTexts(string repositoryRoot)
    {
        var data = Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared", "data"));
        var texts = new List<(string, DateOnly?)>();
        foreach (var file in new[] { Path.Combine(data, "geo", "GeoVirus.xml"), Path.Combine(data, "geo", "GWN.xml") })
        {
            if (File.Exists(file))
            {
                texts.AddRange(GeoCorpus.Load(file).Select(a => (a.Text, (DateOnly?)new DateOnly(2023, 9, 12))));
            }
        }

        var timeBank = Path.Combine(data, "time", "TimeBank");
        if (Directory.Exists(timeBank))
        {
            texts.AddRange(TimeMlReader.Files(timeBank).Select(TimeMlReader.Read).Select(d => (d.Text, d.CreationDate)));
        }

        return texts;
    }

    private static void Measure(string label, List<(string Text, DateOnly? Published)> texts, List<(string Name, ReportPipeline Pipeline)> pipelines)
    {
        var words = texts.Sum(t => t.Text.Count(c => c == ' ') + 1) / Math.Max(1, texts.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"extract/{label}: {texts.Count} articles, ~{words} words each, {Environment.ProcessorCount} cores, load average {LoadAverage()}"));
        double? previous = null;
        foreach (var (name, pipeline) in pipelines)
        {
            // Warm-up: JIT, regex construction, lazily built tables.
            PipelineRunner.RunMany(pipeline, [.. texts.Take(200).Select((t, i) => new ReportDocument($"w{i}", t.Text, t.Published))]);
            var documents = texts.Select((t, i) => new ReportDocument($"d{i}", t.Text, t.Published)).ToList();
            GC.Collect();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var gcBefore = GC.CollectionCount(0);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            var results = PipelineRunner.RunMany(pipeline, documents);
            stopwatch.Stop();
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            var failures = results.Count(r => !r.Succeeded);
            var seconds = stopwatch.Elapsed.TotalSeconds;
            var perArticleMs = cpu * 1000 / texts.Count;
            var stageMs = previous is { } p ? perArticleMs - p : perArticleMs;
            previous = perArticleMs;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-20} {texts.Count / seconds,6:F0} articles/s wall  {texts.Count / cpu,6:F0} articles per CPU-second  " +
                $"(this stage {stageMs * 1000,5:F0} us CPU/article)  " +
                $"alloc {allocated / texts.Count / 1024.0,7:F1} KB/article  gen0 GCs {GC.CollectionCount(0) - gcBefore,4}  " +
                $"times {results.Sum(r => r.Document.Times.Count)}  quantities {results.Sum(r => r.Document.Quantities.Count)}  places {results.Sum(r => r.Document.Places.Count)}  events {results.Sum(r => r.Document.Events.Count)}  failures {failures}"));
        }
    }

    /// <summary>
    /// Every annotation the pipeline makes on each text, one per line: run before and after a change that
    /// should only make extraction faster, the two files must be identical.
    /// </summary>
    private static void Dump(string path, List<(string Text, DateOnly? Published)> texts, ReportPipeline pipeline, bool append)
    {
        var results = PipelineRunner.RunMany(pipeline, [.. texts.Select((t, i) => new ReportDocument($"d{i}", t.Text, t.Published))]);
        using var writer = new StreamWriter(path, append);
        foreach (var result in results)
        {
            var d = result.Document;
            writer.WriteLine($"# {d.Id} {result.FailedStage}");
            IEnumerable<object> annotations = [.. d.Times, .. d.Quantities, .. d.Places, .. d.Actors, .. d.Events, .. d.Claims];
            foreach (var a in annotations)
            {
                writer.WriteLine(a.ToString());
            }
        }
    }

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}
