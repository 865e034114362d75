using System.Text.RegularExpressions;
using Sitrep.Documents;

namespace Sitrep.Time;

/// <summary>
/// What the rules need besides the match: the text, the anchor (publication date) and, per sentence,
/// whether it speaks of the future (which way "Friday" or "March" points).
/// </summary>
internal sealed partial class TimexContext(string text, DateOnly? anchor, IReadOnlyList<TextSpan> sentences)
{
    private bool?[]? _future;

    public string Text { get; } = text;

    /// <summary>The publication date; null leaves relative expressions unresolved.</summary>
    public DateOnly? Anchor { get; } = anchor;

    /// <summary>
    /// True when the sentence around <paramref name="position"/> has a future marker ("will", "plans to",
    /// "is expected to", "next"). News is written in the past, so without one a bare weekday or month
    /// points back from the publication date.
    /// </summary>
    public bool IsFuture(int position)
    {
        if (sentences.Count == 0)
        {
            return FutureMarker().IsMatch(Text.AsSpan(Math.Max(0, position - 120), Math.Min(240, Text.Length - Math.Max(0, position - 120))));
        }

        var index = SentenceAt(position);
        _future ??= new bool?[sentences.Count];
        if (_future[index] is { } known)
        {
            return known;
        }

        var span = sentences[index];
        var result = FutureMarker().IsMatch(Text.AsSpan(span.Start, span.Length));
        _future[index] = result;
        return result;
    }

    /// <summary>The text before <paramref name="position"/> back to the start of its sentence (at most 40 characters).</summary>
    public ReadOnlySpan<char> Before(int position, int max = 40)
    {
        var from = Math.Max(0, position - max);
        return Text.AsSpan(from, position - from);
    }

    public ReadOnlySpan<char> After(int position, int max = 40) => Text.AsSpan(position, Math.Min(max, Text.Length - position));

    private int SentenceAt(int position)
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

        return low;
    }

    [GeneratedRegex(@"\b(?:will|won't|'ll|shall|going\s+to|plans?\s+to|planned\s+to|planning\s+to|scheduled|expected\s+to|due\s+to|set\s+to|(?:is|are)\s+to\s+\w+|intends?\s+to|upcoming|tomorrow)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FutureMarker();
}
