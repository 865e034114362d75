using System.Collections.Frozen;

namespace Sitrep.Time;

/// <summary>
/// Finds the words that mark a clause as future ("will", "plans", "scheduled", "expected to") or past
/// ("said", "was", "-ed" forms) with one pass over the words and set lookups (no regex: this runs for
/// every sentence with a weekday or a month in it).
/// </summary>
internal static class TenseMarkers
{
    private static readonly FrozenSet<string> Future = new[]
    {
        "will", "ll", "shall", "going", "plans", "plan", "planned", "planning", "scheduled", "expected", "due", "intends", "intend",
        "upcoming", "hopes", "hope", "tomorrow", "next", "won",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Past = new[]
    {
        "was", "were", "had", "did", "said", "told", "began", "came", "went", "took", "gave", "made", "met", "left", "fell", "rose",
        "saw", "ago", "yesterday", "last", "sent", "brought", "broke", "struck", "hit", "fled", "held", "led", "lost", "won't",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> NotPast = new[]
    {
        "need", "needed", "expected", "scheduled", "planned", "intended", "used", "based", "related", "united", "limited", "red",
        "bed", "feed", "seed", "speed", "shed", "hundred", "armed", "detailed", "concerned", "interested", "advanced", "aged",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FutureLookup = Future.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PastLookup = Past.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotPastLookup = NotPast.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The (start, end) of the future and past markers in <paramref name="text"/>[from..to).</summary>
    public static ((int, int)[] Future, (int, int)[] Past) Find(string text, int from, int to)
    {
        List<(int, int)>? future = null, past = null;
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

            var word = text.AsSpan(start, i - start);
            if (FutureLookup.Contains(word))
            {
                // "expected", "due", "set", "going" mark the future only before "to"; "won" only as "won't".
                var needsTo = word.Equals("expected", StringComparison.OrdinalIgnoreCase) || word.Equals("due", StringComparison.OrdinalIgnoreCase)
                    || word.Equals("going", StringComparison.OrdinalIgnoreCase) || word.Equals("hope", StringComparison.OrdinalIgnoreCase) || word.Equals("hopes", StringComparison.OrdinalIgnoreCase)
                    || word.Equals("plan", StringComparison.OrdinalIgnoreCase) || word.Equals("plans", StringComparison.OrdinalIgnoreCase);
                var isWon = word.Equals("won", StringComparison.OrdinalIgnoreCase);
                var rest = text.AsSpan(i, Math.Min(4, to - i));
                if ((!needsTo || rest.StartsWith(" to ", StringComparison.OrdinalIgnoreCase)) && (!isWon || rest.StartsWith("'t", StringComparison.Ordinal)))
                {
                    (future ??= []).Add((start, i));
                    continue;
                }
            }

            if (PastLookup.Contains(word) || (word.Length > 4 && word.EndsWith("ed", StringComparison.OrdinalIgnoreCase) && !NotPastLookup.Contains(word)))
            {
                (past ??= []).Add((start, i));
            }
        }

        return (future is null ? [] : [.. future], past is null ? [] : [.. past]);
    }
}
