using Sitrep.Situation;
using Sitrep.Situation.Needs;

namespace Sitrep.Tests.Situation;

public sealed class NeedsEstimateTests
{
    [Fact]
    public void For_OneTruckAgainstNineMonthsOfBlockade_CoversAVanishingShare()
    {
        // About 120,000 people from 12 December 2022 to 12 September 2023 (275 days), one truck counted.
        var estimate = NeedsEstimate.For(120_000, new DateOnly(2022, 12, 12), new DateOnly(2023, 9, 12), trucksDelivered: 1, tonnesDelivered: 0);

        Assert.Equal(275, estimate.Days);
        Assert.Equal(120_000 * 0.55 * 275 / 1000, estimate.FoodTonnesNeeded, precision: 6); // 18,150 t
        Assert.Equal(907.5, estimate.FoodTruckloadsNeeded, precision: 6);
        Assert.Equal(20, estimate.FoodTonnesDelivered);
        Assert.True(estimate.FoodCoverage < 0.002);
        Assert.Equal(120_000 * 15 * 275 / 1000.0, estimate.WaterCubicMetresNeeded, precision: 6);
    }

    [Fact]
    public void For_ReportedTonnesAndTrucks_AddUpAtTheAssumedLoad()
    {
        var assumptions = new NeedsAssumptions { TonnesPerTruck = 10 };
        var estimate = NeedsEstimate.For(40_000, new DateOnly(2016, 1, 1), new DateOnly(2016, 1, 31), trucksDelivered: 44, tonnesDelivered: 30, assumptions);

        Assert.Equal(470, estimate.FoodTonnesDelivered);
        Assert.Contains(estimate.Assumptions.Describe(), line => line.Contains("Sphere", StringComparison.Ordinal));
    }

    [Fact]
    public void For_PeriodEndingBeforeItStarts_IsRejected() =>
        Assert.Throws<ArgumentException>(() => NeedsEstimate.For(1, new DateOnly(2023, 1, 2), new DateOnly(2023, 1, 1), 0, 0));
}

public sealed class AreaNeedsTests
{
    private static AreaPicture Area(AccessStatus status, DateOnly? since, double? population, params DeliveryPicture[] deliveries) => new()
    {
        Id = "name:test",
        Name = "Test",
        Aliases = [],
        Status = status,
        Since = since,
        Besiegers = [],
        BlockedSupplies = [],
        Population = population is { } p ? [new SourcedValue<double>(p, ["r1"])] : [],
        Corridors = [],
        Deliveries = deliveries,
        Timeline = since is { } s ? [new StatusSegment<AccessStatus>(s, null, status, ["e1"])] : [],
        Events = [],
        Sources = ["r1"],
    };

    private static DeliveryPicture Delivery(DateOnly date, double? trucks, double? tonnes) => new()
    {
        EventId = "d" + date.DayNumber,
        Date = date,
        Actors = [],
        Quantities = new Dictionary<string, IReadOnlyList<SourcedValue<double>>>(),
        Supplies = [],
        Sources = ["r2"],
        Trucks = trucks,
        Tonnes = tonnes,
    };

    [Fact]
    public void For_BesiegedArea_RunsFromTheSiegeToTheLastDelivery_CountingUnsizedDeliveriesAsOneTruckload()
    {
        var area = Area(AccessStatus.Besieged, new DateOnly(2023, 1, 1), 10_000,
            Delivery(new DateOnly(2023, 1, 31), trucks: null, tonnes: null),
            Delivery(new DateOnly(2023, 1, 10), trucks: 3, tonnes: null),
            Delivery(new DateOnly(2023, 1, 20), trucks: null, tonnes: 15));

        var needs = AreaNeeds.For(area);

        Assert.NotNull(needs);
        Assert.Equal(31, needs.Days);
        Assert.Equal((1 + 3) * 20 + 15, needs.FoodTonnesDelivered);
        Assert.Contains(needs.Assumptions.Describe(), a => a.Contains("without figures", StringComparison.Ordinal));
    }

    [Fact]
    public void For_AccessibleAreaOrUnknownPopulation_GivesNoEstimate()
    {
        Assert.Null(AreaNeeds.For(Area(AccessStatus.Accessible, new DateOnly(2023, 1, 1), 10_000)));
        Assert.Null(AreaNeeds.For(Area(AccessStatus.Besieged, new DateOnly(2023, 1, 1), null)));
        Assert.Null(AreaNeeds.For(Area(AccessStatus.Besieged, null, 10_000)));
    }
}
