using System.Collections.Frozen;

namespace Sitrep.Time;

/// <summary>Which rules a word can trigger.</summary>
[Flags]
internal enum Trigger
{
    None = 0,
    Digits = 1,
    Month = 1 << 1,
    Weekday = 1 << 2,
    Year = 1 << 3,
    Decade = 1 << 4,
    Century = 1 << 5,
    QuarterOrHalf = 1 << 6,
    Period = 1 << 7,
    Season = 1 << 8,
    Deictic = 1 << 9,
    Unit = 1 << 10,
    Vague = 1 << 11,
    Clock = 1 << 12,
    SetWord = 1 << 13,
    Spelled = 1 << 14,

    /// <summary>A word a temporal expression may begin with (modifiers, determiners, numbers).</summary>
    Starter = 1 << 15,
}

/// <summary>A word or number of the text that can trigger or begin an expression, with its position among all words.</summary>
/// <param name="Word">The index of the word among all the words of the text (counting those that trigger nothing):
/// rules look back a number of words from their trigger.</param>
internal readonly record struct TimeToken(int Start, int End, Trigger Triggers, int Word);

/// <summary>
/// Splits text into runs of letters or digits and keeps the ones that can anchor or begin a temporal
/// expression, in one pass without allocating per word. The other words (most of a text) are only
/// counted: no rule starts or triggers on them.
/// </summary>
internal static class TimeTokens
{
    private static readonly FrozenDictionary<string, Trigger> Words = BuildWords();

    private static readonly FrozenDictionary<string, Trigger>.AlternateLookup<ReadOnlySpan<char>> Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Per ASCII letter (case folded), a bit per word length (1 to 63) of the lexicon's words beginning
    /// with it: most words of a text fail this test and skip the dictionary lookup.
    /// </summary>
    private static readonly ulong[] LengthsByInitial = BuildLengths();

    /// <param name="present">The union of the triggers of all tokens: rules none of whose triggers occur are skipped.</param>
    public static List<TimeToken> Scan(string text, out Trigger present)
    {
        // About one word in three of news is in the lexicon (determiners, prepositions, numbers, time words).
        var tokens = new List<TimeToken>(text.Length / 16 + 8);
        present = Trigger.None;
        var word = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                i++;
                continue;
            }

            var start = i;
            var digit = char.IsDigit(c);
            while (i < text.Length && (digit ? char.IsDigit(text[i]) : char.IsLetter(text[i])))
            {
                i++;
            }

            Trigger triggers;
            if (digit)
            {
                var digits = text.AsSpan(start, i - start);
                triggers = Trigger.Digits | Trigger.Starter;
                if (IsClockDigits(text, i))
                {
                    triggers |= Trigger.Clock;
                }

                if (digits.Length == 4 && (digits[0] == '1' || (digits[0] == '2' && digits[1] == '0')))
                {
                    triggers |= Trigger.Year;
                }

                // "1980s", "'80s": a decade; the 's' follows the digits directly.
                if (i < text.Length && (text[i] == 's' || text[i] == '\'') && digits[^1] == '0')
                {
                    triggers |= Trigger.Decade;
                }
            }
            else
            {
                var length = i - start;
                var initial = (c | 0x20) - 'a';
                // Non-ASCII initials still go to the dictionary: case-insensitive lookup folds a few onto ASCII.
                triggers = (c >= 128 || ((uint)initial < 26 && length < 64 && (LengthsByInitial[initial] & (1UL << length)) != 0))
                    && Lookup.TryGetValue(text.AsSpan(start, length), out var found) ? found : Trigger.None;
            }

            if (triggers != Trigger.None)
            {
                present |= triggers;
                tokens.Add(new TimeToken(start, i, triggers, word));
            }

