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
