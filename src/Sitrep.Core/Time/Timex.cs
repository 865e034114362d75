using Sitrep.Documents;

namespace Sitrep.Time;

public enum TimexType
{
    Date,
    Time,
    Duration,
    Set,
}

/// <summary>
/// A temporal expression in TimeML TIMEX3 terms: its type and normalized <see cref="Value"/>
/// ("2023-09-12", "2022-12", "P1Y", "PRESENT_REF"), resolved against the publication date when known.
/// </summary>
public sealed record Timex : Annotation
{
    public required TimexType Type { get; init; }

    /// <summary>TIMEX3 value; null when the expression is relative and there is no anchor to resolve it.</summary>
    public required string? Value { get; init; }

    /// <summary>TIMEX3 mod: APPROX, START, MID, END, LESS_THAN, MORE_THAN, ... or null.</summary>
    public string? Mod { get; init; }

    /// <summary>For ranges ("1991-94", "since July 2015"): the start's value; null when not a range.</summary>
    public string? RangeStart { get; init; }

    /// <summary>For ranges: the end's value; null for an open end ("since July 2015").</summary>
    public string? RangeEnd { get; init; }

    /// <summary>
    /// For a duration that counts from another time ("three days after the talks of 4 March 2022", "two
    /// weeks later"): the date it points to, at the precision of the time it counts from; null when the
    /// text gives no date to count from (never guessed from the publication date).
    /// </summary>
    public string? Point { get; init; }
}
