using System.Globalization;

namespace Sitrep.Time;

/// <summary>
/// The calendar interval a TIMEX3 date value denotes, with its precision: "2022-12" is the whole of
/// December 2022, "198" the 1980s. Merging and timelines compare intervals, not strings, so a report
/// saying "in December 2022" and another saying "on 12 December 2022" can agree.
/// </summary>
public readonly record struct TimexInterval(DateOnly Start, DateOnly End, DatePrecision Precision)
{
    public bool Overlaps(TimexInterval other) => Start <= other.End && other.Start <= End;

    /// <summary>Days between the two intervals (0 when they overlap).</summary>
    public int GapDays(TimexInterval other) =>
        Overlaps(other) ? 0 : other.Start > End ? other.Start.DayNumber - End.DayNumber : Start.DayNumber - other.End.DayNumber;

    /// <summary>Parses YYYY-MM-DD, YYYY-MM, YYYY, YYYY-Www, YYYY-Qn, decades (YYY) and centuries (YY); other values (durations, PRESENT_REF) give null.</summary>
    public static TimexInterval? Parse(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        // Times of day ("2023-09-12T10:00") count as their day.
        var t = value.IndexOf('T', StringComparison.Ordinal);
        if (t == 10)
        {
            value = value[..10];
        }

        var inv = CultureInfo.InvariantCulture;
        if (value.Length == 10 && DateOnly.TryParseExact(value, "yyyy-MM-dd", inv, DateTimeStyles.None, out var day))
        {
            return new TimexInterval(day, day, DatePrecision.Day);
        }

        if (value.Length == 7 && value[4] == '-' && int.TryParse(value.AsSpan(0, 4), NumberStyles.None, inv, out var year))
        {
            if (value[5] == 'Q' && value[6] is >= '1' and <= '4')
            {
                var quarter = value[6] - '1';
                var start = new DateOnly(year, (quarter * 3) + 1, 1);
                return new TimexInterval(start, start.AddMonths(3).AddDays(-1), DatePrecision.Quarter);
            }

            if (int.TryParse(value.AsSpan(5, 2), NumberStyles.None, inv, out var month) && month is >= 1 and <= 12)
            {
                var start = new DateOnly(year, month, 1);
                return new TimexInterval(start, start.AddMonths(1).AddDays(-1), DatePrecision.Month);
            }
        }

        if (value.Length == 8 && value[4] == '-' && value[5] == 'W'
            && int.TryParse(value.AsSpan(0, 4), NumberStyles.None, inv, out var weekYear)
            && int.TryParse(value.AsSpan(6, 2), NumberStyles.None, inv, out var week) && week is >= 1 and <= 53)
        {
            var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(weekYear, week, DayOfWeek.Monday));
            return new TimexInterval(monday, monday.AddDays(6), DatePrecision.Week);
        }

        if (value.All(char.IsAsciiDigit))
        {
            var number = int.Parse(value, inv);
            return value.Length switch
            {
                4 when number >= 1 => new TimexInterval(new DateOnly(number, 1, 1), new DateOnly(number, 12, 31), DatePrecision.Year),
                3 when number >= 1 => new TimexInterval(new DateOnly(number * 10, 1, 1), new DateOnly((number * 10) + 9, 12, 31), DatePrecision.Decade),
                2 when number >= 1 => new TimexInterval(new DateOnly(number * 100, 1, 1), new DateOnly((number * 100) + 99, 12, 31), DatePrecision.Century),
                _ => null,
            };
        }

        return null;
    }
}

public enum DatePrecision
{
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}
