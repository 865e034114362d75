using Sitrep.Documents;

namespace Sitrep.Time;

/// <summary>
/// What the rules need besides the match: the text, the anchor (publication date) and, per sentence,
/// whether it speaks of the future (which way "Friday" or "March" points).
/// </summary>
internal enum Tense
{
    Unknown,
    Past,
    Future,
}

internal sealed class TimexContext(string text, DateOnly? anchor, IReadOnlyList<TextSpan> sentences)
{
    public string Text { get; } = text;

    /// <summary>The publication date; null leaves relative expressions unresolved.</summary>
    public DateOnly? Anchor { get; } = anchor;

    /// <summary>
    /// Which way the clause around the expression [<paramref name="start"/>, <paramref name="end"/>) points: the nearest tense marker within
    /// the sentence decides ("will", "plans to", "is expected to" against "was", "had", "-ed"; weak markers
    /// count as farther, see <see cref="TenseMarkers"/>); none gives <see cref="Tense.Unknown"/>. News is
    /// mostly written in the past, so callers lean that way.
    /// </summary>
    public Tense TenseAt(int start, int end) => TenseAt(start, end, out _);

    /// <param name="decisive">The marker that decided, when one did.</param>
    public Tense TenseAt(int start, int end, out TenseMarker? decisive)
    {
        decisive = null;
        var (from, to) = sentences.Count == 0
            ? (Math.Max(0, start - 120), Math.Min(Text.Length, start + 120))
            : (sentences[SentenceAt(start)].Start, sentences[SentenceAt(start)].End);
        _markers ??= [];
        if (!_markers.TryGetValue(from, out var markers))
        {
            markers = TenseMarkers.Find(Text, from, to);
            _markers[from] = markers;
        }

        float future = float.MaxValue, past = float.MaxValue;
        TenseMarker? nearestFuture = null, nearestPast = null;
        foreach (var marker in markers)
        {
            if (marker.Weight < 0)
            {
                continue;
            }

            var distance = TenseMarkers.Distance(marker, start, end);
            foreach (var boundary in markers)
            {
                // A marker in another clause ("announcement Friday showed that the company is expected to ...") counts less.
                if (boundary.Weight < 0 && (boundary.Start >= end && boundary.Start < marker.Start || boundary.End <= start && boundary.Start > marker.End))
                {
                    distance *= 2;
                }
            }

            if (marker.Future && distance < future)
            {
                future = distance;
                nearestFuture = marker;
            }
            else if (!marker.Future && distance < past)
            {
                past = distance;
                nearestPast = marker;
            }
        }

        decisive = future < past ? nearestFuture : past < future ? nearestPast : null;
        return future < past ? Tense.Future : past < future ? Tense.Past : Tense.Unknown;
    }

    // Tense markers per sentence start, found once per sentence.
    private Dictionary<int, List<TenseMarker>>? _markers;

    /// <summary>True when the nearest tense marker is a future one.</summary>
    public bool IsFuture(int start, int end) => TenseAt(start, end) == Tense.Future;

    /// <summary>True when the sentence around <paramref name="position"/> contains <paramref name="word"/>.</summary>
    public bool SentenceContains(int position, string word)
    {
        if (sentences.Count == 0)
        {
            return false;
        }

        var span = sentences[SentenceAt(position)];
        return Text.AsSpan(span.Start, span.Length).Contains(word, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when <paramref name="word"/> occurs in the sentence of <paramref name="position"/> or the 300 characters before.</summary>
    public bool MentionsNearby(int position, string word)
    {
        var end = sentences.Count == 0 ? Math.Min(Text.Length, position + 120) : sentences[SentenceAt(position)].End;
        var start = Math.Max(0, Math.Min(position, sentences.Count == 0 ? position : sentences[SentenceAt(position)].Start) - 300);
        return Text.AsSpan(start, end - start).Contains(word, StringComparison.OrdinalIgnoreCase);
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

}