            word++;
        }

        return tokens;
    }

    /// <summary>"7:15", "10 p.m.", "5pm", "14.30": digits a clock time continues from.</summary>
    private static bool IsClockDigits(string text, int end)
    {
        if (end < text.Length && (text[end] == ':' || text[end] == '.') && end + 1 < text.Length && char.IsDigit(text[end + 1]))
        {
            return true;
        }

        var next = end < text.Length && text[end] == ' ' ? end + 1 : end;
        return next + 1 < text.Length && (text[next] is 'a' or 'p' or 'A' or 'P') && (text[next + 1] is 'm' or 'M' || (text[next + 1] == '.' && next + 2 < text.Length && text[next + 2] is 'm' or 'M'));
    }

    private static ulong[] BuildLengths()
    {
        var lengths = new ulong[26];
        foreach (var word in Words.Keys)
        {
            var initial = (word[0] | 0x20) - 'a';
            if ((uint)initial < 26 && word.Length < 64)
            {
                lengths[initial] |= 1UL << word.Length;
            }
        }

        return lengths;
    }

    private static FrozenDictionary<string, Trigger> BuildWords()
    {
        var map = new Dictionary<string, Trigger>(StringComparer.OrdinalIgnoreCase);
        void Add(Trigger trigger, params string[] words)
        {
            foreach (var w in words)
            {
                map[w] = map.GetValueOrDefault(w) | trigger;
            }
        }

        Add(Trigger.Month, "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec");
        Add(Trigger.Weekday, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays");
        Add(Trigger.Decade, "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties");
        Add(Trigger.Century, "century");
        Add(Trigger.QuarterOrHalf, "quarter", "half");
        Add(Trigger.Period, "week", "weekend", "month", "year", "quarter", "decade", "century", "period", "day");
        Add(Trigger.Season, "spring", "summer", "fall", "autumn", "winter");
        Add(Trigger.Period, "spring", "summer", "fall", "autumn", "winter");
        Add(Trigger.Deictic, "today", "tonight", "yesterday", "tomorrow", "night", "morning", "afternoon", "evening", "overnight");
        Add(Trigger.Unit, "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "night", "nights", "week", "weeks",
            "fortnight", "fortnights", "month", "months", "quarter", "quarters", "year", "years", "decade", "decades", "century", "centuries",
            "millennium", "millennia");
        Add(Trigger.Vague, "now", "date", "current", "currently", "present", "presently", "nowadays", "days", "moment", "time", "recently", "lately", "past",
            "future", "term", "possible", "years", "months", "weeks", "decades", "times");
        Add(Trigger.Clock, "noon", "midday", "midnight");
        Add(Trigger.SetWord, "every", "each", "hourly", "nightly", "fortnightly", "biannually", "semiannually");
        Add(Trigger.Spelled, "nineteen", "eighteen", "twenty", "thousand");
        var starters = new[]
        {
            "the", "a", "an", "this", "that", "these", "its", "their", "last", "next", "past", "previous", "coming", "current", "following",
            "same", "early", "earlier", "late", "later", "mid", "middle", "end", "beginning", "start", "close", "turn", "rest", "remainder",
            "first", "second", "third", "fourth", "latter", "fiscal", "calendar", "fy", "about", "around", "approximately", "nearly",
            "almost", "some", "roughly", "more", "less", "fewer", "at", "up", "no", "just", "well", "over", "under", "within", "another",
            "each", "every", "few", "several", "many", "couple", "right", "until", "till", "by", "for", "in", "recently", "most", "only",
            "very", "these", "shortly", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
            "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "half", "flat", "strong", "weak", "record", "year", "as",
            "formerly", "lately", "presently", "recent", "near", "distant", "foreseeable", "short", "long", "medium", "soon", "nowadays", "now", "currently", "today", "tonight", "yesterday", "tomorrow", "overnight",
            "noon", "midday", "midnight", "weekly", "hourly", "nightly", "fortnightly", "biannually", "semiannually", "fall", "spring",
            "summer", "autumn", "winter", "week", "weekend", "month", "day", "decade", "century", "quarter", "period",
        };
        Add(Trigger.Starter, starters);
        foreach (var key in map.Keys.ToList())
        {
            if ((map[key] & (Trigger.Month | Trigger.Weekday | Trigger.Decade)) != 0)
            {
                map[key] |= Trigger.Starter;
            }
        }

        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
