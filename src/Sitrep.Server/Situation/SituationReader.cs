using Microsoft.Extensions.Logging;
using Sitrep.Situation;
using Sitrep.Situation.Needs;
using Sitrep.Store;
using Sitrep.Store.Knowledge;

namespace Sitrep.Server.Situation;

/// <summary>
/// The server's one window on the knowledge base: merged events with analysts' decisions applied, area
/// pictures and actors, with the filters the API offers. It reads the persisted knowledge base (the
/// clusters <c>sitrep ingest</c> keeps up to date) into an immutable <see cref="SituationSnapshot"/> with
/// an <see cref="EventIndex"/>, and answers every read from memory.
/// </summary>
/// <remarks>
/// <para>Fresh after its own writes: <see cref="Invalidate"/> (after an upload or a review decision) makes the
/// next read wait for a new snapshot.</para>
/// <para>Fresh after other processes' writes within seconds: at most every <see cref="RecheckAfter"/> a read
/// asks the knowledge base for its <see cref="KnowledgeVersion"/>, in the background; when it changed, a new
/// snapshot is built there and swapped in, and reads meanwhile go on from the old one.</para>
/// <para>Thread-safe: a snapshot is immutable and replaced whole; one build runs at a time.</para>
/// </remarks>
public sealed class SituationReader(IReportStore store, TimeProvider time, ILogger<SituationReader> logger)
{
    /// <summary>How long a snapshot is served before the knowledge base is asked again whether it changed.</summary>
    private static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(2);

    private readonly KnowledgeBase _knowledge = new(store, time);
    private readonly SemaphoreSlim _build = new(1, 1);
    private SituationSnapshot? _snapshot;
    private long _generation;
    private long _checkedAt;
    private int _checking;

    /// <summary>The knowledge base the snapshots are read from (review decisions are recorded there).</summary>
    public KnowledgeBase Knowledge => _knowledge;

    /// <summary>Forgets the current picture (after this server wrote); the next read waits for a new one.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    public async Task<EventPage> QueryEventsAsync(EventQuery query, CancellationToken cancellationToken) =>
        (await SnapshotAsync(cancellationToken)).Index.Page(query);

    /// <summary>
    /// A read's whole JSON response from the current snapshot: made the first time this snapshot is asked
    /// for <paramref name="key"/> (the request's path and query), copied from the <see cref="ResponseCache"/> after.
    /// </summary>
    internal async Task<byte[]> ResponseAsync(string key, Func<SituationSnapshot, byte[]> make, CancellationToken cancellationToken)
    {
        var snapshot = await SnapshotAsync(cancellationToken);
        return snapshot.Responses.GetOrAdd(key, snapshot, make);
    }

    /// <summary>Every event the query matches, newest first (exports).</summary>
    public async Task<IEnumerable<SituationEventRecord>> AllEventsAsync(EventQuery query, CancellationToken cancellationToken) =>
        (await SnapshotAsync(cancellationToken)).Index.All(query);

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

    /// <summary>The reports that name an actor, most recently seen first.</summary>
    public async Task<IReadOnlyList<string>> ActorReportsAsync(string id, CancellationToken cancellationToken) =>
        [.. (await _knowledge.ActorReportsAsync(id, cancellationToken)).Select(r => r.ToString())];

    private async Task<SituationSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        var generation = Interlocked.Read(ref _generation);
        if (_snapshot is { } current && current.Generation == generation)
        {
            if (time.GetElapsedTime(Interlocked.Read(ref _checkedAt)) >= RecheckAfter && Interlocked.Exchange(ref _checking, 1) == 0)
            {
                _ = Task.Run(RefreshAsync, CancellationToken.None);
            }

            return current;
        }

        await _build.WaitAsync(cancellationToken);
        try
        {
            generation = Interlocked.Read(ref _generation);
            if (_snapshot is { } built && built.Generation == generation)
            {
                return built;
            }

            var fresh = await BuildAsync(generation, cancellationToken);
            _snapshot = fresh;
            return fresh;
        }
        finally
        {
            _build.Release();
        }
    }

    /// <summary>In the background: asks whether the knowledge base changed, and if so builds and swaps in a new snapshot.</summary>
    private async Task RefreshAsync()
    {
        try
        {
            var version = await _knowledge.VersionAsync(CancellationToken.None);
            Interlocked.Exchange(ref _checkedAt, time.GetTimestamp());
            if (_snapshot is { } current && current.Version == version && !version.IsBehind)
            {
                return;
            }

            await _build.WaitAsync(CancellationToken.None);
            try
            {
                var generation = Interlocked.Read(ref _generation);
                _snapshot = await BuildAsync(generation, CancellationToken.None);
            }
            finally
            {
                _build.Release();
            }
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or InvalidOperationException)
        {
            // The old snapshot keeps serving; the next check tries again.
            logger.LogWarning(e, "SITREP-API-003: could not refresh the situation from the knowledge base");
        }
        finally
        {
            Interlocked.Exchange(ref _checkedAt, time.GetTimestamp());
            Interlocked.Exchange(ref _checking, 0);
        }
    }

    private async Task<SituationSnapshot> BuildAsync(long generation, CancellationToken cancellationToken)
    {
        // Reports another process stored but has not taken in yet (it crashed, or is still at it) are taken in first.
        var version = await _knowledge.VersionAsync(cancellationToken);
        if (version.IsBehind)
        {
            await _knowledge.UpdateAsync(cancellationToken);
            version = await _knowledge.VersionAsync(cancellationToken);
        }

        var snapshot = await SituationSnapshot.ReadAsync(_knowledge, version, generation, cancellationToken);
        Interlocked.Exchange(ref _checkedAt, time.GetTimestamp());
        return snapshot;
    }
}
