using System.Collections.Frozen;

namespace Sitrep.Time;

/// <summary>Names of months, weekdays, units and seasons, and the regex fragments built from them.</summary>
internal static class TimeLexicon
{
    public const string Months =
        "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

    /// <summary>A month name, or an abbreviation with its dot ("Sept."), in group <c>month</c>; a full name never takes the sentence's full stop.</summary>
    public const string Month = "(?<month>(?:January|February|March|April|May|June|July|August|September|October|November|December)\\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\\.|\\b))";

    public const string Weekdays = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

    public const string Year = @"(?<year>1[0-9]\d\d|20\d\d)";

    public const string DayOfMonth = @"(?<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?";

    /// <summary>Words before a date or period that narrow it to a part: early, mid, the end of.</summary>
    public const string PartPrefix = @"early|late|mid|the\s+(?:middle|end|beginning|start|close|turn)\s+of|(?:the\s+)?(?:first|second|last|latter)\s+half\s+of";

    public const string PartOfDay = "morning|afternoon|evening|night";

    public const string Units =
        @"seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies)|millenni(?:um|a)";

    public const string Seasons = "spring|summer|fall|autumn|winter";

    private static readonly FrozenDictionary<string, TimeUnit> UnitsByStem = new Dictionary<string, TimeUnit>(StringComparer.OrdinalIgnoreCase)
    {
        ["second"] = TimeUnit.Second, ["minute"] = TimeUnit.Minute, ["hour"] = TimeUnit.Hour, ["day"] = TimeUnit.Day,
        ["night"] = TimeUnit.Day, ["week"] = TimeUnit.Week, ["fortnight"] = TimeUnit.Week, ["month"] = TimeUnit.Month,
        ["quarter"] = TimeUnit.Quarter, ["year"] = TimeUnit.Year, ["decade"] = TimeUnit.Decade, ["century"] = TimeUnit.Century,
        ["centurie"] = TimeUnit.Century, ["millennium"] = TimeUnit.Millennium, ["millennia"] = TimeUnit.Millennium,
        ["weekend"] = TimeUnit.Weekend,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>"weeks" -> Week (with a factor of 2 for "fortnight").</summary>
    public static (TimeUnit Unit, int Factor) Unit(string word)
    {
        var stem = word.EndsWith("ies", StringComparison.OrdinalIgnoreCase) ? word[..^3] + "y"
            : word.EndsWith('s') && !word.Equals("millennia", StringComparison.OrdinalIgnoreCase) ? word[..^1]
            : word;
        var unit = UnitsByStem.TryGetValue(stem, out var u) ? u : TimeUnit.Day;
        return (unit, stem.Equals("fortnight", StringComparison.OrdinalIgnoreCase) ? 2 : 1);
    }

    public static bool IsPlural(string word) => word.EndsWith('s') || word.Equals("millennia", StringComparison.OrdinalIgnoreCase);

    public static int MonthNumber(string name)
    {
        var key = name.Length >= 3 ? name[..3].ToUpperInvariant() : name.ToUpperInvariant();
        return key switch
        {
            "JAN" => 1, "FEB" => 2, "MAR" => 3, "APR" => 4, "MAY" => 5, "JUN" => 6,
            "JUL" => 7, "AUG" => 8, "SEP" => 9, "OCT" => 10, "NOV" => 11, "DEC" => 12,
            _ => 0,
        };
    }

    public static DayOfWeek Weekday(string name) => name[..2].ToUpperInvariant() switch
    {
        "MO" => DayOfWeek.Monday,
        "TU" => DayOfWeek.Tuesday,
        "WE" => DayOfWeek.Wednesday,
        "TH" => DayOfWeek.Thursday,
        "FR" => DayOfWeek.Friday,
        "SA" => DayOfWeek.Saturday,
        _ => DayOfWeek.Sunday,
    };

    /// <summary>ISO weekday number (Monday 1 .. Sunday 7), as in "XXXX-WXX-1".</summary>
    public static int IsoWeekday(DayOfWeek day) => day == DayOfWeek.Sunday ? 7 : (int)day;

    /// <summary>TimeML season codes.</summary>
    public static string Season(string name) => name.ToUpperInvariant() switch
    {
        "SPRING" => "SP",
        "SUMMER" => "SU",
        "WINTER" => "WI",
        _ => "FA",
    };

    /// <summary>TimeML parts of day.</summary>
    public static string DayPart(string name) => name.ToUpperInvariant() switch
    {
        "MORNING" => "MO",
        "AFTERNOON" => "AF",
        "EVENING" => "EV",
        _ => "NI",
    };

    /// <summary>The TIMEX3 mod for a part prefix: early -> START, mid -> MID, late / the end of -> END.</summary>
    public static string? PartMod(string? prefix)
    {
        if (string.IsNullOrEmpty(prefix))
        {
            return null;
        }

        var p = prefix.ToUpperInvariant();
        if (p.Contains("MID", StringComparison.Ordinal) || p.Contains("MIDDLE", StringComparison.Ordinal))
        {
            return "MID";
        }

        if (p.StartsWith("LATE", StringComparison.Ordinal) || p.Contains("END", StringComparison.Ordinal) || p.Contains("CLOSE", StringComparison.Ordinal)
            || p.Contains("SECOND HALF", StringComparison.Ordinal) || p.Contains("LATTER", StringComparison.Ordinal) || p.Contains("LAST HALF", StringComparison.Ordinal))
        {
            return "END";
        }

        return "START";
    }
}
