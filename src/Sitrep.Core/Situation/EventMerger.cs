namespace Sitrep.Situation;

/// <summary>
/// Merges events told by many reports into clusters, one per real-world event, incrementally: adding a
/// report's events compares them only with events of the same type in nearby weeks (a blocking index),
/// never with the whole history.
/// </summary>
/// <remarks>
/// Clusters are the connected components of the "same event" relation (<see cref="EventMatcher"/>), kept in
/// a union-find, and a cluster is named by its smallest event key. Both are independent of the order events
/// are added in, so ingesting the same reports in another order gives the same picture. Analyst decisions
/// (<see cref="Separate"/>, <see cref="Join"/>) constrain the relation and survive re-merging.
/// Not thread-safe: one merger per knowledge-base update, guarded by the caller.
/// </remarks>
public sealed class EventMerger(EventMatcher matcher)
{
    private readonly Dictionary<string, SituationEvent> _events = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _parent = new(StringComparer.Ordinal);
    private const int Unlocated = MergeBlocking.Unlocated;

    private readonly Dictionary<(string Type, int Week, int X, int Y), List<string>> _blocks = [];
    private readonly Dictionary<(string Type, int Week), List<string>> _weekBlocks = [];
    private readonly List<(string A, string B, MergeReason Reason)> _links = [];
    private readonly HashSet<(string, string)> _separated = [];

    private readonly List<SituationEvent> _coarse = [];

    public int Count => _events.Count;

    /// <summary>Every link found between two events, with its reason: the audit trail of the merge.</summary>
    public IReadOnlyList<(string A, string B, MergeReason Reason)> Links => _links;

    public void Add(SituationEvent item)
    {
        if (!_events.TryAdd(item.Key, item))
        {
            return;
        }

        _parent[item.Key] = item.Key;
        if (!MergeBlocking.IsMergeable(item))
        {
            return;
        }

        foreach (var candidate in Candidates(item))
        {
            // One link per cluster joined is enough for the components; members of a big cluster are not each compared.
            if (string.Equals(Find(item.Key), Find(candidate.Key), StringComparison.Ordinal) || IsSeparated(item.Key, candidate.Key))
            {
                continue;
            }

            if (matcher.Match(item, candidate) is { } reason)
            {
                _links.Add((item.Key, candidate.Key, reason));
                Union(item.Key, candidate.Key);
            }
        }

        Index(item);
    }

    /// <summary>An analyst's decision that two events are the same (kept even if the matcher disagrees).</summary>
    public void Join(string a, string b, string analyst)
    {
        if (_events.ContainsKey(a) && _events.ContainsKey(b))
        {
            _links.Add((a, b, new MergeReason(1.0, [$"joined by {analyst}"])));
            Union(a, b);
        }
    }

    /// <summary>
    /// Records that two events must never be merged. Call before adding events (decisions are replayed
    /// first when the knowledge base is rebuilt) so that no link between them is made.
    /// </summary>
    public void Separate(string a, string b) => _separated.Add(Ordered(a, b));

    /// <summary>The cluster (named by its smallest member key) each event belongs to.</summary>
    public string ClusterOf(string key) => Find(key);

    /// <summary>All clusters with their members, each ordered by key; deterministic for a given set of events.</summary>
    public IReadOnlyList<EventCluster> Clusters()
    {
        var groups = new SortedDictionary<string, List<SituationEvent>>(StringComparer.Ordinal);
        foreach (var (key, item) in _events)
        {
            var root = Find(key);
            if (!groups.TryGetValue(root, out var members))
            {
                groups[root] = members = [];
            }

            members.Add(item);
        }

        var linksByCluster = _links.GroupBy(l => Find(l.A)).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return [.. groups.Select(g => new EventCluster(
            g.Key,
            [.. g.Value.OrderBy(e => e.Key, StringComparer.Ordinal)],
            linksByCluster.TryGetValue(g.Key, out var links) ? [.. links.Select(l => l.Reason)] : []))];
    }

    private IEnumerable<SituationEvent> Candidates(SituationEvent item)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { item.Key };
        if (MergeBlocking.Weeks(item) is not { } weeks)
        {
            // Undated or coarsely dated (a decade) events can only be matched on place, actors and wording.
            foreach (var other in _events.Values)
            {
                if (string.Equals(other.Type, item.Type, StringComparison.Ordinal) && MergeBlocking.IsMergeable(other) && seen.Add(other.Key))
                {
                    yield return other;
                }
            }

            yield break;
        }

