using System.Text.Json;
using Sitrep.Contract;
using Sitrep.Situation;
using Sitrep.Situation.Needs;
using Sitrep.Store;
using Sitrep.Store.Situation;

namespace Sitrep.Server.Situation;

/// <summary>
/// The server's one window on the knowledge base: merged events, area pictures and actors, with the
/// filters the API offers. For now it computes them in memory from the stored reports, exactly as
/// <c>sitrep areas</c> does (stored reports, <see cref="SituationEvents"/>, <see cref="EventMerger"/>,
/// <see cref="AreaPictureBuilder"/>), and keeps the result until the store changes; the persisted
/// knowledge base replaces the body of this class, not its callers.
/// </summary>
/// <remarks>Thread-safe: a snapshot is immutable and replaced whole; one rebuild runs at a time.</remarks>
public sealed class SituationReader(IReportStore store, TimeProvider time)
{
    /// <summary>How long a snapshot is served before the store is asked again whether it changed.</summary>
    private static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private SituationSnapshot? _snapshot;
    private long _checkedAt;

    /// <summary>Forgets the current picture (after an ingest); the next read rebuilds it.</summary>
    public void Invalidate() => _snapshot = null;

    public async Task<EventPage> QueryEventsAsync(EventQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var snapshot = await SnapshotAsync(cancellationToken);

        // The usual filters (a type, a date window) narrow the scan first: per-type lists, each in the
        // snapshot's order (newest first), cut to the window by binary search; the rest is checked one by one.
        var candidates = query.Type is { } type && snapshot.ByType.TryGetValue(type, out var ofType) ? ofType : snapshot.Events;
        var (from, to) = Window(candidates, query.Since, query.Until);
        var total = 0;
        var items = new List<SituationEventRecord>(Math.Min(query.Limit, 1024));
        for (var i = from; i < to; i++)
        {
            if (query.Matches(candidates[i]) && total++ >= query.Offset && items.Count < query.Limit)
            {
                items.Add(candidates[i]);
            }
        }

        return new EventPage(total, items);
    }

    /// <summary>
    /// The index range of <paramref name="events"/> (newest first, undated last) whose start lies in
    /// [since, until]; the whole list when neither is given.
    /// </summary>
    private static (int From, int To) Window(IReadOnlyList<SituationEventRecord> events, DateOnly? since, DateOnly? until)
    {
        if (since is null && until is null)
        {
            return (0, events.Count);
        }

        // First index whose start is not after 'until'; first index whose start is before 'since' (or undated).
        var from = until is { } u ? FirstIndex(events, e => e.Merged.Start is not { } d || d <= u) : 0;
        var to = since is { } s ? FirstIndex(events, e => e.Merged.Start is not { } d || d < s) : events.Count;
        return (from, Math.Max(from, to));
    }

