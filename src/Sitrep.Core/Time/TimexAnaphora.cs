using Sitrep.Documents;

namespace Sitrep.Time;

/// <summary>
/// Resolves expressions that count from another time of the text instead of the publication date
/// ("the following year", "that quarter", "a year earlier", "the previous Friday", "three days after
/// the vote on 4 March"). The reference is a calendar date the text gives nearby: the last one before
/// the expression (in its sentence or the five before), or for "after"/"before" the first one after it in
/// its sentence. Without a reference the expression keeps the value its rule gave (the publication-date
/// reading where there is one, else none): it is left unresolved rather than guessed.
/// </summary>
internal static class TimexAnaphora
{
    /// <summary>How far back a reference may be: news names a date, then tells what followed for a paragraph or two.</summary>
    private const int SentencesBack = 5;

    public static void Resolve(List<TimexDraft> kept, IReadOnlyList<TextSpan> sentences, DateOnly? anchor)
    {
        for (var i = 0; i < kept.Count; i++)
        {
            var draft = kept[i];
            if (draft.Anaphor is not { } anaphor)
            {
                continue;
            }

            if (anaphor.Kind == AnaphorKind.ReportedQuarter)
            {
                if (NamedQuarterBefore(kept, i, anchor) is { } quarter)
                {
                    kept[i] = draft with { Value = TimexValues.At(TimexValues.Shift(quarter.Start, TimeUnit.Year, anaphor.Offset), TimeUnit.Quarter) };
                }

                continue;
            }

            var reference = anaphor.Forward ? FirstAfter(kept, i, sentences, anaphor.Kind) : LastBefore(kept, i, sentences, anaphor.Kind);
            if (reference is not { } r)
            {
                continue;
            }

            kept[i] = anaphor.Kind switch
            {
                AnaphorKind.Calendar => draft with { Value = TimexValues.At(TimexValues.Shift(r.Start, anaphor.Unit, anaphor.Offset), anaphor.Unit) },
                AnaphorKind.SamePrecision => draft with { Value = TimexValues.At(TimexValues.Shift(r.Start, anaphor.Unit, anaphor.Offset), UnitOf(r.Precision)) },
                AnaphorKind.Weekday when r.Precision == DatePrecision.Day => draft with { Value = TimexValues.Day(TimexRules.ResolveWeekday(r.Start, anaphor.Day, anaphor.Offset)) },
                AnaphorKind.Point => draft with { Point = TimexValues.At(TimexValues.Shift(r.Start, anaphor.Unit, anaphor.Offset), UnitOf(r.Precision)) },
                _ => draft,
            };
        }
    }

    private static TimexInterval? NamedQuarterBefore(List<TimexDraft> kept, int index, DateOnly? anchor)
    {
        // The first quarter named: results news states the quarter it reports in its lead.
        for (var j = 0; j < index; j++)
        {
            // A reported quarter is a recent one: within the 15 months before the publication (or after, for forecasts).
            if (kept[j].Rule == nameof(TimexRules.Quarter) && kept[j].Anaphor is null && TimexInterval.Parse(kept[j].Value) is { Precision: DatePrecision.Quarter } quarter
                && (anchor is not { } a || (quarter.End.DayNumber >= a.AddMonths(-15).DayNumber && quarter.Start.DayNumber <= a.AddMonths(3).DayNumber)))
            {
                return quarter;
            }
        }

        return null;
    }

    private static TimexInterval? LastBefore(List<TimexDraft> kept, int index, IReadOnlyList<TextSpan> sentences, AnaphorKind kind)
    {
        var sentence = SentenceAt(sentences, kept[index].Start);
        var earliest = sentences.Count == 0 ? Math.Max(0, kept[index].Start - 400) : sentences[Math.Max(0, sentence - SentencesBack)].Start;
        for (var j = index - 1; j >= 0 && kept[j].Start >= earliest; j--)
        {
            if (CalendarValue(kept[j], kind) is { } interval)
            {
                return interval;
            }
        }

        return null;
    }

    private static TimexInterval? FirstAfter(List<TimexDraft> kept, int index, IReadOnlyList<TextSpan> sentences, AnaphorKind kind)
    {
        var sentence = SentenceAt(sentences, kept[index].Start);
        var end = sentences.Count == 0 ? kept[index].End + 200 : sentences[sentence].End;
        for (var j = index + 1; j < kept.Count && kept[j].Start < end; j++)
        {
            if (CalendarValue(kept[j], kind) is { } interval)
            {
                return interval;
            }
        }

        return null;
    }

    /// <summary>
    /// A date the text gives, as an interval: not a duration, a set, PAST_REF, another offset ("a year
    /// ago") or an anaphor itself. "A year earlier" compares periods, so it counts only from a named one
    /// (a date, month, quarter or year), not from a day told relative to the publication ("Friday").
    /// </summary>
    private static TimexInterval? CalendarValue(TimexDraft draft, AnaphorKind kind)
    {
        if (draft.Type is not (TimexType.Date or TimexType.Time) || draft.Anaphor is not null
            || draft.Rule is nameof(TimexRules.Duration) or nameof(TimexRules.YearEarlier) or nameof(TimexRules.Vague))
        {
            return null;
        }

        if (kind == AnaphorKind.SamePrecision && draft.Rule is nameof(TimexRules.Weekday) or nameof(TimexRules.DeicticDay) or nameof(TimexRules.TheUnit) or nameof(TimexRules.RelativePeriod))
        {
            return null;
        }

        return TimexInterval.Parse(draft.Value);
    }

    private static TimeUnit UnitOf(DatePrecision precision) => precision switch
    {
        DatePrecision.Day => TimeUnit.Day,
        DatePrecision.Week => TimeUnit.Week,
        DatePrecision.Month => TimeUnit.Month,
        DatePrecision.Quarter => TimeUnit.Quarter,
        DatePrecision.Year => TimeUnit.Year,
        DatePrecision.Decade => TimeUnit.Decade,
        _ => TimeUnit.Century,
    };

    private static int SentenceAt(IReadOnlyList<TextSpan> sentences, int position)
    {
        int low = 0, high = sentences.Count - 1;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (sentences[mid].Start <= position)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return Math.Max(0, low);
    }
}
