using System.Text.RegularExpressions;
using Sitrep.Documents;

namespace Sitrep.Time;

/// <summary>
/// Finds and normalises the temporal expressions of a text: runs every rule of <see cref="TimexRules"/>,
/// keeps the longest of overlapping candidates, then links ranges ("1991-94", "between January 4 and
/// February 7", "the 1980s - 1990s", "since July 2015").
/// </summary>
/// <remarks>Stateless and thread-safe; everything per call lives in a <see cref="TimexContext"/>.</remarks>
public static partial class TimexTagger
{
    /// <summary>The expressions of <paramref name="text"/>, in text order.</summary>
    /// <param name="anchor">The publication date; null leaves relative expressions without a value.</param>
    /// <param name="sentences">Sentence spans, used to read tense; may be empty.</param>
    internal static List<TimexDraft> Tag(string text, DateOnly? anchor, IReadOnlyList<TextSpan> sentences)
    {
        var context = new TimexContext(text, anchor, sentences);
        var drafts = new List<TimexDraft>();
        TimexRules.Collect(context, drafts);
        var kept = Resolve(drafts);
        TimexAnaphora.Resolve(kept, sentences, anchor);
        LinkRanges(text, kept);
        return kept;
    }

    /// <summary>Convenience for tests and tools: the expressions as <see cref="Timex"/>-like tuples.</summary>
    public static IReadOnlyList<(TextSpan Span, TimexType Type, string? Value, string? Mod, string? RangeStart, string? RangeEnd)> Find(string text, DateOnly? anchor) =>
        [.. Tag(text, anchor, [.. Text.SentenceSegmenter.Split(text)]).Select(d => (new TextSpan(d.Start, d.End), d.Type, d.Value, d.Mod, d.RangeStart, d.RangeEnd))];

    /// <summary>The points of offsets from other times ("three days after ..."), by span, for tests and tools.</summary>
    public static IReadOnlyList<(TextSpan Span, string? Point)> FindPoints(string text, DateOnly? anchor) =>
        [.. Tag(text, anchor, [.. Text.SentenceSegmenter.Split(text)]).Select(d => (new TextSpan(d.Start, d.End), d.Point))];

    private static List<TimexDraft> Resolve(List<TimexDraft> drafts)
    {
        drafts.Sort((a, b) => a.Length != b.Length ? b.Length.CompareTo(a.Length) : a.Priority != b.Priority ? a.Priority.CompareTo(b.Priority) : a.Start.CompareTo(b.Start));
        var kept = new List<TimexDraft>();
        foreach (var draft in drafts)
        {
            if (draft.Length <= 0)
            {
                continue;
            }

            var overlaps = false;
            foreach (var other in kept)
            {
                if (draft.Start < other.End && other.Start < draft.End)
                {
                    overlaps = true;
                    break;
                }
            }

            if (!overlaps)
            {
                kept.Add(draft);
            }
        }

        kept.Sort((a, b) => a.Start.CompareTo(b.Start));
        return kept;
    }

    private static void LinkRanges(string text, List<TimexDraft> kept)
    {
        for (var i = 0; i < kept.Count; i++)
        {
            var current = kept[i];
            if (current.Type != TimexType.Date || current.RangeStart is not null)
            {
                continue;
            }

            if (i + 1 < kept.Count && kept[i + 1].Type == TimexType.Date)
            {
                var next = kept[i + 1];
                var between = text.AsSpan(current.End, next.Start - current.End);
                var before = text.AsSpan(Math.Max(0, current.Start - 12), current.Start - Math.Max(0, current.Start - 12));
                if (IsRangeJoiner(between, before) && !IsPossessive(text, next.End))
                {
                    (current, next) = OrderEnds(text, current, next);
                    kept[i] = current with { RangeStart = current.Value, RangeEnd = next.Value };
                    kept[i + 1] = next with { RangeStart = current.Value, RangeEnd = next.Value };
                    i++;
                    continue;
                }
            }

            // "since July 2015": a start with an open end. "until March": an end with an open start.
            var lead = text.AsSpan(Math.Max(0, current.Start - 12), current.Start - Math.Max(0, current.Start - 12));
            if (SinceBefore().IsMatch(lead))
            {
                kept[i] = current with { RangeStart = current.Value };
            }
            else if (UntilBefore().IsMatch(lead))
            {
                kept[i] = current with { RangeEnd = current.Value };
            }
        }
    }

