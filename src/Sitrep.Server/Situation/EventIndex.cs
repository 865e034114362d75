using System.Numerics;
using Sitrep.Situation.Review;

namespace Sitrep.Server.Situation;

/// <summary>
/// The snapshot's events, newest first (undated last), with a posting list per filter value: types (the
/// ontology code and its ACLED event and sub-event types), actors, areas, sources, modalities, review
/// states and search words. A query intersects the lists it names within its date window (a range of
/// positions, since the order is by date), leaving out lists that hold the whole window: when one list
/// alone decides, it counts by binary search without walking at all; else it walks the shortest list and
/// checks the others by bitmap or binary search, or ANDs the lists' bitmaps when that is less work. The
/// page is read off the start of the matches. <see cref="EventQuery.Matches"/> is the specification; the
/// tests hold the index to it.
/// </summary>
internal sealed class EventIndex
{
    private readonly SituationEventRecord[] _events;
    private readonly int[] _days;
    private readonly Dictionary<string, Posting> _byType;
    private readonly Dictionary<string, Posting> _byActor;
    private readonly Dictionary<string, Posting> _byArea;
    private readonly Dictionary<string, Posting> _bySource;
    private readonly Dictionary<string, Posting> _byModality;
    private readonly Dictionary<string, Posting> _byReview;
    private readonly Dictionary<string, Posting> _byWord;
    private readonly Posting _rejected;
    private readonly bool? _bitmaps;

    /// <param name="events">Newest first, undated last (<see cref="Order"/>).</param>
    /// <param name="bitmaps">Bitmaps for every list or none (the tests, so both ways of counting are held to the specification); default: for long lists.</param>
    public EventIndex(IReadOnlyList<SituationEventRecord> events, bool? bitmaps = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        _bitmaps = bitmaps;
        _events = [.. events];
        _days = [.. _events.Select(e => e.Merged.Start?.DayNumber ?? int.MinValue)];
        var (types, actors, areas, sources, modalities, reviews, words) = (Lists(), Lists(), Lists(), Lists(), Lists(), Lists(), Lists());
        for (var i = 0; i < _events.Length; i++)
        {
            var e = _events[i];
            Add(types, i, e.Type, e.AcledEventType, e.AcledSubEventType);
            Add(actors, i, e.Merged.Actor1.Select(a => a.Value));
            Add(actors, i, e.Merged.Actor2.Select(a => a.Value));
            Add(areas, i, e.Areas);
            Add(sources, i, e.SourceNames);
            Add(sources, i, e.Merged.Sources);
            Add(modalities, i, e.Modalities);
            Add(reviews, i, EventQuery.StatusName(e.Merged.ReviewState.Status));
            AddWords(words, i, e.SearchText);
        }

        (_byType, _byActor, _byArea, _bySource, _byModality, _byReview, _byWord) =
            (Freeze(types), Freeze(actors), Freeze(areas), Freeze(sources), Freeze(modalities), Freeze(reviews), Freeze(words));
        _rejected = _byReview.GetValueOrDefault(EventQuery.StatusName(ReviewStatus.Rejected)) ?? Posting.Empty;
    }

    /// <summary>The order every list is in: newest first by earliest reported date, undated last, then by id.</summary>
    public static IEnumerable<SituationEventRecord> Order(IEnumerable<SituationEventRecord> events) =>
        events
            .OrderBy(e => e.Merged.Start is null)
            .ThenByDescending(e => e.Merged.Start)
            .ThenBy(e => e.Id, StringComparer.Ordinal);

    /// <summary>One page of the matching events, and how many match in all.</summary>
    public EventPage Page(EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (Plan(query) is not { } plan)
        {
            return new EventPage(0, []);
        }

        // The total is counted without visiting the matches one by one where it can be (Count); the page is
        // read off the start of the matches, so a deep result costs no more than its first page.
        var total = Count(plan.Lists, plan.From, plan.To);
        if (plan.ExcludeRejected)
        {
            total -= Count([.. plan.Lists, _rejected], plan.From, plan.To);
        }

        var items = new List<SituationEventRecord>(Math.Min(query.Limit, Math.Max(0, total - query.Offset)));
        if (query.Offset < total)
        {
            foreach (var position in Positions(plan).Skip(query.Offset).Take(query.Limit))
            {
                items.Add(_events[position]);
            }
        }

        return new EventPage(total, items);
    }

