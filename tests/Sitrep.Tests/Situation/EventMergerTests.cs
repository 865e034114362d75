using FsCheck;
using FsCheck.Xunit;
using Sitrep.Situation;
using Sitrep.Time;

namespace Sitrep.Tests.Situation;

public sealed class EventMergerTests
{
    private static SituationEvent Event(string key, string report, string type, string? date, double? lat, double? lon, string evidence, string? actor1 = null) => new()
    {
        Key = key,
        ReportId = report,
        Type = type,
        When = TimexInterval.Parse(date),
        Published = date is null ? null : TimexInterval.Parse(date)!.Value.Start,
        Latitude = lat,
        Longitude = lon,
        PlaceName = lat is null ? null : "place",
        Actor1 = actor1,
        EvidenceText = evidence,
    };

    // Stepanakert 39.8153, 46.7519; Madaya 33.6892, 36.0972.
    private static readonly SituationEvent[] Sample =
    [
        Event("a1", "outlet", "AID_DELIVERED", "2023-09-12", 39.8153, 46.7519, "A Russian Red Cross truck with aid reached Stepanakert", "RUS"),
        Event("b1", "telegram", "AID_DELIVERED", "2023-09-12", 39.82, 46.75, "Truck of the Russian Red Cross reached Stepanakert by the Aghdam road", "RUS"),
        Event("c1", "wire", "AID_DELIVERED", "2023-09-18", 39.8153, 46.7519, "The ICRC delivered flour to Stepanakert", "ICRC"),
        Event("d1", "levant", "AID_DELIVERED", "2016-01-11", 33.6892, 36.0972, "A convoy entered Madaya bringing food"),
        Event("e1", "wire2", "AID_DELIVERED", "2016-01-11", 33.69, 36.10, "Trucks carrying food arrived in Madaya"),
        Event("f1", "outlet", "BLOCKADE", "2022-12", 39.8153, 46.7519, "The blockade of the Lachin corridor", "AZE"),
        Event("g1", "other", "BLOCKADE", "2022-12-12", 39.81, 46.75, "Azerbaijani activists blocked the Lachin corridor", "AZE"),
    ];

    [Fact]
    public void Merge_SameDeliveryFromTwoSources_IsOneEventWithBothSources()
    {
        var merger = new EventMerger(new EventMatcher());
        foreach (var item in Sample)
        {
            merger.Add(item);
        }

        var clusters = merger.Clusters();
        var russianTruck = Assert.Single(clusters, c => c.Members.Any(m => m.Key == "a1"));
        Assert.Equal(["outlet", "telegram"], russianTruck.Sources);
        Assert.Contains(russianTruck.Reasons.SelectMany(r => r.Evidence), e => e.StartsWith("same place", StringComparison.Ordinal));

        // A delivery on another day by another actor stays its own event; so does another town's.
        Assert.Single(Assert.Single(clusters, c => c.Members.Any(m => m.Key == "c1")).Members);
        Assert.Equal(2, Assert.Single(clusters, c => c.Members.Any(m => m.Key == "d1")).Members.Count);
        Assert.Equal(2, Assert.Single(clusters, c => c.Members.Any(m => m.Key == "f1")).Members.Count);
    }

    [Fact]
    public void Merge_DifferentKnownActors_AreNeverTheSameEvent()
    {
        var merger = new EventMerger(new EventMatcher());
        merger.Add(Event("x", "r1", "ATTACK", "2023-09-19", 39.8, 46.7, "Shelling hit the town", "AZE"));
        merger.Add(Event("y", "r2", "ATTACK", "2023-09-19", 39.8, 46.7, "Shelling hit the town", "ARM"));

        Assert.Equal(2, merger.Clusters().Count);
    }

    [Fact]
    public void Separate_AnalystDecision_KeepsEventsApart()
    {
        var merger = new EventMerger(new EventMatcher());
        merger.Separate("a1", "b1");
        foreach (var item in Sample)
        {
            merger.Add(item);
        }

        Assert.NotEqual(merger.ClusterOf("a1"), merger.ClusterOf("b1"));
    }

    [Property(MaxTest = 100)]
    public bool Merge_AnyArrivalOrder_GivesTheSameClusters(int seed)
    {
        var shuffled = Sample.OrderBy(_ => new Random(seed).Next()).ToArray();
        new Random(seed).Shuffle(shuffled);

        return Canonical(Sample) == Canonical(shuffled);

        static string Canonical(IEnumerable<SituationEvent> events)
        {
            var merger = new EventMerger(new EventMatcher());
            foreach (var item in events)
            {
                merger.Add(item);
            }

            return string.Join(" | ", merger.Clusters().Select(c => c.Id + ":" + string.Join(",", c.Members.Select(m => m.Key))));
        }
    }
}

public sealed class MergedEventTests
{
    [Fact]
    public void From_TwoSourcesDisagreeingOnPopulation_KeepsBothFiguresWithTheirSources()
    {
        SituationEvent Report(string key, string report, double people) => new()
        {
            Key = key,
            ReportId = report,
            Type = "AID_DELIVERED",
            When = TimexInterval.Parse("2016-01-11"),
            PlaceName = "Madaya",
            Latitude = 33.6892,
            Longitude = 36.0972,
            Quantities = [new SituationQuantity(people, "people", "population", true, $"some {people} people")],
            Supplies = ["food"],
            EvidenceText = "A convoy reached Madaya with food",
        };

        var merger = new EventMerger(new EventMatcher());
        merger.Add(Report("a", "outlet-a", 42_000));
        merger.Add(Report("b", "outlet-b", 40_000));

        var merged = MergedEvent.From(Assert.Single(merger.Clusters()));

        Assert.Equal(["outlet-a", "outlet-b"], merged.Sources);
        var population = merged.Quantities["population"];
        Assert.Equal(2, population.Count);
        Assert.Contains(population, v => v.Value == 42_000 && v.Sources.SequenceEqual(["outlet-a"]));
        Assert.Contains(population, v => v.Value == 40_000 && v.Sources.SequenceEqual(["outlet-b"]));
        Assert.True(merged.HasDisagreement);
        Assert.Equal("2016-01-11", Assert.Single(merged.Dates).Value);
    }
}
