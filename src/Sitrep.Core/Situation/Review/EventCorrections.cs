using System.Globalization;
using Sitrep.Time;

namespace Sitrep.Situation.Review;

/// <summary>
/// The fields an analyst can correct and how a correction changes an event. Values are text as typed:
/// <c>type BLOCKADE</c>, <c>actor1 AZE</c>, <c>date 2022-12-12</c>, <c>modality claimed</c>,
/// <c>place Stepanakert@39.8153,46.7519</c>, <c>population 120000</c> (any quantity category).
/// </summary>
public static class EventCorrections
{
    public static readonly IReadOnlyList<string> Fields = ["type", "actor1", "actor2", "date", "modality", "place", "quantity:CATEGORY"];

    private static readonly HashSet<string> Modalities = new(StringComparer.Ordinal)
    {
        "asserted", "claimed", "denied", "threatened", "planned", "hypothetical", "negated",
    };

    /// <summary>Why <paramref name="value"/> is not a valid correction of <paramref name="field"/>, or null when it is.</summary>
    public static string? Validate(string field, string value)
    {
        switch (field)
        {
            case "type":
                return value.Length > 0 && value.All(c => char.IsAsciiLetterUpper(c) || c == '_') ? null : "an ontology type in capitals, e.g. BLOCKADE";
            case "actor1" or "actor2":
                return value.Length > 0 ? null : "an actor id or name";
            case "date":
                return TimexInterval.Parse(value) is null ? "a date: 2022-12-12, 2022-12 or 2022" : null;
            case "modality":
                return Modalities.Contains(value) ? null : "one of " + string.Join(", ", Modalities.Order(StringComparer.Ordinal));
            case "place":
                return ParsePlace(value) is null ? "NAME or NAME@LAT,LON" : null;
            default:
                if (field.StartsWith("quantity:", StringComparison.Ordinal) && field.Length > "quantity:".Length)
                {
                    return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= 0 ? null : "a number";
                }

                return "a field: " + string.Join(", ", Fields);
        }
    }

    /// <summary>The event with the analyst's value in place of the extracted one.</summary>
    public static SituationEvent Apply(SituationEvent item, string field, string value)
    {
        switch (field)
        {
            case "type":
                return item with { Type = value };
            case "actor1":
                return item with { Actor1 = value, Actor1Name = value };
            case "actor2":
                return item with { Actor2 = value, Actor2Name = value };
            case "date":
                return item with { When = TimexInterval.Parse(value) };
            case "modality":
                return item with { Modality = value };
            case "place":
                var (name, lat, lon) = ParsePlace(value)!.Value;
                return item with
                {
                    PlaceName = name,
                    PlaceText = name,
                    Latitude = lat ?? item.Latitude,
                    Longitude = lon ?? item.Longitude,
                    GeonameId = lat is null ? item.GeonameId : null,
                };
            default:
                var category = field["quantity:".Length..];
                var number = double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
                var unit = item.Quantities.FirstOrDefault(q => q.Category == category)?.Unit ?? category;
                return item with
                {
                    Quantities = [.. item.Quantities.Where(q => q.Category != category), new SituationQuantity(number, unit, category, false, value)],
                };
        }
    }

    private static (string Name, double? Lat, double? Lon)? ParsePlace(string value)
    {
        var at = value.LastIndexOf('@');
        if (at < 0)
        {
            return value.Trim().Length > 0 ? (value.Trim(), null, null) : null;
        }

        var parts = value[(at + 1)..].Split(',');
        return parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) && lat is >= -90 and <= 90
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) && lon is >= -180 and <= 180
            && at > 0
                ? (value[..at].Trim(), lat, lon)
                : null;
    }
}
