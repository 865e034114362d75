using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using static Sitrep.Time.TimeLexicon;

namespace Sitrep.Time;

/// <summary>
/// The recognition and normalisation rules, one compiled regex each, with the code that turns a match
/// into a TIMEX3 value. Spans follow TimeBank: determiners and modifiers that are part of the
/// expression are inside ("the third quarter", "last week", "early Tuesday", "nearly two years",
/// "two years ago"), prepositions are outside ("in", "on", "since", "for").
/// </summary>
internal static partial class TimexRules
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private const string Number = "(?<num>" + Sitrep.Quantities.NumberWords.DigitPattern + "|" + Sitrep.Quantities.NumberWords.WordPattern
        + @"|a\s+(?:hundred|thousand)|a\s+couple\s+of|a\s+couple|couple\s+of|a\s+few|few|several|many|a|an)";

    private const string Approx = @"about|around|approximately|nearly|almost|some|roughly|more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than|(?:just|well)\s+(?:over|under)|over|under|within";

    /// <summary>
    /// Every rule with the trigger words that can occur in its matches, how many words before a trigger
    /// a match may start, and the words such an earlier start can be (<see cref="StartWords"/>). Rules are
    /// tried only at those starts (their regexes are anchored with \G), so the cost follows the number of
    /// trigger words, not the length of the text.
    /// </summary>
    private static readonly Rule[] Rules =
    [
        new(IsoDateRegex(), IsoDate, 0, Trigger.Digits, 0) { FollowedBy = "-/" },
        new(MonthDayRegex(), MonthDay, 1, Trigger.Month, 4) { Starts = [WeekdayStarts, "early late mid"] },
        new(DayMonthRegex(), DayMonth, 1, Trigger.Month, 5) { Starts = [WeekdayStarts, "the", DigitStart] },
        new(MonthYearRegex(), MonthYear, 2, Trigger.Month, 6) { Starts = [PartPrefixStarts] },
        new(MonthRegex(), MonthAlone, 3, Trigger.Month, 6) { Starts = [PartPrefixStarts, "this last next past"] },
        new(YearRegex(), YearAlone, 4, Trigger.Year, 6) { Starts = [PartPrefixStarts, "fiscal fy"] },
        new(DecadeRegex(), Decade, 2, Trigger.Decade, 3) { Starts = ["the early late mid"] },
        new(CenturyRegex(), Century, 2, Trigger.Century, 4) { Starts = ["the early late mid twenty", OrdinalStarts, DigitStart] },
        new(QuarterRegex(), Quarter, 1, Trigger.QuarterOrHalf, 8)
        {
            Starts = ["the its this that a last next year flat strong weak disappointing sluggish record fiscal calendar first second third fourth", DigitStart],
        },
        new(RelativePeriodRegex(), RelativePeriod, 2, Trigger.Period, 6) { Starts = ["early late earlier later the this last next past previous coming current"] },
        new(SeasonYearRegex(), SeasonYear, 2, Trigger.Season, 4) { Starts = ["early late mid the"] },
        new(DeicticDayRegex(), DeicticDay, 1, Trigger.Deictic, 3) { Starts = ["early late mid earlier later morning afternoon evening last this"] },
        new(WeekdayRegex(), Weekday, 2, Trigger.Weekday, 4) { Starts = ["last next this coming past the early late earlier later mid"] },
        new(DurationRegex(), Duration, 3, Trigger.Unit, 10)
        {
            Starts = [ApproxStarts, "the another an its each a couple few several many", NumberStarts, DigitStart],
        },
        new(VagueRegex(), Vague, 5, Trigger.Vague, 4)
        {
            Starts = ["right just until till by now currently current at presently nowadays these for more most only very recently lately the recent past a coming next as"],
        },
        new(ClockRegex(), Clock, 1, Trigger.Clock, 3) { Starts = ["around about approximately at shortly noon midday midnight", DigitStart] },
        new(SetRegex(), Set, 2, Trigger.SetWord, 0),
        new(SpelledYearRegex(), SpelledYear, 2, Trigger.Spelled, 5) { Starts = [MonthStarts, "the nineteen eighteen twenty two"] },
        new(TheUnitRegex(), TheUnit, 6, Trigger.Period, 5) { Starts = ["the this that its their last"] },
        new(OrdinalDayRegex(), OrdinalDay, 4, Trigger.Unit, 6) { Starts = ["the its a their"] },
        new(YearEarlierRegex(), YearEarlier, 5, Trigger.Period, 0),
        new(SeasonRegex(), SeasonAlone, 4, Trigger.Season, 4) { Starts = ["the early late mid"] },
        new(YearEndRegex(), YearEnd, 2, Trigger.Period, 2) { Starts = ["last this next year"] },
        new(BarePluralRegex(), BarePlural, 7, Trigger.Unit, 0),
    ];

    // The first words of the optional parts of the patterns, for the rules' start words.
    private const string DigitStart = "#digits";
    private const string WeekdayStarts = "monday tuesday wednesday thursday friday saturday sunday";
    private const string MonthStarts = "january february march april may june july august september october november december";
    private const string PartPrefixStarts = "early late mid the first second last latter";
    private const string ApproxStarts = "about around approximately nearly almost some roughly more less fewer at up no just well over under within";
    private const string NumberStarts = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety";
    private const string OrdinalStarts = "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth";

    /// <summary>For each word, the rules (one bit each, by index in <see cref="Rules"/>) a match can begin with it before the trigger.</summary>
    private static readonly FrozenDictionary<string, uint>.AlternateLookup<ReadOnlySpan<char>> StartWords = BuildStartWords(out DigitStarts);

    /// <summary>The rules a match of which can begin with a number before the trigger.</summary>
    private static readonly uint DigitStarts;

    /// <param name="startWords">False tries every starter word (the filter's reference, for tests).</param>
    public static void Collect(TimexContext context, List<TimexDraft> drafts, bool startWords = true)
    {
        var text = context.Text;
        var tokens = TimeTokens.Scan(text, out var present);
        if (tokens.Count == 0)
        {
            return;
        }

        // Which rules each token may begin a match of, looked up the first time a rule asks.
        var startRules = new uint[tokens.Count];
        for (var r = 0; r < Rules.Length; r++)
        {
            var rule = Rules[r];
            if ((present & rule.Triggers) == 0)
            {
                continue; // none of the rule's trigger words occurs in the text
            }

            var bit = 1u << r;
            var lastStart = -1;
            for (var t = 0; t < tokens.Count; t++)
            {
                var trigger = tokens[t];
                if ((trigger.Triggers & rule.Triggers) == 0
                    || (startWords && rule.FollowedBy is { } next && (trigger.End >= text.Length || !next.Contains(text[trigger.End], StringComparison.Ordinal))))
                {
                    continue;
                }

                // Try the farthest start first: the first match that reaches the trigger is the longest.
                var first = t;
                while (first > 0 && trigger.Word - tokens[first - 1].Word <= rule.MaxBack)
                {
                    first--;
                }

                for (var k = first; k <= t; k++)
                {
                    var token = tokens[k];
                    if (k < t)
                    {
                        if ((token.Triggers & Trigger.Starter) == 0)
                        {
                            continue; // no expression begins with an ordinary noun or verb
                        }

                        if (startWords && startRules[k] == 0)
                        {
                            startRules[k] = StartRulesOf(text, token);
                        }

                        if (startWords && (startRules[k] & bit) == 0)
                        {
                            continue; // the rule's pattern cannot begin with this word
                        }
                    }

                    var start = token.Start;
                    if (rule.Triggers.HasFlag(Trigger.Decade) && k == t && start > 0 && text[start - 1] == '\'')
                    {
                        start--; // "'80s"
                    }

                    if (start <= lastStart)
                    {
                        continue;
                    }

                    var match = rule.Regex.Match(text, start);
                    if (!match.Success || match.Index + match.Length <= trigger.Start)
                    {
                        continue;
                    }

                    lastStart = start;
                    if (rule.Handler(match, context) is { } draft)
                    {
                        drafts.Add(draft with { Priority = rule.Priority, Rule = rule.Name });
                    }

                    break;
                }
            }
        }
    }

    /// <summary>The rules <paramref name="token"/> can begin a match of (bit 31 set so that none is not "not looked up").</summary>
    private static uint StartRulesOf(string text, TimeToken token)
    {
        if (char.IsDigit(text[token.Start]))
        {
            return DigitStarts | 1u << 31;
        }

        return (StartWords.TryGetValue(text.AsSpan(token.Start, token.End - token.Start), out var rules) ? rules : 0) | 1u << 31;
    }

    private static FrozenDictionary<string, uint>.AlternateLookup<ReadOnlySpan<char>> BuildStartWords(out uint digitStarts)
    {
        var words = new Dictionary<string, uint>(StringComparer.OrdinalIgnoreCase);
        digitStarts = 0;
        for (var r = 0; r < Rules.Length; r++)
        {
            foreach (var list in Rules[r].Starts)
            {
                if (list == DigitStart)
                {
                    digitStarts |= 1u << r;
                    continue;
                }

                foreach (var word in list.Split(' '))
                {
                    words[word] = words.GetValueOrDefault(word) | 1u << r;
                }
            }
        }

        return words.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private sealed record Rule(Regex Regex, Func<Match, TimexContext, TimexDraft?> Handler, int Priority, Trigger Triggers, int MaxBack)
    {
        /// <summary>The handler's name, for <c>--explain</c> (read once: <c>Delegate.Method</c> is reflection).</summary>
        public string Name { get; } = Handler.Method.Name;

        /// <summary>
        /// Space-separated lists of the words (case-insensitive; <see cref="DigitStart"/> for numbers) a match can
        /// begin with when it begins before the trigger word: the first words of the pattern's optional
        /// leading parts. A superset is safe (the regex decides); a missing word loses matches.
        /// </summary>
        public string[] Starts { get; init; } = [];

        /// <summary>Characters one of which must follow the trigger token directly ("2023-", "9/"), or null.</summary>
        public string? FollowedBy { get; init; }
    }

    // ---- absolute dates ----

    [GeneratedRegex(@"\G" + @"\b(?:(?<year>1[0-9]\d\d|20\d\d)-(?<m>0[1-9]|1[0-2])-(?<d>0[1-9]|[12]\d|3[01])|(?<m>1[0-2]|0?[1-9])/(?<d>[12]\d|3[01]|0?[1-9])/(?<year>1[0-9]\d\d|20\d\d))\b", Options)]
    private static partial Regex IsoDateRegex();

    private static TimexDraft? IsoDate(Match m, TimexContext c)
    {
        var date = SafeDate(Int(m, "year"), Int(m, "m"), Int(m, "d"));
        return date is { } d ? new TimexDraft(m.Index, m.Index + m.Length, TimexType.Date, TimexValues.Day(d)) : null;
    }

    [GeneratedRegex(@"\G" + @"\b(?:(?<wd>" + Weekdays + @"),?\s+(?:the\s+)?)?(?:(?<part>early|late|mid)[\s-]+)?" + Month + @"\s*" + DayOfMonth + @"\b(?![,.]?\d|\s*%|:\d)(?:,?\s+" + Year + @"\b)?", Options)]
    private static partial Regex MonthDayRegex();

    private static TimexDraft? MonthDay(Match m, TimexContext c)
    {
        if (!IsCapitalized(m.Groups["month"]) || (m.Groups["wd"].Success && !IsCapitalized(m.Groups["wd"])))
        {
            return null;
        }

        return DateFrom(m, c, MonthNumber(m.Groups["month"].Value), Int(m, "day"));
    }

    [GeneratedRegex(@"\G" + @"\b(?:(?<wd>" + Weekdays + @"),?\s+)?(?:the\s+)?" + DayOfMonth + @"\s+(?:of\s+)?" + Month + @"(?:,?\s+" + Year + @"\b)?", Options)]
    private static partial Regex DayMonthRegex();

    private static TimexDraft? DayMonth(Match m, TimexContext c)
    {
        if (!IsCapitalized(m.Groups["month"]))
        {
            return null;
        }

        // "the 12 May" is odd but "12 May" is British style; keep "the" out when it leads.
        return DateFrom(m, c, MonthNumber(m.Groups["month"].Value), Int(m, "day"));
    }

    private static TimexDraft? DateFrom(Match m, TimexContext c, int month, int day)
    {
        var end = m.Index + m.Length;
        var mod = TimeLexicon.PartMod(m.Groups["part"].Value);
        if (m.Groups["year"].Success)
        {
            return SafeDate(Int(m, "year"), month, day) is { } date
                ? new TimexDraft(m.Index, end, TimexType.Date, TimexValues.Day(date)) { Mod = mod }
                : null;
        }

        if (day > DateTime.DaysInMonth(2000, month))
        {
            return null;
        }

        if (c.Anchor is not { } anchor)
        {
            return new TimexDraft(m.Index, end, TimexType.Date, null) { Mod = mod };
        }

        var year = YearForMonth(anchor, month, day, YearDirection(c, m.Index, m.Index + m.Length));
        if (m.Groups["wd"].Success && SafeDate(year, month, day) is { } guess && guess.DayOfWeek != TimeLexicon.Weekday(m.Groups["wd"].Value))
        {
            // "Saturday, April 25": the weekday names the year, the nearer one of the two around the guess that fits.
            foreach (var other in new[] { year + 1, year - 1 })
            {
                if (SafeDate(other, month, day) is { } fits && fits.DayOfWeek == TimeLexicon.Weekday(m.Groups["wd"].Value) && Math.Abs(other - anchor.Year) <= 1)
                {
                    year = other;
                    break;
                }
            }
        }

        return SafeDate(year, month, day) is { } resolved
            ? new TimexDraft(m.Index, end, TimexType.Date, TimexValues.Day(resolved)) { Mod = mod }
            : null;
    }

    [GeneratedRegex(@"\G" + @"\b(?:(?<part>" + PartPrefix + @")[\s-]+)?" + Month + @",?\s+(?:of\s+)?" + Year + @"\b(?!\s*(?:%|,\d))", Options)]
    private static partial Regex MonthYearRegex();

    private static TimexDraft? MonthYear(Match m, TimexContext c)
    {
        if (!IsCapitalized(m.Groups["month"]))
        {
            return null;
        }

        return new TimexDraft(m.Index, m.Index + m.Length, TimexType.Date, TimexValues.Month(Int(m, "year"), MonthNumber(m.Groups["month"].Value)))
        {
            Mod = TimeLexicon.PartMod(m.Groups["part"].Value),
        };
    }

    [GeneratedRegex(@"\G" + @"\b(?:(?<part>" + PartPrefix + @")[\s-]+)?(?:(?<rel>this\s+past|this\s+coming|last|next|this|past)\s+)?(?<month>January|February|March|April|May|June|July|August|September|October|November|December)\b(?:\s+(?<yrel>this|last|next)\s+year\b)?", Options)]
    private static partial Regex MonthRegex();

    private static TimexDraft? MonthAlone(Match m, TimexContext c)
    {
        var monthGroup = m.Groups["month"];
        if (!IsCapitalized(monthGroup))
        {
            return null;
        }

        var month = MonthNumber(monthGroup.Value);
        var hasContext = m.Groups["part"].Success || m.Groups["rel"].Success || m.Groups["yrel"].Success;
        if (!hasContext && (month is 3 or 5) && !PrecededByDatePreposition(c, m.Index))
        {
            return null; // "may" the modal, "march" the verb; "in May" is a month
        }

        var end = m.Index + m.Length;
        var mod = TimeLexicon.PartMod(m.Groups["part"].Value);
        if (c.Anchor is not { } anchor)
        {
            return new TimexDraft(m.Index, end, TimexType.Date, null) { Mod = mod };
        }

        int year;
        var rel = m.Groups["rel"].Value.ToUpperInvariant();
        if (m.Groups["yrel"].Success)
        {
            year = anchor.Year + RelativeOffset(m.Groups["yrel"].Value);
        }
        else if (rel.Contains("LAST", StringComparison.Ordinal) || rel.Contains("PAST", StringComparison.Ordinal))
        {
            year = month < anchor.Month ? anchor.Year : anchor.Year - 1;
        }
        else if (rel.Contains("NEXT", StringComparison.Ordinal) || rel.Contains("COMING", StringComparison.Ordinal))
        {
            year = month > anchor.Month ? anchor.Year : anchor.Year + 1;
        }
        else if (rel == "THIS")
        {
            year = anchor.Year;
        }
        else
        {
            year = YearForMonth(anchor, month, 1, YearDirection(c, m.Index, m.Index + m.Length), monthPrecision: true);
        }

        return new TimexDraft(m.Index, end, TimexType.Date, TimexValues.Month(year, month)) { Mod = mod };
    }

    [GeneratedRegex(@"\G" + @"(?<![$€£#\d.,]|No\.\s|\d\s)\b(?:(?<part>" + PartPrefix + @"|the\s+year)[\s-]+)?(?:(?<fiscal>fiscal(?:\s+year)?|FY)[\s-]?)?" + Year + @"(?:-(?<end>\d\d(?!\d)|1[0-9]\d\d|20\d\d))?\b(?!\s*(?:%|per\s*cent|percent)|[,.]\d|-\d|\s*(?:people|persons|troops|soldiers|civilians|refugees|families|children|men|women|tonnes|tons|trucks|vehicles|dollars|euros|km|kilometres|kilometers|miles|metres|meters|feet|votes|cases|deaths|dead|homes|houses|acres|hectares|kg|litres|liters|barrels))", Options)]
    private static partial Regex YearRegex();

    private static TimexDraft? YearAlone(Match m, TimexContext c)
    {
        var year = Int(m, "year");
        var start = m.Index;
        var mod = m.Groups["part"].Value.StartsWith("the year", StringComparison.OrdinalIgnoreCase) ? null : TimeLexicon.PartMod(m.Groups["part"].Value);
        var part = m.Groups["part"].Value.ToUpperInvariant();
        var value = TimexValues.Year(year);
        if (part.Contains("HALF", StringComparison.Ordinal))
        {
            value = TimexValues.Half(year, mod == "END" ? 2 : 1);
            mod = null;
        }

        if (!m.Groups["end"].Success)
        {
            return new TimexDraft(start, m.Index + m.Length, TimexType.Date, value) { Mod = mod };
        }

        var endText = m.Groups["end"].Value;
        var endYear = endText.Length == 2 ? year / 100 * 100 + int.Parse(endText, CultureInfo.InvariantCulture) : int.Parse(endText, CultureInfo.InvariantCulture);
        if (endText.Length == 2 && endYear <= year)
        {
            endYear += 100; // "1998-02" would be a month, but "1999-01" in prose is a span of years
        }

        if (endYear <= year || endYear - year > 100)
        {
            return new TimexDraft(start, m.Groups["year"].Index + 4, TimexType.Date, value) { Mod = mod };
        }

        // "1991-94": one expression for a span of years, valued by its start and kept as a range.
        return new TimexDraft(start, m.Index + m.Length, TimexType.Date, value)
        {
            Mod = mod,
            RangeStart = TimexValues.Year(year),
            RangeEnd = TimexValues.Year(endYear),
        };
    }

    [GeneratedRegex(@"\G" + @"\b(?:the\s+)?(?:(?<part>early|late|mid)[\s-]+)?(?:(?<dec>1[0-9]\d0|20\d0)'?s|'(?<short>\d0)s|(?<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b", Options)]
    private static partial Regex DecadeRegex();

    private static TimexDraft? Decade(Match m, TimexContext c)
    {
        int year;
        if (m.Groups["dec"].Success)
        {
            year = Int(m, "dec");
        }
        else
        {
            var decade = m.Groups["short"].Success
                ? Int(m, "short")
                : m.Groups["word"].Value.ToUpperInvariant()[..3] switch
                {
                    "TWE" => 20, "THI" => 30, "FOR" => 40, "FIF" => 50, "SIX" => 60, "SEV" => 70, "EIG" => 80, _ => 90,
                };

            // Two-digit decades are the last century's unless they are in the future.
            var century = c.Anchor is { } a && 2000 + decade <= a.Year ? 2000 : 1900;
            if (decade >= 30 || m.Groups["word"].Success)
            {
                century = 1900;
            }

            if (m.Groups["word"].Success && !m.Value.StartsWith("the", StringComparison.OrdinalIgnoreCase))
            {
                return null; // "in his forties" is an age, "the forties" a decade
            }

            year = century + decade;
        }

        return new TimexDraft(m.Index, m.Index + m.Length, TimexType.Date, TimexValues.Decade(year)) { Mod = TimeLexicon.PartMod(m.Groups["part"].Value) };
    }

    [GeneratedRegex(@"\G" + @"\b(?:the\s+)?(?:(?<part>early|late|mid)[\s-]+)?(?:(?<n>\d{1,2})(?:st|nd|rd|th)|(?<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first))[\s-]+century\b", Options)]
    private static partial Regex CenturyRegex();

    private static TimexDraft? Century(Match m, TimexContext c)
    {
        int n;
        if (m.Groups["n"].Success)
        {
            n = Int(m, "n");
        }
        else if (!Sitrep.Quantities.NumberWords.TryParseOrdinal(m.Groups["ord"].Value, out n))
        {
            return null;
        }

        return n is < 1 or > 30 ? null : new TimexDraft(m.Index, m.Index + m.Length, TimexType.Date, TimexValues.Century(n)) { Mod = TimeLexicon.PartMod(m.Groups["part"].Value) };
    }

    [GeneratedRegex(@"\G" + @"\b(?:(?<det>the|its|this|that|a|(?<yrel>this|last|next)\s+year's|(?<yp>1[0-9]\d\d|20\d\d)'s|the\s+(?<yp>1[0-9]\d\d|20\d\d)|(?:the\s+)?(?<yago>year-(?:ago|earlier)))\s+)?(?:(?<flat>flat|strong|weak|disappointing|sluggish|record)\s+)?(?:(?:fiscal|calendar)[\s-]+)?(?<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-](?:fiscal[\s-])?(?<unit>quarter|half)(?:\s+of\s+(?:(?:fiscal|the\s+year|the\s+fiscal\s+year)\s+)?" + Year + @"|,?\s+(?:fiscal\s+)?" + Year + @")?\b(?!-)", Options)]
    private static partial Regex QuarterRegex();

    internal static TimexDraft? Quarter(Match m, TimexContext c)
    {
        var ord = m.Groups["ord"].Value;
        Sitrep.Quantities.NumberWords.TryParseOrdinal(ord, out var n);
        var isHalf = m.Groups["unit"].Value.Equals("half", StringComparison.OrdinalIgnoreCase);
        if (n < 1 || n > (isHalf ? 2 : 4))
        {
            return null;
        }

        if (isHalf && !m.Groups["year"].Success && !m.Groups["yp"].Success && !m.Groups["yrel"].Success)
        {
            return null; // "the second half" of a match, of a speech...
        }

        int? year = m.Groups["year"].Success ? Int(m, "year")
            : m.Groups["yp"].Success ? Int(m, "yp")
            : c.Anchor is { } a ? m.Groups["yrel"].Success ? a.Year + RelativeOffset(m.Groups["yrel"].Value) : YearOfQuarter(a, n)
            : null;
        if (m.Groups["yago"].Success)
        {
            year--; // "the year-ago third quarter"
        }
        var start = m.Index;
        if (m.Groups["det"].Value.Equals("a", StringComparison.OrdinalIgnoreCase))
        {
            start = m.Groups["det"].Index + 2;
        }

        var value = year is { } y ? isHalf ? TimexValues.Half(y, n) : TimexValues.Quarter(y, n) : null;
        return new TimexDraft(start, m.Index + m.Length, TimexType.Date, value);
    }

    // ---- relative to the publication date ----

    [GeneratedRegex(@"\G" + @"\b(?<rel>(?:(?:early|late|earlier|later)\s+|the\s+(?:end|beginning|start|middle|rest|remainder)\s+of\s+)?(?:this|last|next|past|previous|coming|current|the\s+past|the\s+last|the\s+next|the\s+coming|the\s+current|the\s+previous|the\s+same|the\s+following|this\s+past|this\s+coming)|(?:early|late|earlier|later)\s+(?:this|last|next)|the\s+(?:end|beginning|start|middle|rest|remainder)\s+of\s+the)\s+(?<unit>week|weekend|month|year|quarter|decade|century|spring|summer|fall|autumn|winter)\b(?<orso>\s+or\s+so\b)?(?!-|\s+(?:or|and)\s+two)", Options)]
    private static partial Regex RelativePeriodRegex();

    internal static TimexDraft? RelativePeriod(Match m, TimexContext c)
    {
        var relText = m.Groups["rel"].Value.ToUpperInvariant();
        var unitWord = m.Groups["unit"].Value;
        var end = m.Index + m.Length;
        string? mod = relText.Contains("EARLY", StringComparison.Ordinal) || relText.Contains("EARLIER", StringComparison.Ordinal) || relText.Contains("BEGINNING", StringComparison.Ordinal) || relText.Contains("START", StringComparison.Ordinal) ? "START"
            : relText.Contains("LATE", StringComparison.Ordinal) || relText.Contains("END OF", StringComparison.Ordinal) ? "END"
            : relText.Contains("MIDDLE", StringComparison.Ordinal) ? "MID"
            : null;
        var offset = relText.Contains("LAST", StringComparison.Ordinal) || relText.Contains("PAST", StringComparison.Ordinal) || relText.Contains("PREVIOUS", StringComparison.Ordinal) ? -1
            : relText.Contains("NEXT", StringComparison.Ordinal) || relText.Contains("COMING", StringComparison.Ordinal) || relText.Contains("FOLLOWING", StringComparison.Ordinal) ? 1
            : 0;
        if (relText.Contains("REST", StringComparison.Ordinal) || relText.Contains("REMAINDER", StringComparison.Ordinal))
        {
            mod = null;
        }

        if (m.Groups["orso"].Success)
        {
            mod = "APPROX"; // "the next year or so"
        }

        var isSeason = unitWord.ToUpperInvariant() is "SPRING" or "SUMMER" or "FALL" or "AUTUMN" or "WINTER";
        if (char.IsUpper(unitWord[0]) && char.IsUpper(m.Value[0]) && !AtSentenceStart(c, m.Index))
        {
            return null; // "This Week" inside a sentence: the title of a programme
        }
        if (relText is "THE SAME" or "THE FOLLOWING" or "THE PREVIOUS")
        {
            // Relative to another time of the text, not to the publication date.
            var (anaphoricUnit, _) = Unit(unitWord);
            return isSeason || anaphoricUnit == TimeUnit.Weekend ? null : new TimexDraft(m.Index, end, TimexType.Date, null)
            {
                Mod = mod,
                Anaphor = new TimexAnaphor(AnaphorKind.Calendar, anaphoricUnit, offset),
            };
        }

        if (c.Anchor is not { } anchor)
        {
            return new TimexDraft(m.Index, end, TimexType.Date, null) { Mod = mod };
        }

        if (isSeason)
        {
            var code = Season(unitWord);
            var seasonStartMonth = code switch { "SP" => 3, "SU" => 6, "FA" => 9, _ => 12 };
            var seasonYear = anchor.Year;
            if (relText.Contains("THIS PAST", StringComparison.Ordinal))
            {
                seasonYear = seasonStartMonth <= anchor.Month ? anchor.Year : anchor.Year - 1; // the one just gone
            }
            else if (offset < 0)
            {
                seasonYear--; // TimeBank: "last spring" is the previous year's, even said in the autumn
            }
            else if (offset > 0 && seasonStartMonth <= anchor.Month)
            {
                seasonYear++;
            }

            return new TimexDraft(m.Index, end, TimexType.Date, TimexValues.Year(seasonYear) + "-" + code) { Mod = mod };
        }

        var (unit, _) = Unit(unitWord);
        if (unit == TimeUnit.Year && relText == "LAST" && mod is null && IsResultsComparison(c, m.Index))
        {
            // "net of $24 million, compared with a loss of $3 million last year": the same quarter a year before.
            return new TimexDraft(m.Index, end, TimexType.Date, YearEarlierQuarter(anchor)) { Anaphor = new TimexAnaphor(AnaphorKind.ReportedQuarter, TimeUnit.Year, -1) };
        }

        if (unit == TimeUnit.Weekend)
        {
            var weekend = TimexValues.Shift(anchor, TimeUnit.Week, offset);
            return new TimexDraft(m.Index, end, TimexType.Date, TimexValues.Week(weekend) + "-WE") { Mod = mod };
        }

        var date = TimexValues.Shift(anchor, unit, offset);
        return new TimexDraft(m.Index, end, TimexType.Date, TimexValues.At(date, unit)) { Mod = mod };
    }

    [GeneratedRegex(@"\G" + @"\b(?:(?<part>early|late|mid)[\s-]+)?(?:the\s+(?:(?<part2>early|late)\s+)?)?(?<season>spring|summer|fall|autumn|winter)(?:\s+of)?\s+" + Year + @"\b", Options)]
    private static partial Regex SeasonYearRegex();

    private static TimexDraft? SeasonYear(Match m, TimexContext c) =>
        new(m.Index, m.Index + m.Length, TimexType.Date, TimexValues.Year(Int(m, "year")) + "-" + Season(m.Groups["season"].Value))
        {
            Mod = TimeLexicon.PartMod(m.Groups["part"].Success ? m.Groups["part"].Value : m.Groups["part2"].Value),
        };

    [GeneratedRegex(@"\G" + @"\b(?:(?<the>the)\s+)?(?:(?<part>early|late|mid)[\s-]+)?(?<season>spring|summer|fall|autumn|winter)\b(?!\s+(?:of\s+)?(?:1[0-9]\d\d|20\d\d|nineteen|two))", Options)]
    private static partial Regex SeasonRegex();

    /// <summary>
    /// "the summer", "in spring", "the early summer": the season's nearest occurrence, the way a month
    /// alone is read ("fall" needs "the": "prices fall in" is a verb).
    /// </summary>
    private static TimexDraft? SeasonAlone(Match m, TimexContext c)
    {
        var seasonWord = m.Groups["season"].Value;
        var hasThe = m.Groups["the"].Success;
        if (!hasThe && (seasonWord.Equals("fall", StringComparison.OrdinalIgnoreCase) || !PrecededBy(c, m.Index, "in", "during", "over", "by", "until", "since", "through", "into")))
        {
            return null;
        }

        if (hasThe && !PrecededBy(c, m.Index, "in", "during", "over", "by", "until", "since", "through", "into", "of", "for", "throughout"))
        {
            return null; // "the summer heat", "the fall of the city"
        }

        if (c.After(m.Index + m.Length, 4).StartsWith(" of", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var end = m.Index + m.Length;
        var mod = TimeLexicon.PartMod(m.Groups["part"].Value);
        if (c.Anchor is not { } anchor)
        {
            return new TimexDraft(m.Index, end, TimexType.Date, null) { Mod = mod };
        }

        var code = Season(seasonWord);
        var month = code switch { "SP" => 4, "SU" => 7, "FA" => 10, _ => 1 };
        var year = YearForMonth(anchor, month, 1, YearDirection(c, m.Index, m.Index + m.Length), monthPrecision: true);
        if (code == "WI")
        {
            year--; // winter YYYY begins in December of YYYY
        }

        return new TimexDraft(m.Index, end, TimexType.Date, TimexValues.Year(year) + "-" + code) { Mod = mod };
    }

    [GeneratedRegex(@"^\s+end(?:ed|ing)\b", Options)]
    private static partial Regex YearEndedRegex();

    [GeneratedRegex(@"^'s\s+(?:world|society|generation|economy|youth|children|standards|technology|market|markets)\b", Options)]
    private static partial Regex GenericTodayRegex();

    [GeneratedRegex(@"\G" + @"\b(?:(?<rel>last|this|next)\s+)?year(?:-|\s+|'s\s+)end\b", Options)]
    private static partial Regex YearEndRegex();

    /// <summary>"by year-end", "year's end": the end of the year (this one; after "since", the last one).</summary>
    private static TimexDraft? YearEnd(Match m, TimexContext c)
    {
        var end = m.Index + m.Length;
        if (c.Anchor is not { } anchor)
        {
            return new TimexDraft(m.Index, end, TimexType.Date, null) { Mod = "END" };
        }

        var year = m.Groups["rel"].Success ? anchor.Year + RelativeOffset(m.Groups["rel"].Value)
            : PrecededBy(c, m.Index, "since") ? anchor.Year - 1
            : anchor.Year;
        return new TimexDraft(m.Index, end, TimexType.Date, TimexValues.Year(year)) { Mod = "END" };
    }

    [GeneratedRegex(@"\G" + @"\b(?:(?:(?<part>early|late|mid)[\s-]*)?(?<dp0>morning|afternoon|evening)\s+(?=yesterday|today|tomorrow))?(?:(?<part>early|late|earlier|later|mid)[\s-]+)?(?<word>today|tonight|yesterday|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening)|overnight)(?:(?<comma>,)?\s+(?<dp>morning|afternoon|evening|night))?\b", Options)]
    private static partial Regex DeicticDayRegex();

    internal static TimexDraft? DeicticDay(Match m, TimexContext c)
    {
        var word = m.Groups["word"].Value.ToUpperInvariant();
        var end = m.Index + m.Length;
        if (m.Groups["comma"].Success)
        {
            end = m.Groups["word"].Index + m.Groups["word"].Length;
        }

        if (char.IsUpper(m.Groups["word"].ValueSpan[0]) && FollowsCapitalizedWord(c, m.Index))
        {
            return null; // "VOA Today", "USA Today": a programme or a paper
        }

        if (word == "TODAY" && GenericTodayRegex().IsMatch(c.After(end, 24)))
        {
            return null; // "today's world": the present age, not the day
        }

        var mod = TimeLexicon.PartMod(m.Groups["part"].Value);
        var (offset, part) = word switch
        {
            "TODAY" => (0, null),
            "TONIGHT" => (0, "NI"),
            "YESTERDAY" => (-1, null),
            "TOMORROW" => (1, null),
            "OVERNIGHT" => (0, "NI"),
            _ when word.StartsWith("LAST", StringComparison.Ordinal) => (-1, "NI"),
            _ => (0, DayPart(word[(word.LastIndexOf(' ') + 1)..])),
        };
        if (m.Groups["dp"].Success && !m.Groups["comma"].Success)
        {
            part = DayPart(m.Groups["dp"].Value);
        }
        else if (m.Groups["dp0"].Success)
        {
            part = DayPart(m.Groups["dp0"].Value); // "mid-afternoon yesterday"
        }

        var type = part is null ? TimexType.Date : TimexType.Time;
        if (c.Anchor is not { } anchor)
        {
            return new TimexDraft(m.Index, end, type, null) { Mod = mod };
        }

        var value = TimexValues.Day(anchor.AddDays(offset)) + (part is null ? string.Empty : "T" + part);
        return new TimexDraft(m.Index, end, type, value) { Mod = mod };
    }

    [GeneratedRegex(@"\G" + @"\b(?:(?<rel>last|next|this|this\s+past|this\s+coming|coming|past|the\s+previous|the\s+following)\s+)?(?:(?<part>early|late|earlier|later|mid)[\s-]+)?(?<wd>" + Weekdays + @")(?<plural>s)?\b(?:\s+(?<dp>" + PartOfDay + @")(?<dps>s)?\b)?(?!,?\s+(?:" + TimeLexicon.Months + @"|the\s+\d|\d))", Options)]
    private static partial Regex WeekdayRegex();

    internal static TimexDraft? Weekday(Match m, TimexContext c)
    {
        if (!IsCapitalized(m.Groups["wd"]))
        {
            return null;
        }

        var day = TimeLexicon.Weekday(m.Groups["wd"].Value);
        var end = m.Index + m.Length;
        var part = m.Groups["dp"].Success ? DayPart(m.Groups["dp"].Value) : null;
        if (m.Groups["plural"].Success || m.Groups["dps"].Success)
        {
            // "Mondays", "Tuesday nights": every such day.
            var set = "XXXX-WXX-" + IsoWeekday(day).ToString(CultureInfo.InvariantCulture) + (part is null ? string.Empty : "T" + part);
            return new TimexDraft(m.Index, end, TimexType.Set, set);
        }

        var rel = m.Groups["rel"].Value.ToUpperInvariant();
        var mod = TimeLexicon.PartMod(m.Groups["part"].Value);
        var type = part is null ? TimexType.Date : TimexType.Time;
        if (rel is "THE PREVIOUS" or "THE FOLLOWING")
        {
            return part is null
                ? new TimexDraft(m.Index, end, type, null) { Mod = mod, Anaphor = new TimexAnaphor(AnaphorKind.Weekday, TimeUnit.Day, rel == "THE PREVIOUS" ? -1 : 1, Day: day) }
                : null;
        }

        if (c.Anchor is not { } anchor)
        {
            return new TimexDraft(m.Index, end, type, null) { Mod = mod };
        }

        var direction = rel.Contains("LAST", StringComparison.Ordinal) || rel.Contains("PAST", StringComparison.Ordinal) ? -1
            : rel.Contains("NEXT", StringComparison.Ordinal) || rel.Contains("COMING", StringComparison.Ordinal) ? 1
            : rel == "THIS" ? 2
            : c.IsFuture(m.Index, m.Index + m.Length) ? 2 : 0;
        var date = ResolveWeekday(anchor, day, direction);
        return new TimexDraft(m.Index, end, type, TimexValues.Day(date) + (part is null ? string.Empty : "T" + part)) { Mod = mod };
    }

    // ---- durations, and "N units ago" ----

    [GeneratedRegex(@"\G" + @"\b(?:(?<approx>" + Approx + @")\s+)?(?:(?<det>the\s+(?:past|last|next|first|previous|coming|following|final|latest|remaining|same|ensuing|preceding|year-earlier|year-ago)|the|another|an\s+additional|an\s+extra|its\s+first|its\s+last|each\s+of\s+the\s+(?:past|last|next))\s+)?" + Number + @"(?:\s*(?:-|to)\s*(?<num2>" + Sitrep.Quantities.NumberWords.DigitPattern + "|" + Sitrep.Quantities.NumberWords.WordPattern + @"))?(?<sep>[\s-]+)(?:(?<more>more|additional|extra|straight|consecutive|full|long|trading|working|business|calendar|successive)[\s-]+)?(?<unit>" + Units + @")(?<half>\s+and\s+a\s+half)?(?<old>-old)?\b(?<or>\s+or\s+(?:so|more|longer))?(?:\s+(?<dir>ago|earlier|later|before|after|from\s+now|hence|back|previously))?", Options)]
    private static partial Regex DurationRegex();

    internal static TimexDraft? Duration(Match m, TimexContext c)
    {
        var numText = m.Groups["num"].Value;
        var unitText = m.Groups["unit"].Value;
        var (unit, factor) = Unit(unitText);
        var lowerNum = numText.ToUpperInvariant();
        var isArticle = lowerNum is "A" or "AN";
        var plural = TimeLexicon.IsPlural(unitText);
        var numGroup = m.Groups["num"];
        var sep = m.Groups["sep"].Value;

        // "a second", "a minute" are usually other things; "one day" may be "some day"; "a night" rarely a duration.
        if (isArticle && unit is TimeUnit.Second or TimeUnit.Minute && !m.Groups["approx"].Success && !m.Groups["half"].Success)
        {
            return null;
        }

        if (unitText.StartsWith("night", StringComparison.OrdinalIgnoreCase) && isArticle)
        {
            return null;
        }

        // "three-quarters of its food", "a quarter of the market": fractions, not periods.
        if (unit == TimeUnit.Quarter && !m.Groups["det"].Success && (c.After(numGroup.Index + numGroup.Length + sep.Length + unitText.Length, 4).StartsWith(" of", StringComparison.OrdinalIgnoreCase) || sep.Contains('-', StringComparison.Ordinal)))
        {
            return null;
        }

        // "once a year", "twice a week", "100 trucks a day": rates, not durations ("$5 million a year earlier" is not one).
        if (isArticle && !m.Groups["approx"].Success && !m.Groups["det"].Success && !m.Groups["dir"].Success && PrecededByRateWord(c, m.Index))
        {
            return null;
        }

        // "second quarter" etc. are matched by the quarter rule; "a second" was excluded; a bare number
        // followed by a unit needs the plural unless it is one ("1 year") or an adjective ("two-year").
        double? amount;
        if (lowerNum.Contains("FEW", StringComparison.Ordinal) || lowerNum is "SEVERAL" or "MANY" || (lowerNum.Contains("COUPLE", StringComparison.Ordinal) && !plural))
        {
            amount = null;
        }
        else if (lowerNum.Contains("COUPLE", StringComparison.Ordinal))
        {
            amount = 2;
        }
        else if (!Sitrep.Quantities.NumberWords.TryParse(numText, out var parsed))
        {
            return null;
        }
        else
        {
            amount = parsed;
        }

        if (amount is { } value)
        {
            if (value <= 0 || value > 10_000)
            {
                return null;
            }

            // Years written as digits next to a unit are not counts ("in 1998 years" never happens, "1998 days" rarely).
            if (numText.Length == 4 && char.IsDigit(numText[0]) && value is >= 1000 and < 2100)
            {
                return null;
            }

            // "a minute and a half", "two years and a half": half a unit more.
            amount = (value + (m.Groups["half"].Success ? 0.5 : 0)) * factor;
        }

        var approx = m.Groups["approx"].Value;
        var start = m.Index;
        if (m.Groups["det"].Success && approx.ToUpperInvariant() is "OVER" or "WITHIN" or "UNDER")
        {
            // "over the next three quarters": a preposition before a determiner, not a bound.
            approx = string.Empty;
            start = m.Groups["det"].Index;
        }

        var mod = ModFor(approx);
        if (m.Groups["or"].Success)
        {
            mod = m.Groups["or"].Value.Contains("so", StringComparison.OrdinalIgnoreCase) ? "APPROX" : "EQUAL_OR_MORE";
        }

        var det = m.Groups["det"].Value.ToUpperInvariant();
        var dir = m.Groups["dir"].Value.ToUpperInvariant();
        var end = m.Index + m.Length;

        // "a year earlier" in results news: the same period a year before the one just named (a DATE);
        // "two days earlier" and "three days later" are durations pointing from the time just named.
        var whole = amount is { } counted ? (int)Math.Round(counted) : 0;
        if (dir is "EARLIER" or "PREVIOUSLY" && unit == TimeUnit.Year && amount is not null)
        {
            var yearEarlier = c.Anchor is { } yearAnchor
                ? whole == 1 && c.MentionsNearby(m.Index, "quarter") ? YearEarlierQuarter(yearAnchor) : TimexValues.Year(yearAnchor.Year - whole)
                : null;
            var results = whole == 1 && c.MentionsNearby(m.Index, "quarter");
            return new TimexDraft(start, end, TimexType.Date, yearEarlier)
            {
                Mod = mod,
                Anaphor = results ? new TimexAnaphor(AnaphorKind.ReportedQuarter, TimeUnit.Year, -1) : new TimexAnaphor(AnaphorKind.SamePrecision, TimeUnit.Year, -whole),
            };
        }

        if (dir is "EARLIER" or "PREVIOUSLY" or "LATER" or "AFTER" or "BEFORE")
        {
            var durationEnd = m.Groups["dir"].Index - 1;
            while (durationEnd > start && char.IsWhiteSpace(c.Text[durationEnd - 1]))
            {
                durationEnd--;
            }

            var sign = dir is "EARLIER" or "PREVIOUSLY" or "BEFORE" ? -1 : 1;
            var pointUnit = unit == TimeUnit.Weekend ? TimeUnit.Day : unit;
            return new TimexDraft(start, durationEnd, TimexType.Duration, TimexValues.Duration(amount, pointUnit))
            {
                Mod = mod,
                Anaphor = amount is null || unit is TimeUnit.Hour or TimeUnit.Minute or TimeUnit.Second
                    ? null
                    : new TimexAnaphor(AnaphorKind.Point, pointUnit, sign * whole, Forward: dir is "AFTER" or "BEFORE"),
            };
        }

        if (dir is "AGO" or "FROM NOW" or "HENCE" or "BACK")
        {
            // A point back (or forward) from the publication date, at the unit's precision.
            if (c.Anchor is not { } anchor)
            {
                return new TimexDraft(start, end, TimexType.Date, null) { Mod = mod };
            }

            if (amount is null)
            {
                var vague = dir is "FROM NOW" or "HENCE" ? "FUTURE_REF" : "PAST_REF";
                return new TimexDraft(start, end, TimexType.Date, vague) { Mod = mod };
            }

            var sign = dir is "FROM NOW" or "HENCE" ? 1 : -1;
            if (sign < 0 && unit == TimeUnit.Year && whole == 1 && c.MentionsNearby(m.Index, "quarter"))
            {
                // Results news: "up from a year ago" compares with the same quarter of the year before.
                return new TimexDraft(start, end, TimexType.Date, YearEarlierQuarter(anchor)) { Mod = mod, Anaphor = new TimexAnaphor(AnaphorKind.ReportedQuarter, TimeUnit.Year, -1) };
            }

            var precision = unit switch
            {
                TimeUnit.Hour or TimeUnit.Minute or TimeUnit.Second => TimeUnit.Day,
                TimeUnit.Decade or TimeUnit.Century => TimeUnit.Year,
                _ => unit,
            };
            var shifted = unit switch
            {
                TimeUnit.Hour or TimeUnit.Minute or TimeUnit.Second => anchor,
                _ => TimexValues.Shift(anchor, unit, sign * whole),
            };
            // In a report about a quarter (one named in its lead), "a year ago" is that quarter a year before.
            return new TimexDraft(start, end, TimexType.Date, TimexValues.At(shifted, precision))
            {
                Mod = mod,
                Anaphor = sign < 0 && unit == TimeUnit.Year && whole == 1 && mod is null ? new TimexAnaphor(AnaphorKind.ReportedQuarter, TimeUnit.Year, -1) : null,
            };
        }

        if (c.After(end, 4).StartsWith(" old", StringComparison.OrdinalIgnoreCase))
        {
            return null; // a person's age ("52 years old"), not a time: TimeBank leaves these out
        }

        if (m.Groups["old"].Success)
        {
            end = m.Groups["old"].Index + m.Groups["old"].Length; // "an 8-month-old truce": how long it has lasted
        }

        // "two to three weeks", "12-18 months": one duration valued by its lower end, kept as a range.
        string? rangeStart = null, rangeEnd = null;
        if (m.Groups["num2"].Success && amount is { } low && Sitrep.Quantities.NumberWords.TryParse(m.Groups["num2"].Value, out var high) && high * factor > low)
        {
            var rangeUnit = unit == TimeUnit.Weekend ? TimeUnit.Day : unit;
            rangeStart = TimexValues.Duration(low, rangeUnit);
            rangeEnd = TimexValues.Duration(high * factor, rangeUnit);
        }

        if (isArticle && !plural && numGroup.Index == start && !m.Groups["old"].Success && unit is TimeUnit.Day && PrecededBy(c, start, "one", "some"))
        {
            return null;
        }

        var valueText = TimexValues.Duration(amount, unit == TimeUnit.Weekend ? TimeUnit.Day : unit);
        return new TimexDraft(start, end, TimexType.Duration, valueText) { Mod = mod, RangeStart = rangeStart, RangeEnd = rangeEnd };
    }

    /// <summary>
    /// "besieged for months", "within weeks", "ruled for centuries", "weeks or months": a plural unit with no
    /// number after a preposition of duration is an unspecified number of units (TimeML's PXM, PXW ...).
    /// Not before "of" ("months of talks" is the talks), "ago", "later" or "earlier", which other rules read.
    /// </summary>
    [GeneratedRegex(@"\G" + @"(?<=\b(?:for|within|over|in|lasting|take|takes|took|taking|last|lasts|lasted)\s)(?<unit>minutes|hours|days|weeks|months|years|decades|centuries)(?:\s+(?:or|and|to)\s+(?<unit2>days|weeks|months|years|decades))?\b(?!-|\s+(?:of|ago|later|earlier|before|after|back|old)\b)", Options)]
    private static partial Regex BarePluralRegex();

    private static TimexDraft? BarePlural(Match m, TimexContext c)
    {
        var (unit, _) = Unit(m.Groups["unit"].Value);
        return new TimexDraft(m.Index, m.Index + m.Length, TimexType.Duration, TimexValues.Duration(null, unit));
    }

    private static string? ModFor(string approx)
    {
        if (approx.Length == 0)
        {
            return null;
        }

        var a = approx.ToUpperInvariant();
        return a switch
        {
            _ when a.StartsWith("MORE", StringComparison.Ordinal) || a.EndsWith("OVER", StringComparison.Ordinal) => "MORE_THAN",
            _ when a.StartsWith("LESS", StringComparison.Ordinal) || a.StartsWith("FEWER", StringComparison.Ordinal) || a.EndsWith("UNDER", StringComparison.Ordinal) || a == "WITHIN" => "LESS_THAN",
            _ when a.StartsWith("AT LEAST", StringComparison.Ordinal) || a.StartsWith("NO LESS", StringComparison.Ordinal) => "EQUAL_OR_MORE",
            _ when a.StartsWith("AT MOST", StringComparison.Ordinal) || a.StartsWith("UP TO", StringComparison.Ordinal) || a.StartsWith("NO MORE", StringComparison.Ordinal) => "EQUAL_OR_LESS",
            _ => "APPROX",
        };
    }

    // ---- vague references ----

    [GeneratedRegex(@"\G" + @"\b(?:(?<present>(?:right\s+|just\s+|until\s+|till\s+|by\s+)?now|currently|(?<adj>current)(?=\s+[a-z])|at\s+present|presently|nowadays|these\s+days|at\s+the\s+moment|at\s+this\s+time|for\s+the\s+time\s+being)|(?<past>(?:more\s+|most\s+|until\s+|only\s+|very\s+)?recently|lately|(?<=\bin\s)the\s+past|(?<=\bin\s)(?:recent|past)\s+(?:years|months|weeks|days|decades|times))|(?<future>(?<=\b(?:in|into|about)\s)the\s+(?:near\s+|distant\s+|foreseeable\s+|not\s+too\s+distant\s+)?future(?!\s+(?:of|for)\b)|(?<=\bat\s)a\s+later\s+date|(?<=\bin\s)(?:the\s+)?(?:coming|next\s+few)\s+(?:years|months|weeks|days|decades)|the\s+(?:short|near|long|medium)\s+term|as\s+soon\s+as\s+possible))\b", Options)]
    private static partial Regex VagueRegex();

    internal static TimexDraft? Vague(Match m, TimexContext c)
    {
        var start = m.Index;
        var value = m.Groups["present"].Success ? "PRESENT_REF" : m.Groups["past"].Success ? "PAST_REF" : "FUTURE_REF";
        if (m.Groups["adj"].Success && PrecededBy(c, m.Index, "then"))
        {
            return new TimexDraft(m.Index - 5, m.Index + m.Length, TimexType.Date, "PAST_REF"); // "the then current price"
        }
        var text = m.Value;

        // "until now", "by now": the preposition stays outside, as in TimeBank.
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0 && text.StartsWith("until", StringComparison.OrdinalIgnoreCase) || text.StartsWith("till", StringComparison.OrdinalIgnoreCase) || text.StartsWith("by ", StringComparison.OrdinalIgnoreCase))
        {
            start += space + 1;
        }

        if (text.StartsWith("in ", StringComparison.OrdinalIgnoreCase))
        {
            start += 3;
        }

        // "now" as a discourse marker ("Now, the ..." at a sentence start) is still PRESENT_REF in TimeBank.
        if (value == "PRESENT_REF" && text.EndsWith("now", StringComparison.OrdinalIgnoreCase) && c.After(m.Index + m.Length, 5).StartsWith(" that", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var upper = text.ToUpperInvariant();
        if (upper.Contains("RECENT ", StringComparison.Ordinal) || upper.Contains("PAST ", StringComparison.Ordinal) && !upper.EndsWith("PAST", StringComparison.Ordinal) || upper.Contains("NEXT FEW", StringComparison.Ordinal))
        {
            // "recent years", "coming months": an unspecified stretch.
            var unitWord = text[(text.LastIndexOf(' ') + 1)..];
            var (unit, _) = Unit(unitWord);
            return new TimexDraft(start, m.Index + m.Length, TimexType.Duration, TimexValues.Duration(null, unit));
        }

        return new TimexDraft(start, m.Index + m.Length, TimexType.Date, value);
    }

    // ---- clock times ----

    [GeneratedRegex(@"\G" + @"\b(?:(?<approx>around|about|approximately|at\s+about|shortly\s+(?:before|after))\s+)?(?:(?<h>1[0-2]|0?[1-9])(?:[:.](?<min>[0-5]\d))?\s*(?<ampm>[ap]\.?\s?m\b\.?)|(?<h24>[01]\d|2[0-3]):(?<min24>[0-5]\d)(?:\s*(?:hrs|hours|h)\b)?|(?<noon>noon|midday|midnight))(?:\s+(?<tz>[ECMP][SD]T|GMT|UTC|local\s+time)\b)?(?:,?\s+(?:on\s+)?(?:(?<wd>" + Weekdays + @")|(?<dword>today|yesterday|tomorrow)|" + Month + @"\s+" + DayOfMonth + @"\b|" + DayOfMonth + @"\s+(?:of\s+)?" + Month + @"))?", Options)]
    private static partial Regex ClockRegex();

    private static TimexDraft? Clock(Match m, TimexContext c)
    {
        int hour, minute = 0;
        if (m.Groups["noon"].Success)
        {
            hour = m.Groups["noon"].Value.Equals("midnight", StringComparison.OrdinalIgnoreCase) ? 24 : 12;
        }
        else if (m.Groups["h24"].Success)
        {
            hour = Int(m, "h24");
            minute = Int(m, "min24");
        }
        else
        {
            hour = Int(m, "h") % 12;
            if (m.Groups["ampm"].Value.StartsWith('p') || m.Groups["ampm"].Value.StartsWith('P'))
            {
                hour += 12;
            }

            minute = m.Groups["min"].Success ? Int(m, "min") : 0;
        }

        if ((m.Groups["wd"].Success && !IsCapitalized(m.Groups["wd"])) || (m.Groups["month"].Success && !IsCapitalized(m.Groups["month"])))
        {
            return null;
        }

        var start = m.Groups["approx"].Success && m.Groups["approx"].Value.StartsWith("shortly", StringComparison.OrdinalIgnoreCase) ? m.Groups["h"].Index : m.Index;
        var mod = m.Groups["approx"].Success && !m.Groups["approx"].Value.StartsWith("shortly", StringComparison.OrdinalIgnoreCase) ? "APPROX" : null;
        var clock = string.Create(CultureInfo.InvariantCulture, $"T{hour:D2}:{minute:D2}");
        DateOnly? date = null;
        if (c.Anchor is { } anchor)
        {
            if (m.Groups["wd"].Success)
            {
                date = ResolveWeekday(anchor, TimeLexicon.Weekday(m.Groups["wd"].Value), c.IsFuture(m.Index, m.Index + m.Length) ? 2 : 0);
            }
            else if (m.Groups["dword"].Success)
            {
                var w = m.Groups["dword"].Value.ToUpperInvariant();
                date = anchor.AddDays(w == "YESTERDAY" ? -1 : w == "TOMORROW" ? 1 : 0);
            }
            else if (m.Groups["month"].Success)
            {
                var month = MonthNumber(m.Groups["month"].Value);
                var day = Int(m, "day");
                date = SafeDate(YearForMonth(anchor, month, day, YearDirection(c, m.Index, m.Index + m.Length)), month, day);
            }
            else
            {
                date = anchor;
            }
        }

        var value = date is { } d ? TimexValues.Day(d) + clock : null;
        return new TimexDraft(start, m.Index + m.Length, TimexType.Time, value) { Mod = mod };
    }

    // ---- sets ----

    [GeneratedRegex(@"\G" + @"\b(?:(?<q>every|each)\s+(?:(?<other>other)\s+|(?<num>\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+)?(?:(?<unit>second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade|(?<unitp>seconds|minutes|hours|days|weeks|months|years))|(?<wd>" + Weekdays + @")|(?<season>" + Seasons + @")|(?<month>January|February|March|April|May|June|July|August|September|October|November|December))|(?<adv>hourly|nightly|fortnightly|biannually|semiannually))\b", Options)]
    private static partial Regex SetRegex();

    private static TimexDraft? Set(Match m, TimexContext c)
    {
        var end = m.Index + m.Length;
        if (m.Groups["adv"].Success)
        {
            var value = m.Groups["adv"].Value.ToUpperInvariant() switch
            {
                "HOURLY" => "PT1H",
                "DAILY" or "NIGHTLY" => "P1D",
                "WEEKLY" => "P1W",
                "FORTNIGHTLY" => "P2W",
                "MONTHLY" => "P1M",
                "QUARTERLY" => "P1Q",
                "BIANNUALLY" or "SEMIANNUALLY" => "P6M",
                _ => "P1Y",
            };
            return new TimexDraft(m.Index, end, TimexType.Set, value);
        }

        if (m.Groups["wd"].Success)
        {
            return IsCapitalized(m.Groups["wd"])
                ? new TimexDraft(m.Index, end, TimexType.Set, "XXXX-WXX-" + IsoWeekday(TimeLexicon.Weekday(m.Groups["wd"].Value)).ToString(CultureInfo.InvariantCulture))
                : null;
        }

        if (m.Groups["season"].Success)
        {
            return new TimexDraft(m.Index, end, TimexType.Set, "XXXX-" + Season(m.Groups["season"].Value));
        }

        if (m.Groups["month"].Success)
        {
            return IsCapitalized(m.Groups["month"])
                ? new TimexDraft(m.Index, end, TimexType.Set, "XXXX-" + MonthNumber(m.Groups["month"].Value).ToString("D2", CultureInfo.InvariantCulture))
                : null;
        }

        if (m.Groups["unitp"].Success && !m.Groups["num"].Success)
        {
            return null; // "each day's", "every days" are not sets
        }

        var (unit, factor) = Unit(m.Groups["unit"].Value);
        var n = m.Groups["other"].Success ? 2 : m.Groups["num"].Success && Sitrep.Quantities.NumberWords.TryParse(m.Groups["num"].Value, out var parsed) ? (int)parsed : 1;
        return new TimexDraft(m.Index, end, TimexType.Set, TimexValues.Duration(n * factor, unit == TimeUnit.Weekend ? TimeUnit.Week : unit));
    }

    // ---- years in words ----

    [GeneratedRegex(@"\G" + @"\b(?:(?<month>January|February|March|April|May|June|July|August|September|October|November|December)\s+|the\s+(?<season>" + Seasons + @")\s+of\s+)?(?:(?<hi>nineteen|eighteen|twenty)[\s-](?<lo>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|oh[\s-](?:one|two|three|four|five|six|seven|eight|nine))|(?<theyear>the\s+year\s+)?two\s+thousand(?:\s+(?:and\s+)?(?<small>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:-(?:one|two|three|four|five|six|seven|eight|nine))?))?(?(theyear)|(?=\s*(?:[.,;)]|$|\s+(?:and|or|to|when|after|before|was|is|will)\b))))\b", Options)]
    private static partial Regex SpelledYearRegex();

    private static TimexDraft? SpelledYear(Match m, TimexContext c)
    {
        int year;
        if (m.Groups["hi"].Success)
        {
            var hi = m.Groups["hi"].Value.ToUpperInvariant() switch { "EIGHTEEN" => 18, "NINETEEN" => 19, _ => 20 };
            var lo = m.Groups["lo"].Value.Replace("oh", string.Empty, StringComparison.OrdinalIgnoreCase);
            if (!Sitrep.Quantities.NumberWords.TryParse(lo, out var low))
            {
                return null;
            }

            year = hi * 100 + (int)low;
            if (hi == 20 && !m.Value.Contains("oh", StringComparison.OrdinalIgnoreCase) && low < 10)
            {
                return null;
            }

            if (!m.Value.Contains(' ', StringComparison.Ordinal) && !m.Value.Contains('-', StringComparison.Ordinal))
            {
                return null;
            }

            // "twenty-five" alone is a number; "twenty twenty" only counts as a year with a clear decade part.
            if (hi == 20 && low < 10)
            {
                return null;
            }
        }
        else
        {
            var small = 0.0;
            if (m.Groups["small"].Success && !Sitrep.Quantities.NumberWords.TryParse(m.Groups["small"].Value, out small))
            {
                return null;
            }

            if (!m.Groups["theyear"].Success && !PrecededByDatePreposition(c, m.Index))
            {
                return null;
            }

            year = 2000 + (int)small;
        }

        var value = m.Groups["month"].Success && IsCapitalized(m.Groups["month"]) ? TimexValues.Month(year, MonthNumber(m.Groups["month"].Value))
            : m.Groups["season"].Success ? TimexValues.Year(year) + "-" + Season(m.Groups["season"].Value)
            : TimexValues.Year(year);
        return new TimexDraft(m.Index, m.Index + m.Length, TimexType.Date, value);
    }

    // ---- "the quarter", "the year", "the weekend", "the latest period" ----

    [GeneratedRegex(@"\G" + @"\b(?<det>the|this|that|its|their|(?<ly>last\s+year's))\s+(?:(?:comparable|corresponding|same)\s+(?=year))?(?:(?<yp>1[0-9]\d\d|20\d\d)\s+(?=quarter|period))?(?:(?<q>latest|current|previous|past|last|recent|same|comparable|corresponding|prior|year-earlier|year-ago|year\s+earlier|fiscal|full|whole|entire)\s+)?(?:(?<q2>fiscal)\s+)?(?<unit>quarter|period|year|week|weekend|month|day)\b(?:(?<=quarter|period)(?<ya>\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year)\b))?(?!-|'s\s+(?:end|start|beginning|close)|(?<=(?:the|this|its)\s+(?:quarter|period|year|week|weekend|month|day))(?:'s|\s+(?:before|after|of\s+(?:the|his|her|their)|when|that)))", Options)]
    private static partial Regex TheUnitRegex();

    internal static TimexDraft? TheUnit(Match m, TimexContext c)
    {
        var q = m.Groups["q"].Value.ToUpperInvariant();
        var unitWord = m.Groups["unit"].Value.ToUpperInvariant();
        var det = m.Groups["det"].Value.ToUpperInvariant();
        var end = m.Index + m.Length;
        if (q is "PAST" or "LAST" or "PREVIOUS" or "CURRENT" && !m.Groups["q2"].Success && unitWord is "YEAR" or "WEEK" or "MONTH" or "WEEKEND")
        {
            return null; // the relative-period rule has these
        }

        if (det == "THAT" && q.Length == 0 && unitWord is "YEAR" or "QUARTER" or "MONTH")
        {
            // "that year": the year of the time the text just named.
            var (thatUnit, _) = Unit(unitWord);
            return new TimexDraft(m.Index, end, TimexType.Date, null) { Anaphor = new TimexAnaphor(AnaphorKind.Calendar, thatUnit, 0) };
        }

        if (det is "THAT" or "THEIR" || (det == "THIS" && unitWord is not ("QUARTER" or "PERIOD")))
        {
            return null;
        }

        // "the year-ago quarter", "the corresponding period last year", "the quarter a year ago".
        var yearEarlier = q.StartsWith("YEAR", StringComparison.Ordinal) || q is "COMPARABLE" or "CORRESPONDING" or "SAME" or "PRIOR" || m.Groups["ya"].Success || m.Groups["ly"].Success;
        switch (unitWord)
        {
            case "QUARTER":
            case "PERIOD":
                if (unitWord == "PERIOD" && q.Length == 0 && !m.Groups["yp"].Success)
                {
                    return null;
                }

                if (c.Anchor is not { } a)
                {
                    return new TimexDraft(m.Index, end, TimexType.Date, null);
                }

                // Results news: "the quarter" is the last one reported, the one before the publication's.
                var reported = det == "THIS" || q == "CURRENT" ? a : a.AddMonths(-3);
                if (m.Groups["yp"].Success)
                {
                    reported = new DateOnly(Int(m, "yp"), reported.Month, 1);
                }

                if (yearEarlier)
                {
                    reported = reported.AddYears(-1);
                }

                var reportedAnaphor = det == "THIS" || q == "CURRENT" || m.Groups["yp"].Success ? null
                    : !yearEarlier && YearEndedRegex().IsMatch(c.After(end, 10)) ? new TimexAnaphor(AnaphorKind.Calendar, TimeUnit.Quarter, 0, Forward: true) // "the quarter ended Sept. 30"
                    : new TimexAnaphor(AnaphorKind.ReportedQuarter, TimeUnit.Year, yearEarlier ? -1 : 0);
                return new TimexDraft(m.Index, end, TimexType.Date, TimexValues.Quarter(reported.Year, TimexValues.QuarterOf(reported))) { Anaphor = reportedAnaphor };
            case "YEAR":
                if (q is "FULL" or "WHOLE" or "ENTIRE" || (q == "CURRENT" && m.Groups["q2"].Success))
                {
                    return new TimexDraft(m.Index, end, TimexType.Date, c.Anchor is { } fy ? TimexValues.Year(fy.Year) : null);
                }

                // "the year ended March 31", "over the year": a year's length; "for the (fiscal) year": this one.
                var fiscal = q == "FISCAL" || m.Groups["q2"].Success;
                if (YearEndedRegex().IsMatch(c.After(end, 10)) || PrecededBy(c, m.Index, "over", "throughout"))
                {
                    return new TimexDraft(m.Index, end, TimexType.Duration, "P1Y");
                }

                if (fiscal)
                {
                    var fiscalYear = q is "LATEST" or "LAST" or "PREVIOUS" or "PAST" or "PRIOR" ? -1 : 0;
                    return new TimexDraft(m.Index, end, TimexType.Date, c.Anchor is { } fa ? TimexValues.Year(fa.Year + fiscalYear) : null);
                }

                if (yearEarlier || q.Length > 0)
                {
                    return null;
                }

                return new TimexDraft(m.Index, end, TimexType.Date, c.Anchor is { } y ? TimexValues.Year(y.Year) : null);
            case "WEEKEND":
                if (q.Length > 0)
                {
                    return null;
                }

                if (c.Anchor is not { } w)
                {
                    return new TimexDraft(m.Index, end, TimexType.Date, null);
                }

                // The weekend just gone, unless the sentence looks ahead or it is the weekend now.
                var ahead = c.IsFuture(m.Index, m.Index + m.Length) || c.Before(m.Index, 10).EndsWith("ahead of ", StringComparison.OrdinalIgnoreCase);
                var weekend = w.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || ahead ? w : w.AddDays(-7);
                return new TimexDraft(m.Index, end, TimexType.Date, TimexValues.Week(weekend) + "-WE");
            case "DAY":
                // "the day" of the story is the publication day in TimeBank; only when nothing else follows.
                if (q.Length > 0 || det != "THE" || !PrecededBy(c, m.Index, "on", "during", "for", "earlier", "later"))
                {
                    return null;
                }

                return new TimexDraft(m.Index, end, TimexType.Date, c.Anchor is { } d ? TimexValues.Day(d) : null);
            default:
                if (q.Length > 0 || det != "THE")
                {
                    return null;
                }

                if (!PrecededBy(c, m.Index, "in", "during", "for", "over", "throughout", "this", "of", "later", "earlier"))
                {
                    return null;
                }

                if (c.Anchor is not { } p)
                {
                    return new TimexDraft(m.Index, end, TimexType.Date, null);
                }

                return unitWord == "WEEK"
                    ? new TimexDraft(m.Index, end, TimexType.Date, TimexValues.Week(p))
                    : new TimexDraft(m.Index, end, TimexType.Date, TimexValues.Month(p));
        }
    }

    // ---- "the 11th day", "for the third consecutive day" ----

    [GeneratedRegex(@"\G" + @"\b(?<det>the|its|a|their)\s+(?<ord>\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|(?:twenty|thirty|forty|fifty)-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth)\s+(?:(?:straight|consecutive|successive|full)\s+)?(?<unit>day|week|month|year)\b", Options)]
    private static partial Regex OrdinalDayRegex();

    private static TimexDraft? OrdinalDay(Match m, TimexContext c)
    {
        if (!Sitrep.Quantities.NumberWords.TryParseOrdinal(m.Groups["ord"].Value, out var n) || n < 1)
        {
            return null;
        }

        var (unit, _) = Unit(m.Groups["unit"].Value);
        var end = m.Index + m.Length;
        if (PrecededBy(c, m.Index, "for", "entered", "enters", "entering", "enter", "in", "into", "marked", "marks", "marking", "reached", "reaches")
            && !m.Groups["det"].Value.Equals("a", StringComparison.OrdinalIgnoreCase))
        {
            // "for the 11th day", "entered its third month", "now in its ninth month": how long it has lasted so far.
            return new TimexDraft(m.Index, end, TimexType.Duration, TimexValues.Duration(n, unit));
        }

        if (unit != TimeUnit.Day)
        {
            return null;
        }

        return new TimexDraft(m.Index, end, TimexType.Date, c.Anchor is { } a ? TimexValues.Day(a) : null);
    }

    // ---- helpers ----

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    private static bool IsCapitalized(Group group) => group.Success && group.Length > 0 && char.IsUpper(group.ValueSpan[0]);

    private static DateOnly? SafeDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    private static int RelativeOffset(string word) => word.ToUpperInvariant() switch
    {
        "LAST" => -1,
        "NEXT" => 1,
        _ => 0,
    };

    /// <summary>
    /// The year of a month (and day) given without one: the closest of last year's, this year's and
    /// next year's occurrence, on or after the publication date in a future clause, on or before it
    /// after "since". Past-tense markers only lean (reported speech makes them unreliable).
    /// </summary>
    private static int YearForMonth(DateOnly anchor, int month, int day, Tense tense, bool monthPrecision = false)
    {
        var best = anchor.Year;
        var bestDistance = int.MaxValue;
        for (var year = anchor.Year - 1; year <= anchor.Year + 1; year++)
        {
            // Distance in days (day precision) or months (month precision); negative is before the anchor.
            var distance = monthPrecision
                ? (year * 12 + month) - (anchor.Year * 12 + anchor.Month)
                : new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month))).DayNumber - anchor.DayNumber;
            // Only a future clause forbids the past: reported speech ("said the payment is due Dec. 15")
            // makes past markers unreliable, and TimeBank's dates are the nearest ones.
            // Without a future marker, news leans back: a date ahead counts as twice as far.
            var allowed = tense switch
            {
                Tense.Future => distance >= 0,
                Tense.Past => distance <= 0,
                _ => true,
            };
            var cost = distance > 0 && tense != Tense.Future ? 2 * distance : Math.Abs(distance);
            if (allowed && cost < bestDistance)
            {
                best = year;
                bestDistance = cost;
            }
        }

        return best;
    }

    /// <summary>"since December 1" can only look back; a future clause only forward; otherwise either way.</summary>
    /// <remarks>Past-tense markers do not forbid a date ahead: news reports coming dates in the past tense
    /// ("said the notes are payable Dec. 15"); forbidding them costs TimeBank 30 values.</remarks>
    /// <remarks>"by February" is a deadline: ahead unless the clause is in the past.</remarks>
    private const int PlainPastReach = 30;

    private static Tense YearDirection(TimexContext c, int position, int end)
    {
        if (PrecededBy(c, position, "since"))
        {
            return Tense.Past;
        }

        var tense = c.TenseAt(position, end, out var decisive);
        if (tense == Tense.Past && decisive is { Weight: 1f } verb && verb.Start >= end && verb.Start - end <= PlainPastReach
            && c.Text.AsSpan(end, verb.Start - end).IndexOfAny(":;\"\u201c") < 0)
        {
            return Tense.Past; // "In January, the company brought in ...": the clause's own past verb right after it
        }

        return tense == Tense.Future || (tense != Tense.Past && PrecededBy(c, position, "by")) ? Tense.Future : Tense.Unknown;
    }

    /// <summary>
    /// Results news comparing figures with the year before ("compared with $3 million last year", "from last
    /// year's $1.55 billion"): a sentence about a quarter, an amount just before, "with"/"from"/"than" before it.
    /// </summary>
    private static bool IsResultsComparison(TimexContext c, int position)
    {
        if (!c.SentenceContains(position, "quarter") && !c.SentenceContains(position, "period") && !c.MentionsNearby(position, "quarter"))
        {
            return false;
        }

        var before = c.Before(position, 40);
        return ResultsComparisonRegex().IsMatch(before);
    }

    [GeneratedRegex(@"(?:\b(?:with|from|than|versus|vs\.?|against)\b[^.;]*[$%\d][^.;]*|\b(?:from|with|than)\s+)$", Options)]
    private static partial Regex ResultsComparisonRegex();

    /// <summary>The quarter a year before the last reported one (the one before the publication's).</summary>
    private static string YearEarlierQuarter(DateOnly anchor)
    {
        var reported = anchor.AddMonths(-3).AddYears(-1);
        return TimexValues.Quarter(reported.Year, TimexValues.QuarterOf(reported));
    }

    [GeneratedRegex(@"\G" + @"\byear-(?:earlier|ago)\b", Options)]
    private static partial Regex YearEarlierRegex();

    internal static TimexDraft? YearEarlier(Match m, TimexContext c)
    {
        var end = m.Index + m.Length;
        if (c.Anchor is not { } anchor)
        {
            return new TimexDraft(m.Index, end, TimexType.Date, null);
        }

        return c.MentionsNearby(m.Index, "quarter")
            ? new TimexDraft(m.Index, end, TimexType.Date, YearEarlierQuarter(anchor)) { Anaphor = new TimexAnaphor(AnaphorKind.ReportedQuarter, TimeUnit.Year, -1) }
            : new TimexDraft(m.Index, end, TimexType.Date, TimexValues.Year(anchor.Year - 1));
    }

    /// <summary>The year of "the third quarter" said on <paramref name="anchor"/>: this year's unless it has not begun.</summary>
    private static int YearOfQuarter(DateOnly anchor, int quarter) =>
        quarter > TimexValues.QuarterOf(anchor) ? anchor.Year - 1 : anchor.Year;

    /// <summary>
    /// direction: -1 the one before the anchor ("last Friday"), 1 the one after ("next Friday"),
    /// 0 the nearest on or before (past narrative), 2 the nearest on or after (future).
    /// </summary>
    internal static DateOnly ResolveWeekday(DateOnly anchor, DayOfWeek day, int direction)
    {
        var back = ((int)anchor.DayOfWeek - (int)day + 7) % 7;
        var forward = ((int)day - (int)anchor.DayOfWeek + 7) % 7;
        return direction switch
        {
            -1 => anchor.AddDays(back == 0 ? -7 : -back),
            1 => anchor.AddDays(forward == 0 ? 7 : forward),
            2 => anchor.AddDays(forward),
            _ => anchor.AddDays(-back),
        };
    }

    private static bool PrecededByDatePreposition(TimexContext c, int position) =>
        PrecededBy(c, position, "in", "since", "until", "till", "by", "of", "during", "from", "through", "before", "after", "early", "late", "mid", "last", "next", "this", "between", "and", "to", "on", "throughout", "around");

    private static bool PrecededByRateWord(TimexContext c, int position) =>
        PrecededBy(c, position, "once", "twice", "thrice", "times", "per") || PrecededByNumberOrNoun(c, position);

    /// <summary>"300 trucks a day", "$5 a month": a count or price right before "a UNIT" makes it a rate.</summary>
    private static bool PrecededByNumberOrNoun(TimexContext c, int position)
    {
        var before = c.Before(position, 24).TrimEnd();
        var lastSpace = before.LastIndexOf(' ');
        var previous = lastSpace >= 0 ? before[(lastSpace + 1)..] : before;
        if (previous.IsEmpty)
        {
            return false;
        }

        if (char.IsDigit(previous[0]) || previous[0] == '$' || IsAmountWord(previous))
        {
            return true; // "$5 a month", "$500 million a year"
        }

        // "300 trucks a day": a plural noun after a number.
        var head = lastSpace >= 0 ? before[..lastSpace].TrimEnd() : [];
        var space = head.LastIndexOf(' ');
        var beforePrevious = space >= 0 ? head[(space + 1)..] : head;
        return !beforePrevious.IsEmpty && (char.IsDigit(beforePrevious[0]) || Sitrep.Quantities.NumberWords.TryParse(beforePrevious, out _)) && previous.EndsWith("s", StringComparison.Ordinal);
    }

    private static bool IsAmountWord(ReadOnlySpan<char> word) =>
        word.Equals("million", StringComparison.OrdinalIgnoreCase) || word.Equals("billion", StringComparison.OrdinalIgnoreCase)
        || word.Equals("trillion", StringComparison.OrdinalIgnoreCase) || word.Equals("percent", StringComparison.OrdinalIgnoreCase)
        || word.Equals("cents", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the word before <paramref name="position"/> starts with a capital letter and no sentence ends between.</summary>
    private static bool FollowsCapitalizedWord(TimexContext c, int position)
    {
        var before = c.Before(position, 30).TrimEnd();
        var space = before.LastIndexOf(' ');
        var word = space >= 0 ? before[(space + 1)..] : before;
        return !word.IsEmpty && char.IsUpper(word[0]) && char.IsLetter(word[^1]);
    }

    /// <summary>True when only spaces, quotes or brackets separate <paramref name="position"/> from a sentence end or the text start.</summary>
    private static bool AtSentenceStart(TimexContext c, int position)
    {
        var before = c.Before(position, 6).TrimEnd(" \"'([\n".AsSpan());
        return before.IsEmpty || before[^1] is '.' or '!' or '?' or ':' or '\n';
    }

    internal static bool PrecededBy(TimexContext c, int position, params ReadOnlySpan<string> words)
    {
        var before = c.Before(position, 24);
        var end = before.Length;
        while (end > 0 && (before[end - 1] == ' ' || before[end - 1] == '-'))
        {
            end--;
        }

        if (end == before.Length)
        {
            return false;
        }

        var start = end;
        while (start > 0 && char.IsLetter(before[start - 1]))
        {
            start--;
        }

        var word = before[start..end];
        foreach (var candidate in words)
        {
            if (word.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