    /// <summary>
    /// How many matching events fall in each month of their earliest date, oldest first; months without
    /// any and undated events left out. Each month is a range of positions, counted as <see cref="Page"/>
    /// counts its total: no event is visited when one list (or none) decides.
    /// </summary>
    public IReadOnlyList<(int Year, int Month, int Count)> Months(EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var months = new List<(int Year, int Month, int Count)>();
        if (Plan(query) is not { } plan)
        {
            return months;
        }

        // Days descend with the positions; undated events (int.MinValue) come last.
        var dated = Math.Min(plan.To, FirstAtOrBelow(int.MinValue));
        for (var end = dated; end > plan.From;)
        {
            var oldest = DateOnly.FromDayNumber(_days[end - 1]);
            var start = Math.Max(plan.From, FirstAtOrBelow(new DateOnly(oldest.Year, oldest.Month, 1).AddMonths(1).DayNumber - 1));
            var count = Count(plan.Lists, start, end) - (plan.ExcludeRejected ? Count([.. plan.Lists, _rejected], start, end) : 0);
            if (count > 0)
            {
                months.Add((oldest.Year, oldest.Month, count));
            }

            end = start;
        }

        return months;
    }

    /// <summary>Every matching event, in order (exports).</summary>
    public IEnumerable<SituationEventRecord> All(EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Plan(query) is { } plan ? Positions(plan).Select(p => _events[p]) : [];
    }

    /// <summary>
    /// How many positions in [from, to) every list holds (lists shortest first): by binary search for one
    /// list; else by walking the shortest and checking the others, or, when every list has a bitmap and
    /// that is less work, by ANDing the bitmaps 64 positions at a time.
    /// </summary>
    private static int Count(IReadOnlyList<Posting> lists, int from, int to)
    {
        switch (lists.Count)
        {
            case 0:
                return to - from;
            case 1:
                return lists[0].CountIn(from, to);
        }

        var (shortest, start, end) = Shortest(lists, from, to);
        var count = 0;
        if (Bitmaps(lists, from, to, end - start))
        {
            for (var w = from >> 6; w <= (to - 1) >> 6; w++)
            {
                count += BitOperations.PopCount(Word(lists, w, from, to));
            }

            return count;
        }

        for (var i = start; i < end; i++)
        {
            count += InAll(lists, shortest, shortest[i]) ? 1 : 0;
        }

        return count;
    }

    /// <summary>The matching positions in order: bitmap words or a walk of the shortest list, as in <see cref="Count"/>.</summary>
    private IEnumerable<int> Positions(QueryPlan plan)
    {
        var (lists, from, to) = (plan.Lists, plan.From, plan.To);
        var rejected = plan.ExcludeRejected ? _rejected : null;
        if (lists.Count == 0)
        {
            for (var position = from; position < to; position++)
            {
                if (rejected is null || !rejected.Contains(position))
                {
                    yield return position;
                }
            }

            yield break;
        }

        var (shortest, start, end) = Shortest(lists, from, to);
        if (lists.Count > 1 && Bitmaps(lists, from, to, end - start))
        {
            for (var w = from >> 6; w <= (to - 1) >> 6; w++)
            {
                for (var bits = Word(lists, w, from, to); bits != 0; bits &= bits - 1)
                {
                    var position = (w << 6) + BitOperations.TrailingZeroCount(bits);
                    if (rejected is null || !rejected.Contains(position))
                    {
                        yield return position;
                    }
                }
            }

            yield break;
        }

        for (var i = start; i < end; i++)
        {
            var position = shortest[i];
            if (InAll(lists, shortest, position) && (rejected is null || !rejected.Contains(position)))
            {
                yield return position;
            }
        }
    }

    /// <summary>The list with the fewest positions in [from, to), and where they are in it.</summary>
    private static (Posting List, int Start, int End) Shortest(IReadOnlyList<Posting> lists, int from, int to)
    {
        var (best, start, end) = (lists[0], 0, int.MaxValue);
        foreach (var list in lists)
        {
            var (s, e) = (list.LowerBound(from), list.LowerBound(to));
            if (e - s < end - start)
            {
                (best, start, end) = (list, s, e);
            }
        }

        return (best, start, end);
    }

    /// <summary>Whether ANDing bitmap words over [from, to) is less work than walking <paramref name="walked"/> positions.</summary>
    private static bool Bitmaps(IReadOnlyList<Posting> lists, int from, int to, int walked)
    {
        foreach (var list in lists)
        {
            if (!list.HasBitmap)
            {
                return false;
            }
        }

        var words = ((to - 1) >> 6) - (from >> 6) + 1;
        return (long)words * lists.Count < (long)walked * (lists.Count - 1);
    }

