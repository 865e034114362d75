namespace Sitrep.Situation.Needs;

/// <summary>
/// What a population cut off for a period needed, set against what was counted as delivered:
/// "one truck reached Stepanakert" seen against months of need. Always an estimate, with its assumptions.
/// </summary>
public sealed record NeedsEstimate
{
    public required double Population { get; init; }

    public required DateOnly From { get; init; }

    public required DateOnly To { get; init; }

    public int Days => To.DayNumber - From.DayNumber + 1;

    public required double FoodTonnesNeeded { get; init; }

    public required double WaterCubicMetresNeeded { get; init; }

    /// <summary>Truckloads of food the period needed.</summary>
    public required double FoodTruckloadsNeeded { get; init; }

    /// <summary>Food delivered, in tonnes: reported tonnes, plus reported trucks at the assumed load.</summary>
    public required double FoodTonnesDelivered { get; init; }

    /// <summary>Share of the food need met by counted deliveries (0..1+).</summary>
    public double FoodCoverage => FoodTonnesNeeded <= 0 ? 0 : FoodTonnesDelivered / FoodTonnesNeeded;

    public required NeedsAssumptions Assumptions { get; init; }

    /// <summary>
    /// Estimates need for <paramref name="population"/> people over [from, to] and the coverage by
    /// deliveries given as reported truck counts and tonnages of food.
    /// </summary>
    public static NeedsEstimate For(double population, DateOnly from, DateOnly to, double trucksDelivered, double tonnesDelivered, NeedsAssumptions? assumptions = null)
    {
        if (to < from)
        {
            throw new ArgumentException("The period ends before it starts.", nameof(to));
        }

        var a = assumptions ?? NeedsAssumptions.Default;
        var days = to.DayNumber - from.DayNumber + 1;
        var foodTonnes = population * a.FoodKilogramsPerPersonPerDay * days / 1000;
        return new NeedsEstimate
        {
            Population = population,
            From = from,
            To = to,
            FoodTonnesNeeded = foodTonnes,
            WaterCubicMetresNeeded = population * a.WaterLitresPerPersonPerDay * days / 1000,
            FoodTruckloadsNeeded = foodTonnes / a.TonnesPerTruck,
            FoodTonnesDelivered = tonnesDelivered + (trucksDelivered * a.TonnesPerTruck),
            Assumptions = a,
        };
    }
}
