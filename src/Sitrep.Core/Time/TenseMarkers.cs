using System.Collections.Frozen;

namespace Sitrep.Time;

/// <summary>A word that marks its clause as future or past, with how much it counts.</summary>
/// <param name="Weight">Distances to the marker are multiplied by it: 2 for the weak "-ed" forms
/// (adjectives and passives as often as past verbs), 1.5 for "would" (future in the past, or a condition).</param>
internal readonly record struct TenseMarker(int Start, int End, bool Future, float Weight);

/// <summary>
/// Finds the words that mark a clause as future ("will", "plans to", "is set to", "expected to") or past
/// ("was", "had", irregular past forms, "-ed" forms) with one pass over the words and set lookups (no
/// regex: this runs for every sentence with a weekday or a month in it). Reporting verbs ("said", "told")
/// frame most news sentences whatever the tense of what they report, so they count only right next to
/// the expression ("said Monday", "said on Monday").
/// </summary>
internal static class TenseMarkers
{
    private static readonly FrozenSet<string> Future = new[]
    {
        "will", "ll", "shall", "going", "plans", "plan", "planned", "planning", "scheduled", "expected", "due", "intends", "intend",
        "upcoming", "hopes", "hope", "tomorrow", "next", "won", "would", "set", "is", "are", "aims", "aim", "expect", "expects",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Future markers only before "to": "expected to", "due to", "is to", "set to".</summary>
    private static readonly FrozenSet<string> FutureBeforeTo = new[]
    {
        "expected", "due", "going", "hope", "hopes", "plan", "plans", "set", "is", "are", "aims", "aim",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Past = new[]
    {
        "was", "were", "had", "did", "began", "came", "went", "took", "gave", "made", "met", "left", "fell", "rose", "became",
        "saw", "ago", "yesterday", "last", "sent", "brought", "broke", "struck", "hit", "fled", "held", "led", "lost", "got",
        "found", "kept", "ran", "paid", "sold", "bought", "spent", "built", "stood", "fought", "shot",
        "drove", "flew", "knew", "thought", "felt", "heard", "meant", "wrote", "spoke", "chose", "froze", "grew", "threw",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Reporting = new[]
    {
        "said", "says", "told",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> NotPast = new[]
    {
        "need", "needed", "expected", "scheduled", "planned", "intended", "used", "based", "related", "united", "limited", "red",
        "bed", "feed", "seed", "speed", "shed", "hundred", "armed", "detailed", "concerned", "interested", "advanced", "aged",
        "proposed", "estimated", "alleged",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that open another clause: a marker beyond one counts as twice as far.</summary>
    private static readonly FrozenSet<string> ClauseOpeners = new[]
    {
        "that", "which", "who", "whose", "when", "because", "but", "while", "although", "though", "after", "before", "until", "if",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ClauseOpenerLookup = ClauseOpeners.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FutureLookup = Future.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FutureBeforeToLookup = FutureBeforeTo.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PastLookup = Past.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ReportingLookup = Reporting.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotPastLookup = NotPast.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Per ASCII initial (case folded), a bit per length of the words of all the sets above: a word that
    /// fails this test and does not end in "-ed" is no marker, and skips the lookups.
    /// </summary>
    private static readonly ulong[] LengthsByInitial = BuildLengths();

    private static readonly List<TenseMarker> None = [];

    /// <summary>
    /// The markers in <paramref name="text"/>[from..to), in text order; reporting verbs have weight 0 (see
    /// <see cref="Distance"/>), clause openers weight -1 (not markers, boundaries between them).
    /// </summary>
    /// <returns>A list the caller must not change (the empty one is shared).</returns>
    public static List<TenseMarker> Find(string text, int from, int to)
    {
        List<TenseMarker>? found = null;
        var previousEnd = -1;
        var previousStart = -1;
        var i = from;
        while (i < to)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < to && char.IsLetter(text[i]))
            {
                i++;
            }

            var length = i - start;
            var initial = (text[start] | 0x20) - 'a';
            var candidate = text[start] >= 128 || ((uint)initial < 26 && length < 64 && (LengthsByInitial[initial] & (1UL << length)) != 0)
                || (length > 4 && (text[i - 1] | 0x20) == 'd' && (text[i - 2] | 0x20) == 'e');
            if (!candidate)
            {
                previousStart = start;
                previousEnd = i;
                continue;
            }

            var word = text.AsSpan(start, length);
            var previous = previousStart >= 0 ? text.AsSpan(previousStart, previousEnd - previousStart) : [];
            previousStart = start;
            previousEnd = i;
            if (ClauseOpenerLookup.Contains(word))
            {
                (found ??= []).Add(new TenseMarker(start, i, false, -1f));
                continue;
            }

            var marker = Classify(word, previous, text.AsSpan(i, Math.Min(4, to - i)));
            if (marker is { } m)
            {
                (found ??= []).Add(new TenseMarker(start, i, m.Future, m.Weight));
            }
        }

        return found ?? None;
    }

    private static ulong[] BuildLengths()
    {
        var lengths = new ulong[26];
        foreach (var word in Future.Concat(FutureBeforeTo).Concat(Past).Concat(Reporting).Concat(ClauseOpeners))
        {
            var initial = (word[0] | 0x20) - 'a';
            if ((uint)initial < 26 && word.Length < 64)
            {
                lengths[initial] |= 1UL << word.Length;
            }
        }

        return lengths;
    }

    private static (bool Future, float Weight)? Classify(ReadOnlySpan<char> word, ReadOnlySpan<char> previous, ReadOnlySpan<char> rest)
    {
        var beforeTo = rest.StartsWith(" to ", StringComparison.OrdinalIgnoreCase);

        // "had been scheduled to", "was due to", "as planned": a plan seen from the past.
        var pastAuxiliary = previous.Equals("had", StringComparison.OrdinalIgnoreCase) || previous.Equals("was", StringComparison.OrdinalIgnoreCase)
            || previous.Equals("were", StringComparison.OrdinalIgnoreCase) || previous.Equals("been", StringComparison.OrdinalIgnoreCase)
            || previous.Equals("as", StringComparison.OrdinalIgnoreCase) || previous.Equals("previously", StringComparison.OrdinalIgnoreCase);
        if (FutureLookup.Contains(word))
        {
            var needsTo = FutureBeforeToLookup.Contains(word);
            if (word.Equals("won", StringComparison.OrdinalIgnoreCase))
            {
                return rest.StartsWith("'t", StringComparison.Ordinal) ? (true, 1f) : (false, 1f); // "won't" against "won"
            }

            if (pastAuxiliary && (needsTo || word.Equals("planned", StringComparison.OrdinalIgnoreCase) || word.Equals("scheduled", StringComparison.OrdinalIgnoreCase)))
            {
                return (false, 1f);
            }

            if (!needsTo || beforeTo)
            {
                return (true, word.Equals("would", StringComparison.OrdinalIgnoreCase) ? 1.5f : 1f);
            }

            if (word.Equals("is", StringComparison.OrdinalIgnoreCase) || word.Equals("are", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }

        if (ReportingLookup.Contains(word))
        {
            return (false, 0f);
        }

        if (PastLookup.Contains(word))
        {
            return (false, 1f);
        }

        // "-ed" after "be"/"being" is a passive ("to be repaired"), not a past.
        if (word.Length > 4 && word.EndsWith("ed", StringComparison.OrdinalIgnoreCase) && !NotPastLookup.Contains(word)
            && !previous.Equals("be", StringComparison.OrdinalIgnoreCase) && !previous.Equals("being", StringComparison.OrdinalIgnoreCase))
        {
            return (false, 2f);
        }

        return null;
    }

    /// <summary>
    /// How far the marker is from the expression [<paramref name="start"/>, <paramref name="end"/>), in
    /// characters times its weight (a marker after it counts from its end, so a long expression does not
    /// push the verb right after it farther than a word beyond); reporting verbs only count within a
    /// preposition before the expression, else never.
    /// </summary>
    public static float Distance(TenseMarker marker, int start, int end)
    {
        var raw = marker.Start >= end ? marker.Start - end : Math.Max(0, start - marker.End);
        if (marker.Weight == 0)
        {
            return marker.End <= start && raw <= 4 ? raw : float.MaxValue;
        }

        return raw * marker.Weight;
    }
}
