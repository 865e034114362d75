using Sitrep.Situation.Review;

namespace Sitrep.Server.Situation;

/// <summary>
/// The snapshot's events, newest first (undated last), with a posting list per filter value: types (the
/// ontology code and its ACLED event and sub-event types), actors, areas, sources, modalities, review
/// states and search words. A query intersects the lists it names within its date window (a range of
/// positions, since the order is by date): it walks the shortest list and checks the others by bitmap or
/// binary search, and when one list alone decides, counts by binary search without walking at all.
/// <see cref="EventQuery.Matches"/> is the specification; the tests hold the index to it.
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

    /// <param name="events">Newest first, undated last (<see cref="Order"/>).</param>
    public EventIndex(IReadOnlyList<SituationEventRecord> events)
    {
        ArgumentNullException.ThrowIfNull(events);
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

        var items = new List<SituationEventRecord>(Math.Min(query.Limit, 1024));

        // One list (or none) and nothing else to check: counted by binary search, the page read straight off.
        if (plan.Others.Count == 0 && !plan.ExcludeRejected)
        {
            var (first, total) = plan.Walk is { } only
                ? (only.LowerBound(plan.From), only.CountIn(plan.From, plan.To))
                : (plan.From, plan.To - plan.From);
            for (var i = query.Offset; i < total && items.Count < query.Limit; i++)
            {
                items.Add(_events[plan.Walk is { } list ? list[first + i] : first + i]);
            }

            return new EventPage(total, items);
        }

        var count = 0;
        foreach (var position in Positions(plan))
        {
            if (count++ >= query.Offset && items.Count < query.Limit)
            {
                items.Add(_events[position]);
            }
        }

        return new EventPage(count, items);
    }

    /// <summary>Every matching event, in order (exports, the histogram).</summary>
    public IEnumerable<SituationEventRecord> All(EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Plan(query) is { } plan ? Positions(plan).Select(p => _events[p]) : [];
    }

    private IEnumerable<int> Positions(QueryPlan plan)
    {
        var (walk, others, exclude) = (plan.Walk, plan.Others, plan.ExcludeRejected);
        var (start, end) = walk is null ? (plan.From, plan.To) : (walk.LowerBound(plan.From), walk.LowerBound(plan.To));
        for (var i = start; i < end; i++)
        {
            var position = walk is null ? i : walk[i];
            if (exclude && _rejected.Contains(position))
            {
                continue;
            }

            var all = true;
            for (var k = 0; k < others.Count && all; k++)
            {
                all = others[k].Contains(position);
            }

            if (all)
            {
                yield return position;
            }
        }
    }

    /// <summary>The lists a query names (null when one of its values is unknown: nothing matches) and its date window.</summary>
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
        var ordered = lists.Distinct().OrderBy(l => l.CountIn(from, to)).ToList();
        var walk = ordered.Count > 0 ? ordered[0] : null;
        return new QueryPlan(walk, ordered.Skip(1).ToList(), from, to, query.Review is null && _rejected.Count > 0);
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

    private sealed record QueryPlan(Posting? Walk, IReadOnlyList<Posting> Others, int From, int To, bool ExcludeRejected);

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
        lists.ToDictionary(l => l.Key, l => new Posting([.. l.Value], _events.Length), StringComparer.OrdinalIgnoreCase);
}
