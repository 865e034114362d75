using System.Diagnostics;
using System.Globalization;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Quantities;
using Sitrep.Text;
using Sitrep.Time;
using Sitrep.Time.Evaluation;

namespace Sitrep.Bench;

/// <summary>
/// Throughput of the times and quantities stages, on all cores, over generated ~600-word reports and
/// over the TimeBank texts (../shared/data/time/TimeBank, when present). The baseline, run in the same
/// process over the same documents, is normalize + sentences alone, so the added cost reads as a ratio.
/// </summary>
internal static class TimeBench
{
    public static int Run(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5_000;
        var baseline = new PipelineBuilder().Add(new TextNormalizer()).Add(new SentenceSegmenter()).Build();
        var timesOnly = new PipelineBuilder().Add(new TextNormalizer()).Add(new SentenceSegmenter()).Add(new TimexStage()).Build();
        var withTime = new PipelineBuilder().Add(new TextNormalizer()).Add(new SentenceSegmenter()).Add(new TimexStage()).Add(new QuantityStage()).Build();

        var generated = ReportGenerator.Generate(count, seed: 7).Select(t => (t, (DateOnly?)new DateOnly(2023, 9, 12))).ToList();
        Measure("generated", generated, baseline, timesOnly, withTime);

        var corpus = args.Length > 1 ? args[1] : Path.Combine(PipelineResources.DefaultDataDirectory(), "..", "..", "shared", "data", "time", "TimeBank");
        if (Directory.Exists(corpus))
        {
            var timeBank = TimeMlReader.Files(corpus).Select(TimeMlReader.Read).Select(d => (d.Text, d.CreationDate)).ToList();

            // Repeat the 183 texts so the run lasts long enough to time.
            var repeated = Enumerable.Range(0, Math.Max(1, count / timeBank.Count)).SelectMany(_ => timeBank).ToList();
            Measure("timebank", repeated, baseline, timesOnly, withTime);
        }
        else
        {
            Console.WriteLine($"timebank: skipped (no corpus at {corpus})");
        }

        return 0;
    }

    private static void Measure(string name, List<(string Text, DateOnly? Published)> texts, ReportPipeline baseline, ReportPipeline timesOnly, ReportPipeline withTime)
    {
        var words = texts.Sum(t => t.Text.Count(c => c == ' ') + 1) / Math.Max(1, texts.Count);
        var baseRate = Rate(baseline, texts, out _, out _);
        var timesRate = Rate(timesOnly, texts, out _, out _);
        var rate = Rate(withTime, texts, out var times, out var quantities);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"time/{name}: {texts.Count} docs (~{words} words) normalize+sentences {baseRate:F0} docs/s; +times {timesRate:F0} docs/s; +times+quantities {rate:F0} docs/s " +
            $"(ratio {rate / baseRate:F2}); {times} times, {quantities} quantities; {Environment.ProcessorCount} cores"));
    }

    private static double Rate(ReportPipeline pipeline, List<(string Text, DateOnly? Published)> texts, out int times, out int quantities)
    {
        // Warm-up: JIT and regex construction.
        PipelineRunner.RunMany(pipeline, [.. texts.Take(100).Select((t, i) => new ReportDocument($"w{i}", t.Text, t.Published))]);
        var documents = texts.Select((t, i) => new ReportDocument($"d{i}", t.Text, t.Published)).ToList();
        var stopwatch = Stopwatch.StartNew();
        var results = PipelineRunner.RunMany(pipeline, documents);
        stopwatch.Stop();
        times = results.Sum(r => r.Document.Times.Count);
        quantities = results.Sum(r => r.Document.Quantities.Count);
        return texts.Count / stopwatch.Elapsed.TotalSeconds;
    }
}
