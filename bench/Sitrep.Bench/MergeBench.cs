using System.Diagnostics;
using System.Globalization;
using Sitrep.Situation;
using Sitrep.Time;

namespace Sitrep.Bench;

/// <summary>
/// Merging events into the knowledge base: throughput and memory at 10,000, 30,000 and 100,000 events,
/// so the growth is visible (near-linear is the target: each event is compared only within its block).
/// </summary>
internal static class MergeBench
{
    private static readonly string[] Types = ["AID_DELIVERED", "BLOCKADE", "SHELLING", "ARMED_CLASH", "CROSSING_CLOSED", "EVACUATION", "PROTEST", "ARREST"];
    private static readonly string[] Actors = ["AZE", "ARM", "RUS", "SYR", "ICRC", "WFP", "UKR", null!];

    public static int Run(string[] args)
    {
        int[] sizes = args.Length > 0 ? [.. args.Select(a => int.Parse(a, CultureInfo.InvariantCulture))] : [10_000, 30_000, 100_000];
        Merge(Generate(2_000, seed: 1)); // warm-up
        double? baseline = null;
        foreach (var size in sizes)
        {
            var events = Generate(size, seed: 7);
            GC.Collect();
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var stopwatch = Stopwatch.StartNew();
            var (merger, clusters) = Merge(events);
            stopwatch.Stop();
            var memory = GC.GetTotalMemory(forceFullCollection: true) - before;
            var perSecond = size / stopwatch.Elapsed.TotalSeconds;
            baseline ??= perSecond;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"merge: {size,7} events -> {clusters,7} clusters in {stopwatch.Elapsed.TotalSeconds,6:F2} s = {perSecond,9:F0} events/s " +
                $"(x{perSecond / baseline.Value:F2} of the first size's rate); retained {memory / (1024 * 1024),5} MB ({memory / size} B/event)"));
            GC.KeepAlive(merger);
        }

        return 0;
    }

    private static (EventMerger Merger, int Clusters) Merge(List<SituationEvent> events)
    {
        var merger = new EventMerger(new EventMatcher());
        foreach (var item in events)
        {
            merger.Add(item);
        }

        return (merger, merger.Clusters().Count);
    }

    // Events over ten years, a few hundred places, with about one in three reported by a second source.
    internal static List<SituationEvent> Generate(int count, int seed, bool numericReports = false)
    {
        var random = new Random(seed);
        var start = new DateOnly(2015, 1, 1);
        var events = new List<SituationEvent>(count);
        for (var i = 0; i < count; i++)
        {
            var copyOf = i > 0 && random.Next(3) == 0 ? events[random.Next(Math.Max(0, i - 50), i)] : null;
            var date = copyOf?.When?.Start ?? start.AddDays(random.Next(3650));
            var place = random.Next(400);
            events.Add(new SituationEvent
            {
                Key = $"r{i:D7}#e1",
                ReportId = numericReports ? (i + 1).ToString(CultureInfo.InvariantCulture) : $"r{i:D7}",
                Type = copyOf?.Type ?? Types[random.Next(Types.Length)],
                When = TimexInterval.Parse(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                Published = date,
                Latitude = copyOf?.Latitude ?? 30 + (place % 20),
                Longitude = copyOf?.Longitude ?? 30 + (place / 20),
                PlaceName = copyOf?.PlaceName ?? $"place{place}",
                Actor1 = copyOf?.Actor1 ?? Actors[random.Next(Actors.Length)],
                EvidenceText = copyOf?.EvidenceText ?? $"event {i} at place {place} with trucks and people",
            });
        }

        return events;
    }
}