    /// <summary>
    /// The two ends of a range whose years were inferred separately ("between January 4 and February 7",
    /// each resolved to its own nearest year) must not run backwards: the end named by a month without a
    /// year moves by one year, the start back rather than the end forward. A weekday's date comes from the
    /// publication date's week, not from a year guess, and never moves.
    /// </summary>
    private static (TimexDraft Start, TimexDraft End) OrderEnds(string text, TimexDraft start, TimexDraft end)
    {
        if (!TryDate(start.Value, out var from, out var fromFormat) || !TryDate(end.Value, out var to, out var toFormat) || from <= to)
        {
            return (start, end);
        }

        if (YearInferred(text, start) && from.AddYears(-1) <= to)
        {
            return (start with { Value = from.AddYears(-1).ToString(fromFormat, System.Globalization.CultureInfo.InvariantCulture) }, end);
        }

        if (YearInferred(text, end) && to.AddYears(1) >= from)
        {
            return (start, end with { Value = to.AddYears(1).ToString(toFormat, System.Globalization.CultureInfo.InvariantCulture) });
        }

        return (start, end);
    }

    private static bool TryDate(string? value, out DateOnly date, out string format)
    {
        format = value?.Length == 7 ? "yyyy-MM" : "yyyy-MM-dd";
        date = default;
        return value is { Length: 7 or 10 }
            && DateOnly.TryParseExact(value, format, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out date);
    }

    /// <summary>True when the expression names a month but no year (four digits, or an apostrophe year like '23).</summary>
    private static bool YearInferred(string text, TimexDraft draft)
    {
        var own = text.AsSpan(draft.Start, draft.End - draft.Start);
        var digits = 0;
        foreach (var c in own)
        {
            digits = char.IsDigit(c) ? digits + 1 : 0;
            if (digits == 4)
            {
                return false;
            }
        }

        return !own.Contains('\'') && MonthName().IsMatch(own);
    }

    /// <summary>"Friday to December's figures": a possessive is a noun's modifier, never the end of a range.</summary>
    private static bool IsPossessive(string text, int end) =>
        end + 1 < text.Length && (text[end] == '\'' || text[end] == '\u2019') && (text[end + 1] | 0x20) == 's';

    private static bool IsRangeJoiner(ReadOnlySpan<char> between, ReadOnlySpan<char> before)
    {
        var trimmed = between.Trim();
        if (trimmed.Length == 1 && trimmed[0] == '-' || trimmed.Equals("to", StringComparison.OrdinalIgnoreCase)
            || trimmed.Equals("through", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("until", StringComparison.OrdinalIgnoreCase)
            || trimmed.Equals("till", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("and", StringComparison.OrdinalIgnoreCase))
        {
            // "and" only makes a range after "between"; "to" after "from" or on its own.
            return !trimmed.Equals("and", StringComparison.OrdinalIgnoreCase) || BetweenBefore().IsMatch(before);
        }

        return false;
    }

    [GeneratedRegex(@"\b(?:since|from|starting|beginning|as\s+of)\s+(?:early\s+|late\s+|mid-)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SinceBefore();

    [GeneratedRegex(@"\b(?:until|till|through|up\s+to)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UntilBefore();

    [GeneratedRegex(@"\b(?:" + TimeLexicon.Months + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthName();

    [GeneratedRegex(@"\bbetween\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BetweenBefore();
}