    /// <summary>Positions 64 w to 64 w + 63 that lie in [from, to) and in every list, as bits.</summary>
    private static ulong Word(IReadOnlyList<Posting> lists, int w, int from, int to)
    {
        var bits = ulong.MaxValue;
        if (w == from >> 6)
        {
            bits &= ulong.MaxValue << (from & 63);
        }

        if (w == (to - 1) >> 6)
        {
            bits &= ulong.MaxValue >> (63 - ((to - 1) & 63));
        }

        for (var k = 0; k < lists.Count && bits != 0; k++)
        {
            bits &= lists[k].Word(w);
        }

        return bits;
    }

    private static bool InAll(IReadOnlyList<Posting> lists, Posting walked, int position)
    {
        foreach (var list in lists)
        {
            if (list != walked && !list.Contains(position))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The lists a query names and its date window, or null when nothing can match (an unknown value, an
    /// empty window, a list with nothing in the window). A list that holds every event of the window decides
    /// nothing and is left out (a word most evidence has, the only modality the reports use).
    /// </summary>
    private QueryPlan? Plan(EventQuery query)
    {
        var lists = new List<Posting>();
        bool Need(Dictionary<string, Posting> index, string? value)
        {
            if (value is null)
            {
                return true;
            }

            if (!index.TryGetValue(value, out var list))
            {
                return false;
            }

            lists.Add(list);
            return true;
        }

        if (!Need(_byType, query.Type) || !Need(_byActor, query.Actor) || !Need(_byArea, query.Area)
            || !Need(_bySource, query.Source) || !Need(_byModality, query.Modality) || !Need(_byReview, query.Review))
        {
            return null;
        }

        foreach (var word in query.Words)
        {
            if (!Need(_byWord, word))
            {
                return null;
            }
        }

        var (from, to) = Window(query.Since, query.Until);
        if (from >= to)
        {
            return null;
        }

        var deciding = new List<Posting>(lists.Count);
        foreach (var list in lists.Distinct())
        {
            var inWindow = list.CountIn(from, to);
            if (inWindow == 0)
            {
                return null;
            }

            if (inWindow < to - from)
            {
                deciding.Add(list);
            }
        }

        return new QueryPlan(deciding, from, to, query.Review is null && _rejected.CountIn(from, to) > 0);
    }

    /// <summary>The positions [From, To) whose earliest date lies in [since, until]; all of them when neither is given.</summary>
    private (int From, int To) Window(DateOnly? since, DateOnly? until)
    {
        if (since is null && until is null)
        {
            return (0, _events.Length);
        }

        // Days descend, undated (int.MinValue) last: the first day not after 'until', the first before 'since'.
        var from = until is { } u ? FirstAtOrBelow(u.DayNumber) : 0;
        var to = since is { } s ? FirstAtOrBelow(s.DayNumber - 1) : FirstAtOrBelow(int.MinValue);
        return (from, Math.Max(from, to));
    }

    private int FirstAtOrBelow(int day)
    {
        var (low, high) = (0, _days.Length);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (_days[middle] <= day)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }

    private sealed record QueryPlan(IReadOnlyList<Posting> Lists, int From, int To, bool ExcludeRejected);

    private static Dictionary<string, List<int>> Lists() => new(StringComparer.OrdinalIgnoreCase);

    private static void Add(Dictionary<string, List<int>> lists, int position, params IEnumerable<string?> values)
    {
        foreach (var value in values)
        {
            if (value is null)
            {
                continue;
            }

            if (!lists.TryGetValue(value, out var list))
            {
                lists[value] = list = [];
            }

            // Positions arrive in order; one event naming a value twice is listed once.
            if (list.Count == 0 || list[^1] != position)
            {
                list.Add(position);
            }
        }
    }

    // Looked up as spans: only a word seen for the first time becomes a string.
    private static void AddWords(Dictionary<string, List<int>> lists, int position, string text)
    {
        var lookup = lists.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var (start, length) in SearchWords.Ranges(text))
        {
            var word = text.AsSpan(start, length);
            if (!lookup.TryGetValue(word, out var list))
            {
                lists[word.ToString()] = list = [];
            }

            if (list.Count == 0 || list[^1] != position)
            {
                list.Add(position);
            }
        }
    }

    private Dictionary<string, Posting> Freeze(Dictionary<string, List<int>> lists) =>
        lists.ToDictionary(l => l.Key, l => new Posting([.. l.Value], _events.Length, _bitmaps), StringComparer.OrdinalIgnoreCase);
}