        // A located event looks in its geographic cell and the cells around it within the matcher's distance
        // limit, and at the unlocated events of those weeks; an unlocated one looks at all of those weeks.
        var cell = MergeBlocking.Cell(item);
        for (var w = weeks.First - 1; w <= weeks.Last + 1; w++)
        {
            if (cell is { } c)
            {
                var reach = MergeBlocking.ColumnReach(item.Latitude!.Value);
                for (var dx = -reach; dx <= reach; dx++)
                {
                    for (var dy = -1; dy <= 1; dy++)
                    {
                        foreach (var found in Lookup(_blocks, (item.Type, w, c.X + dx, c.Y + dy), seen))
                        {
                            yield return found;
                        }
                    }
                }

                foreach (var found in Lookup(_blocks, (item.Type, w, Unlocated, Unlocated), seen))
                {
                    yield return found;
                }
            }
            else
            {
                foreach (var found in Lookup(_weekBlocks, (item.Type, w), seen))
                {
                    yield return found;
                }
            }
        }

        foreach (var other in _coarse)
        {
            if (string.Equals(other.Type, item.Type, StringComparison.Ordinal) && seen.Add(other.Key))
            {
                yield return other;
            }
        }
    }

    private void Index(SituationEvent item)
    {
        if (MergeBlocking.Weeks(item) is not { } weeks)
        {
            _coarse.Add(item);
            return;
        }

        // An event dated "December 2022" sits in every week of December, so a later "12 December" finds it.
        var cell = MergeBlocking.Cell(item) ?? (Unlocated, Unlocated);
        for (var w = weeks.First; w <= weeks.Last; w++)
        {
            Append(_blocks, (item.Type, w, cell.X, cell.Y), item.Key);
            Append(_weekBlocks, (item.Type, w), item.Key);
        }
    }

    private IEnumerable<SituationEvent> Lookup<TBlock>(Dictionary<TBlock, List<string>> blocks, TBlock block, HashSet<string> seen)
        where TBlock : notnull
    {
        if (blocks.TryGetValue(block, out var keys))
        {
            foreach (var key in keys)
            {
                if (seen.Add(key))
                {
                    yield return _events[key];
                }
            }
        }
    }

    private static void Append<TBlock>(Dictionary<TBlock, List<string>> blocks, TBlock block, string key)
        where TBlock : notnull
    {
        if (!blocks.TryGetValue(block, out var keys))
        {
            blocks[block] = keys = [];
        }

        keys.Add(key);
    }

    private bool IsSeparated(string a, string b)
    {
        if (_separated.Count == 0)
        {
            return false;
        }

        // Separation applies between the clusters the two events would join.
        var rootA = Find(a);
        var rootB = Find(b);
        return _separated.Any(s => (Find(s.Item1) == rootA && Find(s.Item2) == rootB) || (Find(s.Item1) == rootB && Find(s.Item2) == rootA));
    }

    private string Find(string key)
    {
        var root = key;
        while (!string.Equals(_parent[root], root, StringComparison.Ordinal))
        {
            root = _parent[root];
        }

        // Path compression.
        while (!string.Equals(_parent[key], root, StringComparison.Ordinal))
        {
            var next = _parent[key];
            _parent[key] = root;
            key = next;
        }

        return root;
    }

    private void Union(string a, string b)
    {
        var rootA = Find(a);
        var rootB = Find(b);
        if (string.Equals(rootA, rootB, StringComparison.Ordinal))
        {
            return;
        }

        // The smaller key becomes the root, so a cluster's name does not depend on arrival order.
        if (string.CompareOrdinal(rootA, rootB) < 0)
        {
            _parent[rootB] = rootA;
        }
        else
        {
            _parent[rootA] = rootB;
        }
    }

    private static (string, string) Ordered(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
}

/// <summary>One real-world event and every report's version of it.</summary>
public sealed record EventCluster(string Id, IReadOnlyList<SituationEvent> Members, IReadOnlyList<MergeReason> Reasons)
{
    public IReadOnlyList<string> Sources => [.. Members.Select(m => m.ReportId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public double Confidence => Reasons.Count == 0 ? 1.0 : Reasons.Min(r => r.Confidence);
}
