using System.Globalization;

namespace Sitrep.Situation.Needs;

/// <summary>
/// The stated assumptions behind a needs estimate. Every figure is shown to the analyst next to the
/// estimate, so it can be questioned and replaced.
/// </summary>
public sealed record NeedsAssumptions
{
    /// <summary>The Sphere Handbook (2018) planning figure for the energy a person needs a day.</summary>
    public double KilocaloriesPerPersonPerDay { get; init; } = 2100;

    /// <summary>
    /// Dry food a person needs a day to get that energy: about 0.55 kg for a typical general ration of cereal,
    /// pulses, oil, sugar and salt. An assumption: real rations vary with their composition.
    /// </summary>
    public double FoodKilogramsPerPersonPerDay { get; init; } = 0.55;

    /// <summary>The Sphere Handbook (2018) minimum water for drinking, cooking and hygiene: 15 litres a person a day.</summary>
    public double WaterLitresPerPersonPerDay { get; init; } = 15;

    /// <summary>Load of one relief truck, an assumption: a typical articulated truck in aid convoys carries about 20 tonnes.</summary>
    public double TonnesPerTruck { get; init; } = 20;

    public static NeedsAssumptions Default { get; } = new();

    /// <summary>The assumptions as sentences, for the "estimate" label in briefs and the dashboard.</summary>
    public IReadOnlyList<string> Describe() =>
    [
        string.Create(CultureInfo.InvariantCulture, $"{KilocaloriesPerPersonPerDay:N0} kcal per person per day (Sphere Handbook 2018)"),
        string.Create(CultureInfo.InvariantCulture, $"{FoodKilogramsPerPersonPerDay:N2} kg of dry food per person per day (a typical general ration; assumption)"),
        string.Create(CultureInfo.InvariantCulture, $"{WaterLitresPerPersonPerDay:N0} litres of water per person per day (Sphere Handbook 2018 minimum)"),
        string.Create(CultureInfo.InvariantCulture, $"{TonnesPerTruck:N0} tonnes per truckload (assumption)"),
        "a delivery reported without figures counts as one truckload (assumption)",
    ];
}