    /// <summary>The first index where <paramref name="reached"/> holds; it must hold for every index after it.</summary>
    private static int FirstIndex(IReadOnlyList<SituationEventRecord> events, Func<SituationEventRecord, bool> reached)
    {
        var (low, high) = (0, events.Count);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (reached(events[middle]))
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

    public async Task<SituationEventRecord?> GetEventAsync(string id, CancellationToken cancellationToken) =>
        (await SnapshotAsync(cancellationToken)).EventsById.GetValueOrDefault(id);

    public async Task<IReadOnlyList<AreaPicture>> ListAreasAsync(CancellationToken cancellationToken) =>
        (await SnapshotAsync(cancellationToken)).Areas;

    /// <summary>One area by its name or any alias (case-insensitive), then by part of its name, with its needs estimate.</summary>
    public async Task<(AreaPicture Area, NeedsEstimate? Needs)?> GetAreaAsync(string name, CancellationToken cancellationToken)
    {
        var areas = (await SnapshotAsync(cancellationToken)).Areas;
        var area = areas.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase) || a.Aliases.Contains(name, StringComparer.OrdinalIgnoreCase))
            ?? areas.FirstOrDefault(a => a.Name.Contains(name, StringComparison.OrdinalIgnoreCase));
        return area is null ? null : (area, AreaNeeds.For(area));
    }

    public async Task<IReadOnlyList<ActorSummary>> ListActorsAsync(bool emergingOnly, CancellationToken cancellationToken)
    {
        var actors = (await SnapshotAsync(cancellationToken)).Actors;
        return emergingOnly ? [.. actors.Where(a => a.Emerging)] : actors;
    }

    public async Task<ActorSummary?> GetActorAsync(string id, CancellationToken cancellationToken) =>
        (await SnapshotAsync(cancellationToken)).Actors.FirstOrDefault(a => string.Equals(a.Id, id, StringComparison.Ordinal));

    /// <summary>Report metadata for the sources the events and areas cite.</summary>
    public async Task<ReportSource?> GetSourceAsync(string reportId, CancellationToken cancellationToken) =>
        (await SnapshotAsync(cancellationToken)).Reports.GetValueOrDefault(reportId);

    private async Task<SituationSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        // Rebuilt when the store holds other reports than the snapshot was built from (another process
        // ingested); asked at most every few seconds, so reads under load cost no query.
        if (_snapshot is { } recent && time.GetElapsedTime(Interlocked.Read(ref _checkedAt)) < RecheckAfter)
        {
            return recent;
        }

        var count = await store.CountAsync(cancellationToken);
        Interlocked.Exchange(ref _checkedAt, time.GetTimestamp());
        if (_snapshot is { } current && current.ReportCount == count)
        {
            return current;
        }

        await _rebuild.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is { } fresh && fresh.ReportCount == count)
            {
                return fresh;
            }

            var built = await BuildAsync(count, cancellationToken);
            _snapshot = built;
            return built;
        }
        finally
        {
            _rebuild.Release();
        }
    }

    private async Task<SituationSnapshot> BuildAsync(long count, CancellationToken cancellationToken)
    {
        var merger = new EventMerger(new EventMatcher());
        var reports = new Dictionary<string, ReportSource>(StringComparer.Ordinal);
        var actors = new ActorBook();
        var summaries = await store.ListAsync(int.MaxValue, cancellationToken);
        foreach (var summary in summaries)
        {
            if (await store.GetAsync(summary.Id, cancellationToken) is not { } report)
            {
                continue;
            }

            reports[report.Id.ToString()] = ReportSource.From(report);
            foreach (var item in SituationEvents.From(report))
            {
                merger.Add(item);
            }

            if (JsonSerializer.Deserialize<ContractDocument>(report.Annotations, ContractJson.Options) is { } document)
            {
                actors.Add(report, document);
            }
        }

        var clusters = merger.Clusters();
        var areas = AreaPictureBuilder.Build(clusters);
        var areaOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var area in areas)
        {
            foreach (var id in area.Events)
            {
                if (!areaOf.TryGetValue(id, out var names))
                {
                    areaOf[id] = names = [];
                }

                names.Add(area.Name);
            }
        }

        // Newest first, undated last: the order of every list, which the date window relies on.
        var events = clusters
            .Select(c => SituationEventRecord.From(c, areaOf.GetValueOrDefault(c.Id) ?? [], reports))
            .OrderBy(e => e.Merged.Start is null)
            .ThenByDescending(e => e.Merged.Start)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToList();
        var byType = events
            .GroupBy(e => e.Type, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<SituationEventRecord>)[.. g], StringComparer.OrdinalIgnoreCase);
        return new SituationSnapshot(count, events, events.ToDictionary(e => e.Id, StringComparer.Ordinal), byType, areas, actors.Summaries(events), reports);
    }

    private sealed record SituationSnapshot(
        long ReportCount,
        IReadOnlyList<SituationEventRecord> Events,
        IReadOnlyDictionary<string, SituationEventRecord> EventsById,
        IReadOnlyDictionary<string, IReadOnlyList<SituationEventRecord>> ByType,
        IReadOnlyList<AreaPicture> Areas,
        IReadOnlyList<ActorSummary> Actors,
        IReadOnlyDictionary<string, ReportSource> Reports);
}
