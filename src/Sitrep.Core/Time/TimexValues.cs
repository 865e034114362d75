using System.Globalization;

namespace Sitrep.Time;

/// <summary>
/// Formats TIMEX3 values (TimeML 1.2): calendar dates at each precision, ISO weeks, quarters, halves,
/// seasons, decades, centuries and durations. Pure functions, no clock.
/// </summary>
public static class TimexValues
{
    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Month(int year, int month) => string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}");

    public static string Month(DateOnly date) => Month(date.Year, date.Month);

    public static string Year(int year) => year.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>"1998-W07": the ISO week holding the date (the week-numbering year may differ from the calendar year).</summary>
    public static string Week(DateOnly date)
    {
        var dateTime = date.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(dateTime):D4}-W{ISOWeek.GetWeekOfYear(dateTime):D2}");
    }

    public static int QuarterOf(DateOnly date) => (date.Month - 1) / 3 + 1;

    public static string Quarter(int year, int quarter) => string.Create(CultureInfo.InvariantCulture, $"{year:D4}-Q{quarter}");

    public static string Half(int year, int half) => string.Create(CultureInfo.InvariantCulture, $"{year:D4}-H{half}");

    /// <summary>"198" for the 1980s.</summary>
    public static string Decade(int firstYear) => (firstYear / 10).ToString("D3", CultureInfo.InvariantCulture);

    /// <summary>"19" for the 20th century (the years 19xx), the TimeML convention.</summary>
    public static string Century(int ordinal) => (ordinal - 1).ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>
    /// A duration: "P3D", "P1Y", "PT2H", "P2Y6M" for two and a half years; null amount gives the
    /// unspecified "PXY". Units: Y, M, W, D, Q, E (decade), C (century), L (millennium), H, MIN, S.
    /// </summary>
    public static string Duration(double? amount, TimeUnit unit)
    {
        var isTime = unit is TimeUnit.Hour or TimeUnit.Minute or TimeUnit.Second;
        var prefix = isTime ? "PT" : "P";
        if (amount is not { } n)
        {
            return prefix + "X" + Letter(unit);
        }

        if (n != Math.Floor(n))
        {
            // Fractions go down a unit: 2 1/2 years = P2Y6M, 1.5 hours = PT1H30M, half a day = PT12H.
            var whole = Math.Floor(n);
            var (smaller, factor) = unit switch
            {
                TimeUnit.Year => (TimeUnit.Month, 12),
                TimeUnit.Month => (TimeUnit.Day, 30),
                TimeUnit.Week => (TimeUnit.Day, 7),
                TimeUnit.Day => (TimeUnit.Hour, 24),
                TimeUnit.Hour => (TimeUnit.Minute, 60),
                TimeUnit.Minute => (TimeUnit.Second, 60),
                TimeUnit.Decade => (TimeUnit.Year, 10),
                TimeUnit.Century => (TimeUnit.Year, 100),
                TimeUnit.Quarter => (TimeUnit.Month, 3),
                _ => (unit, 1),
            };
            var rest = (int)Math.Round((n - whole) * factor);
            var smallIsTime = smaller is TimeUnit.Hour or TimeUnit.Minute or TimeUnit.Second;
            var head = whole > 0 ? Format(whole) + Letter(unit) : string.Empty;
            if (!isTime && smallIsTime)
            {
                return "P" + head + "T" + rest.ToString(CultureInfo.InvariantCulture) + Letter(smaller);
            }

            return prefix + head + rest.ToString(CultureInfo.InvariantCulture) + Letter(smaller);
        }

        if (unit == TimeUnit.Year && n >= 1000 && n % 1000 == 0)
        {
            return "P" + Format(n / 1000) + "L"; // "two thousand years": millennia
        }

        return prefix + Format(n) + Letter(unit);
    }

    private static string Format(double n) => ((long)n).ToString(CultureInfo.InvariantCulture);

    private static string Letter(TimeUnit unit) => unit switch
    {
        TimeUnit.Year => "Y",
        TimeUnit.Month => "M",
        TimeUnit.Week => "W",
        TimeUnit.Day => "D",
        TimeUnit.Quarter => "Q",
        TimeUnit.Decade => "E",
        TimeUnit.Century => "C",
        TimeUnit.Millennium => "L",
        TimeUnit.Hour => "H",
        TimeUnit.Minute => "M",
        TimeUnit.Second => "S",
        TimeUnit.Weekend => "WE",
        _ => "X",
    };

    /// <summary>The value of the unit that holds <paramref name="date"/>: its day, week, month, quarter, year, decade or century.</summary>
    public static string At(DateOnly date, TimeUnit unit) => unit switch
    {
        TimeUnit.Day => Day(date),
        TimeUnit.Week => Week(date),
        TimeUnit.Weekend => Week(date) + "-WE",
        TimeUnit.Month => Month(date),
        TimeUnit.Quarter => Quarter(date.Year, QuarterOf(date)),
        TimeUnit.Year => Year(date.Year),
        TimeUnit.Decade => Decade(date.Year),
        TimeUnit.Century => (date.Year / 100).ToString("D2", CultureInfo.InvariantCulture),
        _ => Day(date),
    };

    /// <summary>Moves a date by whole units (negative: back in time). Decades and centuries move by years.</summary>
    public static DateOnly Shift(DateOnly date, TimeUnit unit, int amount) => unit switch
    {
        TimeUnit.Day => date.AddDays(amount),
        TimeUnit.Week or TimeUnit.Weekend => date.AddDays(7 * amount),
        TimeUnit.Month => date.AddMonths(amount),
        TimeUnit.Quarter => date.AddMonths(3 * amount),
        TimeUnit.Year => date.AddYears(amount),
        TimeUnit.Decade => date.AddYears(10 * amount),
        TimeUnit.Century => date.AddYears(100 * amount),
        _ => date,
    };
}

/// <summary>Calendar and clock units as news text names them.</summary>
public enum TimeUnit
{
    Second,
    Minute,
    Hour,
    Day,
    Weekend,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
    Millennium,
}
