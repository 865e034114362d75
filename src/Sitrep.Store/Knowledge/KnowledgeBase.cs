using System.Globalization;
using System.Text.Json;
using System.Data.Common;
using Sitrep.Contract;
using Sitrep.Situation;
using Sitrep.Situation.Review;

namespace Sitrep.Store.Knowledge;

/// <summary>What one knowledge-base update took in.</summary>
public sealed record KnowledgeUpdate(int Reports, int Events, int Links, int Superseded)
{
    /// <summary>Pairs of near-duplicate reports (syndicated copies, reposts) found.</summary>
    public int NearDuplicates { get; init; }
}

/// <summary>
/// Where the knowledge base stands: stored reports, reports taken in, events, links and the latest analyst
/// decision. Any ingest, new version, review decision or merge changes it; only a <c>reprocess</c> that
/// happens to leave every count as it was goes unseen (until the next change).
/// </summary>
public readonly record struct KnowledgeVersion(long StoredReports, long TakenIn, long Events, long Links, long LatestDecision)
{
    /// <summary>Stored reports wait to be taken in (another process stored them and has not updated yet).</summary>
    public bool IsBehind => StoredReports > TakenIn;
}

/// <summary>
/// The persisted situation knowledge base: every stored report's events, merged incrementally into
/// clusters (one per real-world event) in the same SQLite file, the actors seen per report, and the
/// analysts' decisions replayed over all of it.
/// </summary>
/// <remarks>
/// <para>Incremental: <see cref="UpdateAsync"/> takes in only the reports it has not seen, and compares each
/// new event only with the stored events in its blocks (<see cref="MergeBlocking"/>: type, weeks, cell).</para>
/// <para>Order-independent: clusters are the connected components of the matcher's symmetric "same event"
/// relation plus analysts' joins, named by their smallest key; any arrival order gives the same clusters.</para>
/// <para>Crash-safe: each update is one transaction and a report counts as taken in only inside it, so a
/// crash between ingest and update is caught up by the next update.</para>
/// <para>One writer at a time: every write transaction holds the knowledge base's lock (SQLite's write
/// lock, a PostgreSQL advisory lock), so several ingest workers may update it at once.</para>
/// <para>The same SQL runs on SQLite and PostgreSQL (<see cref="IKnowledgeDatabase"/>).</para>
/// </remarks>
public sealed class KnowledgeBase
{
    private readonly IReportStore store;
    private readonly IKnowledgeDatabase database;
    private readonly TimeProvider time;

    public KnowledgeBase(IReportStore store, TimeProvider time)
    {
        this.store = store;
        this.time = time;
        database = store as IKnowledgeDatabase
            ?? throw new ArgumentException($"{store?.GetType().Name} does not hold a knowledge base", nameof(store));
    }

    /// <summary>The knowledge base kept in this store's database, or null when the store cannot hold one.</summary>
    public static KnowledgeBase? For(IReportStore store, TimeProvider time) => store is IKnowledgeDatabase ? new KnowledgeBase(store, time) : null;

    private const int ReportsPerTransaction = 500;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly EventMatcher _matcher = new();

