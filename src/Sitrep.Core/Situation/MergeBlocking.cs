namespace Sitrep.Situation;

/// <summary>
/// The blocking keys that let merging compare a new event only with events that could match it: its type,
/// the weeks its date covers and its half-degree geographic cell. Shared by the in-memory
/// <see cref="EventMerger"/> and the persisted knowledge base, so both find the same candidates.
/// </summary>
public static class MergeBlocking
{
    /// <summary>The cell coordinate of an event without coordinates.</summary>
    public const int Unlocated = int.MinValue;

    public const double CellDegrees = 0.5;

    /// <summary>Events whose date spans more weeks than this (a decade) are "coarse": matched on other fields only.</summary>
    public const int MaxIndexedWeeks = 54;

    // Half-degree cells: 55 km north-south, more than the matcher's 50 km limit, so two events the matcher
    // could join lie in neighbouring rows. East-west a cell shrinks with the latitude's cosine, so the
    // search reaches as many columns as it takes to cover the limit.
    public static (int X, int Y)? Cell(SituationEvent item) =>
        item.Latitude is { } lat && item.Longitude is { } lon ? ((int)Math.Floor(lon / CellDegrees), (int)Math.Floor(lat / CellDegrees)) : null;

    public static int ColumnReach(double latitude)
    {
        var widthKm = CellDegrees * 111.2 * Math.Cos(Math.Min(89, Math.Abs(latitude) + CellDegrees) * Math.PI / 180);
        return (int)Math.Ceiling(EventMatcher.MaxDistanceKm / widthKm);
    }

    /// <summary>
    /// Whether an event can be merged at all: one with neither a date of its own nor a publication date has
    /// no time to compare, and matching on place and wording alone would join every convoy ever reported in
    /// a town. It stays an event of its own.
    /// </summary>
    public static bool IsMergeable(SituationEvent item) => item.When is not null || item.Published is not null;

    /// <summary>The weeks an event's date covers; null when undated or coarser than about a year.</summary>
    public static (int First, int Last)? Weeks(SituationEvent item)
    {
        if (item.When is { } when)
        {
            var first = when.Start.DayNumber / 7;
            var last = when.End.DayNumber / 7;
            return last - first <= MaxIndexedWeeks ? (first, last) : null;
        }

        return item.Published is { } published ? (published.DayNumber / 7, published.DayNumber / 7) : null;
    }
}