    /// <summary>Takes in every stored report the knowledge base has not seen yet (the latest version of each).</summary>
    public async Task<KnowledgeUpdate> UpdateAsync(CancellationToken cancellationToken)
    {
        var total = new KnowledgeUpdate(0, 0, 0, 0);
        while (true)
        {
            await using var connection = await database.OpenKnowledgeConnectionAsync(cancellationToken);
            await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);

            // Read under the lock: a concurrent update may just have taken these reports in.
            var pending = await PendingAsync(connection, transaction, cancellationToken);
            if (pending.Count == 0)
            {
                return total;
            }

            await using var session = new Session(connection, transaction, database.PreparesStatements, _matcher, await ReviewDecisionsAsync(connection, transaction, cancellationToken));
            foreach (var id in pending)
            {
                if (await store.GetAsync(id, cancellationToken) is { } report)
                {
                    await session.TakeInAsync(report, cancellationToken);
                }
            }

            await transaction.CommitAsync(cancellationToken);
            total = new KnowledgeUpdate(
                total.Reports + pending.Count, total.Events + session.Events, total.Links + session.Links, total.Superseded + session.Superseded)
            {
                NearDuplicates = total.NearDuplicates + session.NearDuplicates,
            };
        }
    }

    /// <summary>
    /// Merges events straight into the knowledge base, in transactions of <paramref name="perTransaction"/>:
    /// what <see cref="UpdateAsync"/> does for each report's events, without reading the reports (benchmarks).
    /// The events' reports must be stored.
    /// </summary>
    internal async Task<KnowledgeUpdate> AddEventsAsync(IReadOnlyList<SituationEvent> events, int perTransaction, CancellationToken cancellationToken)
    {
        var (added, links) = (0, 0);
        foreach (var chunk in events.Chunk(perTransaction))
        {
            await using var connection = await database.OpenKnowledgeConnectionAsync(cancellationToken);
            await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
            await using var session = new Session(connection, transaction, database.PreparesStatements, _matcher, await ReviewDecisionsAsync(connection, transaction, cancellationToken));
            foreach (var item in chunk)
            {
                await session.AddEventAsync(item, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            (added, links) = (added + session.Events, links + session.Links);
        }

        return new KnowledgeUpdate(0, added, links, 0);
    }

    /// <summary>Forgets everything derived and takes in every report again; analysts' decisions stay and are replayed.</summary>
    public async Task<KnowledgeUpdate> RebuildAsync(CancellationToken cancellationToken)
    {
        await using (var connection = await database.OpenKnowledgeConnectionAsync(cancellationToken))
        {
            await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM kb_duplicates; DELETE FROM kb_buckets; DELETE FROM kb_signatures; DELETE FROM kb_links; DELETE FROM kb_blocks; DELETE FROM kb_events; DELETE FROM kb_actor_mentions; DELETE FROM kb_reports;";
            await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return await UpdateAsync(cancellationToken);
    }

    /// <summary>Forgets one report (before it is annotated again); its events leave their clusters, which are re-formed.</summary>
    public async Task ForgetAsync(ReportId id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenKnowledgeConnectionAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        await using var session = new Session(connection, transaction, database.PreparesStatements, _matcher, await ReviewDecisionsAsync(connection, transaction, cancellationToken));
        await session.ForgetReportAsync(id.Value, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Every cluster with its members, analysts' corrections applied; rejected ones included (flagged).</summary>
    public async Task<IReadOnlyList<ReviewedCluster>> ClustersAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenKnowledgeConnectionAsync(cancellationToken);
        var members = new SortedDictionary<string, List<SituationEvent>>(StringComparer.Ordinal);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT cluster_id, event FROM kb_events ORDER BY cluster_id, key";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var cluster = reader.GetString(0);
                if (!members.TryGetValue(cluster, out var list))
                {
                    members[cluster] = list = [];
                }

                list.Add(Deserialize(reader.GetString(1)));
            }
        }

        // Analysts' joins as stored; the matcher's reasons recomputed against each cluster's first member, so
        // what the picture says about a merge does not depend on the order reports arrived in.
        var joins = new Dictionary<string, List<MergeReason>>(StringComparer.Ordinal);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT e.cluster_id, l.confidence, l.evidence FROM kb_links l JOIN kb_events e ON e.key = l.a WHERE l.evidence LIKE '%joined by %' ORDER BY l.a, l.b";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var cluster = reader.GetString(0);
                if (!joins.TryGetValue(cluster, out var list))
                {
                    joins[cluster] = list = [];
                }

                list.Add(new MergeReason(reader.GetDouble(1), JsonSerializer.Deserialize<string[]>(reader.GetString(2), Json) ?? []));
            }
        }

        List<MergeReason> Reasons(string id, List<SituationEvent> cluster)
        {
            var found = joins.TryGetValue(id, out var analysts) ? new List<MergeReason>(analysts) : [];
            for (var i = 1; i < cluster.Count; i++)
            {
                if (_matcher.Match(cluster[0], cluster[i]) is { } reason)
                {
                    found.Add(reason);
                }
            }

            if (found.Count == 0 && cluster.Count > 1)
            {
                found.Add(new MergeReason(EventMatcher.Threshold, ["linked through other reports of the same event"]));
            }

            return found;
        }

        var clusters = members
            .Select(m => new EventCluster(m.Key, m.Value, Reasons(m.Key, m.Value)))
            .ToList();
        return ReviewOverlay.Apply(clusters, await ReviewLogAsync(cancellationToken));
    }

    /// <summary>
    /// A stamp of what <see cref="ClustersAsync"/> would return (see <see cref="KnowledgeVersion"/>); a few
    /// counts, cheap enough to ask every few seconds.
    /// </summary>
    public async Task<KnowledgeVersion> VersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenKnowledgeConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT count(*) FROM reports), (SELECT count(*) FROM kb_reports), (SELECT count(*) FROM kb_events),
                   (SELECT count(*) FROM kb_links), (SELECT coalesce(max(id), 0) FROM kb_review)
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        long At(int i) => Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);
        return new KnowledgeVersion(At(0), At(1), At(2), At(3), At(4));
    }

    /// <summary>Every stored report's title, by report id (the sources events cite).</summary>
    public async Task<IReadOnlyDictionary<string, string>> ReportTitlesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenKnowledgeConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, title FROM reports WHERE title IS NOT NULL";
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            titles[reader.GetInt64(0).ToString(CultureInfo.InvariantCulture)] = reader.GetString(1);
        }

        return titles;
    }

    /// <summary>The reports that name an actor, the most recently seen first.</summary>
    public async Task<IReadOnlyList<ReportId>> ActorReportsAsync(string actorId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenKnowledgeConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT report_id FROM kb_actor_mentions WHERE actor_id = @id
            GROUP BY report_id ORDER BY max(seen) IS NULL, max(seen) DESC, report_id DESC
            """;
        command.AddParameter("id", actorId);
        var ids = new List<ReportId>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(new ReportId(reader.GetInt64(0)));
        }

        return ids;
    }

    /// <summary>The current event (extracted, before corrections) with this key, or null.</summary>
    public async Task<(SituationEvent Event, string ClusterId)?> FindEventAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenKnowledgeConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT event, cluster_id FROM kb_events WHERE key = @key";
        command.AddParameter("key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (Deserialize(reader.GetString(0)), reader.GetString(1)) : null;
    }

    /// <summary>
    /// Records an analyst's decision in the audit log and applies it: merge and split re-form clusters at
    /// once; the other decisions are replayed whenever clusters are read.
    /// </summary>
    public async Task<ReviewDecision> RecordAsync(ReviewDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        decision = decision with { At = time.GetUtcNow() };
        await using var connection = await database.OpenKnowledgeConnectionAsync(cancellationToken);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO kb_review (kind, target, other, field, value, note, analyst, at)
                VALUES (@kind, @target, @other, @field, @value, @note, @analyst, @at) RETURNING id
                """;
            command.AddParameter("kind", KindName(decision.Kind));
            command.AddParameter("target", decision.Target);
            command.AddParameter("other", (object?)decision.Other ?? DBNull.Value);
            command.AddParameter("field", (object?)decision.Field ?? DBNull.Value);
            command.AddParameter("value", (object?)decision.Value ?? DBNull.Value);
            command.AddParameter("note", (object?)decision.Note ?? DBNull.Value);
            command.AddParameter("analyst", decision.Analyst);
            command.AddParameter("at", decision.At.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture));
            decision = decision with { Id = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) };
        }

        await using var session = new Session(connection, transaction, database.PreparesStatements, _matcher, await ReviewDecisionsAsync(connection, transaction, cancellationToken));
        if (decision.Kind == ReviewKind.Merge && decision.Other is { } other)
        {
            await session.JoinAsync(decision.Target, other, decision.Analyst, cancellationToken);
        }
        else if (decision.Kind == ReviewKind.Split)
        {
            await session.IsolateAsync(decision.Target, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return decision;
    }

    /// <summary>The audit log: every decision, oldest first.</summary>
    public async Task<IReadOnlyList<ReviewDecision>> ReviewLogAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenKnowledgeConnectionAsync(cancellationToken);
        return await ReviewDecisionsAsync(connection, null, cancellationToken);
    }

    /// <summary>Reports whose text is a near-duplicate of this one's (syndicated copies, reposts), most similar first.</summary>
    public async Task<IReadOnlyList<(ReportId Report, double Similarity)>> NearDuplicatesAsync(ReportId id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenKnowledgeConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT duplicate_of, similarity FROM kb_duplicates WHERE report_id = @id
            UNION SELECT report_id, similarity FROM kb_duplicates WHERE duplicate_of = @id
            ORDER BY 2 DESC, 1
            """;
        command.AddParameter("id", id.Value);
        var found = new List<(ReportId, double)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add((new ReportId(reader.GetInt64(0)), reader.GetDouble(1)));
        }

        return found;
    }

    /// <summary>The actor registry across reports: one entry per actor, with aliases and when and where it was first seen.</summary>
    public async Task<IReadOnlyList<KnownActor>> ActorsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenKnowledgeConnectionAsync(cancellationToken);
        var aliases = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT actor_id, alias FROM kb_actor_mentions
                UNION SELECT target, value FROM kb_review WHERE kind = 'alias' AND value IS NOT NULL
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetString(0);
                if (!aliases.TryGetValue(id, out var set))
                {
                    aliases[id] = set = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
                }

                var alias = reader.GetString(1);
                if (IsName(alias))
                {
                    set.Add(alias);
                }
            }
        }

        var actors = new List<KnownActor>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                WITH ranked AS (
                    SELECT m.*, row_number() OVER (PARTITION BY actor_id ORDER BY seen IS NULL, seen, report_id) AS rn
                    FROM kb_actor_mentions m)
                SELECT actor_id, max(name), max(type), min(seen), max(seen), count(DISTINCT report_id), max(is_new),
                       max(CASE WHEN rn = 1 THEN report_id END), max(CASE WHEN rn = 1 THEN channel END)
                FROM ranked GROUP BY actor_id ORDER BY count(DISTINCT report_id) DESC, actor_id
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetString(0);
                var name = reader.GetString(1);
                actors.Add(new KnownActor
                {
                    Id = id,
                    Name = name,
                    Type = reader.GetString(2),
                    Aliases = aliases.TryGetValue(id, out var set) ? [.. set.Where(a => !string.Equals(a, name, StringComparison.OrdinalIgnoreCase))] : [],
                    FirstSeen = reader.IsDBNull(3) ? null : DateOnly.ParseExact(reader.GetString(3), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    LastSeen = reader.IsDBNull(4) ? null : DateOnly.ParseExact(reader.GetString(4), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    Reports = Convert.ToInt32(reader.GetValue(5), CultureInfo.InvariantCulture),
                    Emerging = Convert.ToInt32(reader.GetValue(6), CultureInfo.InvariantCulture) != 0,
                    FirstReport = Convert.ToInt64(reader.GetValue(7), CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
                    FirstChannel = reader.IsDBNull(8) ? null : reader.GetString(8),
                });
            }
        }

        return actors;
    }

    // "Anarchist Artsakh" is a name; "the group" that refers back to it is not an alias.
    private static bool IsName(string text)
    {
        var rest = text.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? text[4..] : text;
        return rest.Any(char.IsUpper);
    }

    public static string KindName(ReviewKind kind) => kind.ToString().ToLowerInvariant();

    internal static SituationEvent Deserialize(string json) => JsonSerializer.Deserialize<SituationEvent>(json, Json)!;

    internal static string Serialize(SituationEvent item) => JsonSerializer.Serialize(item, Json);

    // Reports not taken in yet, oldest first, at most one transaction's worth.
    private static async Task<IReadOnlyList<ReportId>> PendingAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT id FROM reports WHERE id NOT IN (SELECT report_id FROM kb_reports) ORDER BY id LIMIT @limit";
        command.AddParameter("limit", ReportsPerTransaction);
        var ids = new List<ReportId>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(new ReportId(reader.GetInt64(0)));
        }

        return ids;
    }

    private static async Task<IReadOnlyList<ReviewDecision>> ReviewDecisionsAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT id, kind, target, other, field, value, note, analyst, at FROM kb_review ORDER BY id";
        var decisions = new List<ReviewDecision>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            decisions.Add(new ReviewDecision
            {
                Id = reader.GetInt64(0),
                Kind = Enum.Parse<ReviewKind>(reader.GetString(1), ignoreCase: true),
                Target = reader.GetString(2),
                Other = reader.IsDBNull(3) ? null : reader.GetString(3),
                Field = reader.IsDBNull(4) ? null : reader.GetString(4),
                Value = reader.IsDBNull(5) ? null : reader.GetString(5),
                Note = reader.IsDBNull(6) ? null : reader.GetString(6),
                Analyst = reader.GetString(7),
                At = DateTimeOffset.Parse(reader.GetString(8), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            });
        }

        return decisions;
    }

    internal static ContractDocument? Document(StoredReport report) =>
        JsonSerializer.Deserialize<ContractDocument>(report.Annotations, ContractJson.Options);
}
