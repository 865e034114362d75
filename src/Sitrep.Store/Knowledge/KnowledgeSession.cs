using System.Globalization;
using System.Text.Json;
using System.Data.Common;
using Sitrep.Contract;
using Sitrep.Situation;
using Sitrep.Situation.Review;
using Sitrep.Similarity;
using Sitrep.Store.Situation;

namespace Sitrep.Store.Knowledge;

/// <summary>
/// One transaction's work on the knowledge base's event graph: adding events and the links the matcher
/// finds, analysts' joins and splits, forgetting a report. Clusters are re-labelled, never recomputed
/// wholesale: a union relabels the smaller clusters to the smallest key, a removal re-forms only the
/// clusters it touched from their stored links.
/// </summary>
internal sealed class Session(DbConnection connection, DbTransaction transaction, bool prepare, EventMatcher matcher, IReadOnlyList<ReviewDecision> decisions) : IAsyncDisposable
{
    // Statements are prepared once per session and reused: most of the work is many small statements.
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    // Events an analyst split out: the matcher never links them again (an analyst's join still does).
    private readonly HashSet<string> _isolated = [.. decisions.Where(d => d.Kind == ReviewKind.Split).Select(d => d.Target)];

    private readonly ILookup<string, ReviewDecision> _joins = decisions
        .Where(d => d.Kind == ReviewKind.Merge && d.Other is not null)
        .SelectMany(d => new[] { (Key: d.Target, d), (Key: d.Other!, d) })
        .ToLookup(x => x.Key, x => x.d, StringComparer.Ordinal);

    /// <summary>How many members of one cluster a new event is compared with, at most.</summary>
    public const int MembersCompared = 8;

    /// <summary>Most reports of one LSH bucket a new report is compared with (the latest ones).</summary>
    public const int BucketCompared = 32;

    public int Events { get; private set; }

    public int Links { get; private set; }

    public int Superseded { get; private set; }

    public int NearDuplicates { get; private set; }

    public async Task TakeInAsync(StoredReport report, CancellationToken cancellationToken)
    {
        // The knowledge base tells each report's latest version: an edited post replaces its first version.
        foreach (var older in await LongsAsync(
            "SELECT r.id FROM reports r JOIN kb_reports k ON k.report_id = r.id WHERE r.external_id = @p0 AND r.version < @p1",
            cancellationToken,
            report.ExternalId,
            report.Version))
        {
            await ForgetReportAsync(older, cancellationToken);
            Superseded++;
        }

        var newer = await LongsAsync(
            "SELECT r.id FROM reports r JOIN kb_reports k ON k.report_id = r.id WHERE r.external_id = @p0 AND r.version > @p1",
            cancellationToken,
            report.ExternalId,
            report.Version);
        if (newer.Count == 0)
        {
            // The annotations are read once, for the events and the actors.
            var document = KnowledgeBase.Document(report);
            var events = (document is null ? [] : SituationEvents.From(report, document)).OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
            foreach (var item in events)
            {
                await AddEventAsync(item, cancellationToken);
            }

            foreach (var item in events)
            {
                foreach (var join in _joins[item.Key])
                {
                    await JoinAsync(join.Target, join.Other!, join.Analyst, cancellationToken);
                }
            }

            if (document is not null)
            {
                await AddActorsAsync(report, document, cancellationToken);
            }

            await LinkNearDuplicatesAsync(report, cancellationToken);
        }

        await ExecuteAsync("INSERT INTO kb_reports (report_id) VALUES (@p0) ON CONFLICT DO NOTHING", cancellationToken, report.Id.Value);
    }

    public async Task AddEventAsync(SituationEvent item, CancellationToken cancellationToken)
    {
        if (await ScalarAsync("SELECT 1 FROM kb_events WHERE key = @p0", cancellationToken, item.Key) is not null)
        {
            return;
        }

        // One link to each cluster the event joins is enough: clusters are connected components. Within a
        // cluster the event is compared with at most MembersCompared of its members in the block (the
        // smallest keys), so an event told a thousand times costs no more than one told eight times. Up to
        // that size the clusters are exactly those of comparing every pair, in any arrival order; beyond it,
        // which members represent a cluster can depend on arrival order.
        var clusters = new SortedSet<string>(StringComparer.Ordinal) { item.Key };
        var byCluster = (MergeBlocking.IsMergeable(item) ? await CandidatesAsync(item, cancellationToken) : [])
            .GroupBy(c => c.Cluster, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in byCluster)
        {
            foreach (var (key, _, candidate) in group.OrderBy(c => c.Key, StringComparer.Ordinal).Take(MembersCompared))
            {
                if (_isolated.Contains(item.Key) || _isolated.Contains(key))
                {
                    continue;
                }

                var (x, y) = string.CompareOrdinal(item.Key, key) <= 0 ? (item, candidate.Value) : (candidate.Value, item);
                if (matcher.Match(x, y) is { } reason)
                {
                    await LinkAsync(item.Key, key, reason, cancellationToken);
                    clusters.Add(group.Key);
                    break;
                }
            }
        }

        var root = clusters.Min!;
        var weeks = MergeBlocking.Weeks(item);
        var cell = MergeBlocking.Cell(item);
        await ExecuteAsync(
            """
            INSERT INTO kb_events (key, report_id, cluster_id, type, week_first, week_last, cell_x, cell_y, anchor, event)
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9)
            """,
            cancellationToken,
            item.Key,
            long.Parse(item.ReportId, CultureInfo.InvariantCulture),
            root,
            item.Type,
            weeks?.First,
            weeks?.Last,
            cell?.X,
            cell?.Y,
            (item.When?.Start ?? item.Published)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            KnowledgeBase.Serialize(item));
        if (weeks is { } covered)
        {
            for (var week = covered.First; week <= covered.Last; week++)
            {
                // A cluster needs no more than MembersCompared members in a block to be found and compared:
                // an event told a thousand times keeps its block as small as one told eight times. An event
                // that joined no cluster is alone in its own: nothing to count.
                if (clusters.Count > 1 && Convert.ToInt64(
                        cell is { } at
                            ? await ScalarAsync(
                                "SELECT count(*) FROM kb_blocks b JOIN kb_events e ON e.key = b.key WHERE b.type = @p0 AND b.week = @p1 AND b.cell_x = @p2 AND b.cell_y = @p3 AND e.cluster_id = @p4",
                                cancellationToken, item.Type, week, at.X, at.Y, root)
                            : await ScalarAsync(
                                "SELECT count(*) FROM kb_blocks b JOIN kb_events e ON e.key = b.key WHERE b.type = @p0 AND b.week = @p1 AND b.cell_x IS NULL AND e.cluster_id = @p2",
                                cancellationToken, item.Type, week, root),
                        CultureInfo.InvariantCulture) >= MembersCompared)
                {
                    continue;
                }

                await ExecuteAsync(
                    "INSERT INTO kb_blocks (key, week, type, cell_x, cell_y) VALUES (@p0, @p1, @p2, @p3, @p4)",
                    cancellationToken,
                    item.Key,
                    week,
                    item.Type,
                    cell?.X,
                    cell?.Y);
            }
        }

        await RelabelAsync(clusters.Where(c => !string.Equals(c, root, StringComparison.Ordinal) && !string.Equals(c, item.Key, StringComparison.Ordinal)), root, cancellationToken);
        Events++;
    }

    /// <summary>An analyst's join: the two events' clusters become one, whatever the matcher said.</summary>
    public async Task JoinAsync(string a, string b, string analyst, CancellationToken cancellationToken)
    {
        var clusterA = await ScalarAsync("SELECT cluster_id FROM kb_events WHERE key = @p0", cancellationToken, a) as string;
        var clusterB = await ScalarAsync("SELECT cluster_id FROM kb_events WHERE key = @p0", cancellationToken, b) as string;
        if (clusterA is null || clusterB is null)
        {
            return; // Decided about an event not (or no longer) extracted: kept in the log, replayed when it returns.
        }

        await LinkAsync(a, b, new MergeReason(1.0, [$"joined by {analyst}"]), cancellationToken);
        var root = string.CompareOrdinal(clusterA, clusterB) <= 0 ? clusterA : clusterB;
        await RelabelAsync([string.Equals(root, clusterA, StringComparison.Ordinal) ? clusterB : clusterA], root, cancellationToken);
    }

    /// <summary>An analyst's split: the event leaves its cluster and stands alone; the rest re-forms from its links.</summary>
    public async Task IsolateAsync(string key, CancellationToken cancellationToken)
    {
        _isolated.Add(key);
        if (await ScalarAsync("SELECT cluster_id FROM kb_events WHERE key = @p0", cancellationToken, key) is not string cluster)
        {
            return;
        }

        await ExecuteAsync("DELETE FROM kb_links WHERE a = @p0 OR b = @p0", cancellationToken, key);
        await ReformAsync(cluster, cancellationToken);
    }

    public async Task ForgetReportAsync(long reportId, CancellationToken cancellationToken)
    {
        var keys = await StringsAsync("SELECT key FROM kb_events WHERE report_id = @p0", cancellationToken, reportId);
        var clusters = await StringsAsync("SELECT DISTINCT cluster_id FROM kb_events WHERE report_id = @p0", cancellationToken, reportId);
        foreach (var key in keys)
        {
            await ExecuteAsync("DELETE FROM kb_links WHERE a = @p0 OR b = @p0", cancellationToken, key);
        }

        foreach (var key in keys)
        {
            await ExecuteAsync("DELETE FROM kb_blocks WHERE key = @p0", cancellationToken, key);
        }

        await ExecuteAsync("DELETE FROM kb_events WHERE report_id = @p0", cancellationToken, reportId);
        foreach (var cluster in clusters)
        {
            await ReformAsync(cluster, cancellationToken);
        }

        await ExecuteAsync("DELETE FROM kb_actor_mentions WHERE report_id = @p0", cancellationToken, reportId);
        await ExecuteAsync("DELETE FROM kb_buckets WHERE report_id = @p0", cancellationToken, reportId);
        await ExecuteAsync("DELETE FROM kb_signatures WHERE report_id = @p0", cancellationToken, reportId);
        await ExecuteAsync("DELETE FROM kb_duplicates WHERE report_id = @p0 OR duplicate_of = @p0", cancellationToken, reportId);
        await ExecuteAsync("DELETE FROM kb_reports WHERE report_id = @p0", cancellationToken, reportId);
    }

    // The remaining members of a cluster, split into connected components again: by the matcher between
    // every pair (what any arrival order would have linked, minus split events) and by analysts' joins.
    // Rare (a split, a report annotated again) and confined to one cluster.
    private async Task ReformAsync(string cluster, CancellationToken cancellationToken)
    {
        var members = new SortedDictionary<string, SituationEvent>(
            (await ReadAsync("SELECT key, event FROM kb_events WHERE cluster_id = @p0", r => (Key: r.GetString(0), Event: r.GetString(1)), cancellationToken, cluster))
                .ToDictionary(m => m.Key, m => KnowledgeBase.Deserialize(m.Event), StringComparer.Ordinal),
            StringComparer.Ordinal);
        if (members.Count == 0)
        {
            return;
        }

        var keys = members.Keys.ToList();
        var neighbours = keys.ToDictionary(k => k, _ => new List<string>(), StringComparer.Ordinal);
        var joins = await ReadAsync(
            "SELECT l.a, l.b FROM kb_links l JOIN kb_events e ON e.key = l.a WHERE e.cluster_id = @p0 AND l.evidence LIKE '%joined by %'",
            r => (A: r.GetString(0), B: r.GetString(1)),
            cancellationToken,
            cluster);
        await ExecuteAsync("DELETE FROM kb_links WHERE a IN (SELECT key FROM kb_events WHERE cluster_id = @p0) AND evidence NOT LIKE '%joined by %'", cancellationToken, cluster);
        foreach (var (a, b) in joins.Where(j => neighbours.ContainsKey(j.A) && neighbours.ContainsKey(j.B)))
        {
            neighbours[a].Add(b);
            neighbours[b].Add(a);
        }

        var seenForLinks = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            for (var j = i + 1; j < keys.Count; j++)
            {
                if (_isolated.Contains(keys[i]) || _isolated.Contains(keys[j]) || matcher.Match(members[keys[i]], members[keys[j]]) is not { } reason)
                {
                    continue;
                }

                neighbours[keys[i]].Add(keys[j]);
                neighbours[keys[j]].Add(keys[i]);
                if (seenForLinks.Add(keys[j]))
                {
                    await LinkAsync(keys[i], keys[j], reason, cancellationToken);
                }
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in keys)
        {
            if (!seen.Add(start))
            {
                continue;
            }

            // Members are visited in key order, so the first of a component is its smallest key: its name.
            var component = new List<string> { start };
            var queue = new Queue<string>([start]);
            while (queue.TryDequeue(out var next))
            {
                foreach (var other in neighbours[next].Where(seen.Add))
                {
                    component.Add(other);
                    queue.Enqueue(other);
                }
            }

            foreach (var key in component)
            {
                await ExecuteAsync("UPDATE kb_events SET cluster_id = @p0 WHERE key = @p1", cancellationToken, start, key);
            }
        }
    }

    private async Task<List<(string Key, string Cluster, Lazy<SituationEvent> Event)>> CandidatesAsync(SituationEvent item, CancellationToken cancellationToken)
    {
        DbCommand command;
        if (MergeBlocking.Weeks(item) is not { } weeks)
        {
            // Undated or coarsely dated events can only be matched on place, actors and wording.
            command = Command(Limited("SELECT key, cluster_id FROM kb_events WHERE type = @p0 AND anchor IS NOT NULL"), item.Type);
        }
        else
        {
            // The same blocks EventMerger looks in: the weeks around, the cells within the matcher's reach
            // (all cells for an unlocated event), the unlocated events of those weeks, and the coarse ones.
            var cell = MergeBlocking.Cell(item);
            var reach = cell is null ? 0 : MergeBlocking.ColumnReach(item.Latitude!.Value);
            command = Command(
                Limited("""
                SELECT key, cluster_id FROM kb_events WHERE type = @p0 AND week_first IS NULL AND anchor IS NOT NULL
                UNION
                SELECT e.key, e.cluster_id FROM kb_blocks b JOIN kb_events e ON e.key = b.key
                WHERE b.type = @p0 AND b.week BETWEEN @p1 AND @p2
                  AND (@p3 = 0 OR b.cell_x IS NULL OR (b.cell_x BETWEEN @p4 AND @p5 AND b.cell_y BETWEEN @p6 AND @p7))
                """),
                item.Type,
                weeks.First - 1,
                weeks.Last + 1,
                cell is null ? 0 : 1,
                (cell?.X ?? 0) - reach,
                (cell?.X ?? 0) + reach,
                (cell?.Y ?? 0) - 1,
                (cell?.Y ?? 0) + 1);
        }

        return await ReadAsync(command, r =>
        {
            var json = r.GetString(2);
            return (r.GetString(0), r.GetString(1), new Lazy<SituationEvent>(() => KnowledgeBase.Deserialize(json)));
        }, cancellationToken);
    }

    // Candidates, at most MembersCompared per cluster (the smallest keys), with their events: the ranking is
    // done in the database, so a block holding thousands of events returns only what will be compared.
    private static string Limited(string candidates) => $"""
        SELECT c.key, c.cluster_id, e.event FROM (
            SELECT key, cluster_id, row_number() OVER (PARTITION BY cluster_id ORDER BY key) AS rank
            FROM ({candidates}) AS found) AS c
        JOIN kb_events e ON e.key = c.key
        WHERE c.rank <= {MembersCompared}
        """;

    private async Task LinkAsync(string a, string b, MergeReason reason, CancellationToken cancellationToken)
    {
        var (first, second) = string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
        await ExecuteAsync(
            "INSERT INTO kb_links (a, b, confidence, evidence) VALUES (@p0, @p1, @p2, @p3) ON CONFLICT (a, b) DO UPDATE SET confidence = excluded.confidence, evidence = excluded.evidence",
            cancellationToken,
            first,
            second,
            reason.Confidence,
            JsonSerializer.Serialize(reason.Evidence));
        Links++;
    }

    private async Task RelabelAsync(IEnumerable<string> clusters, string root, CancellationToken cancellationToken)
    {
        foreach (var cluster in clusters)
        {
            await ExecuteAsync("UPDATE kb_events SET cluster_id = @p0 WHERE cluster_id = @p1", cancellationToken, root, cluster);
        }
    }

    // A syndicated copy or repost: its text shares most 5-word shingles with a report already taken in.
    private async Task LinkNearDuplicatesAsync(StoredReport report, CancellationToken cancellationToken)
    {
        var signature = MinHashSignature.Compute(report.Text);
        var candidates = new HashSet<long>();
        var buckets = LshBuckets.Of(signature).ToList();
        foreach (var (band, hash) in buckets)
        {
            // A bucket that many reports share is a template (a daily sitrep's boilerplate), not one story's
            // copies: only its latest reports are compared, so each report costs the same however many came before.
            candidates.UnionWith(await LongsAsync(
                "SELECT report_id FROM kb_buckets WHERE band = @p0 AND hash = @p1 ORDER BY report_id DESC LIMIT @p2", cancellationToken, band, unchecked((long)hash), BucketCompared));
        }

        foreach (var other in candidates.Where(c => c != report.Id.Value).Order())
        {
            if (await ScalarAsync("SELECT signature FROM kb_signatures WHERE report_id = @p0", cancellationToken, other) is byte[] stored
                && MinHashSignature.FromBytes(stored).Similarity(signature) is var similarity
                && similarity >= NearDuplicateIndex<long>.DefaultThreshold)
            {
                // Pairs are stored later-report-first, whichever arrived first, so the picture is order-independent.
                var (later, earlier) = report.Id.Value > other ? (report.Id.Value, other) : (other, report.Id.Value);
                await ExecuteAsync(
                    "INSERT INTO kb_duplicates (report_id, duplicate_of, similarity) VALUES (@p0, @p1, @p2) ON CONFLICT (report_id, duplicate_of) DO UPDATE SET similarity = excluded.similarity",
                    cancellationToken,
                    later,
                    earlier,
                    Math.Round(similarity, 3));
                NearDuplicates++;
            }
        }

        await ExecuteAsync("INSERT INTO kb_signatures (report_id, signature) VALUES (@p0, @p1) ON CONFLICT (report_id) DO UPDATE SET signature = excluded.signature", cancellationToken, report.Id.Value, signature.ToBytes());
        foreach (var (band, hash) in buckets)
        {
            await ExecuteAsync(
                "INSERT INTO kb_buckets (band, hash, report_id) VALUES (@p0, @p1, @p2) ON CONFLICT DO NOTHING", cancellationToken, band, unchecked((long)hash), report.Id.Value);
        }
    }

    private async Task AddActorsAsync(StoredReport report, ContractDocument document, CancellationToken cancellationToken)
    {
        var seen = (report.Published ?? report.IngestedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var actor in document.Actors.DistinctBy(a => (a.Id, a.Text)))
        {
            await ExecuteAsync(
                """
                INSERT INTO kb_actor_mentions (report_id, actor_id, name, type, alias, is_new, seen, channel)
                VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7) ON CONFLICT DO NOTHING
                """,
                cancellationToken,
                report.Id.Value,
                actor.Id,
                actor.Name,
                actor.Type,
                actor.Text,
                actor.IsNew ? 1 : 0,
                seen,
                report.Channel ?? report.Outlet);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync();
        }

        _commands.Clear();
    }

    // The session's prepared statement for this SQL with these parameter values (@p0, @p1, ...). Owned by
    // the session: callers must not dispose it, and must finish reading before running the same SQL again.
    private DbCommand Command(string sql, params object?[] values)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            for (var i = 0; i < values.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "p" + i.ToString(CultureInfo.InvariantCulture);
                command.Parameters.Add(parameter);
            }

            if (prepare)
            {
                command.Prepare();
            }
            _commands[sql] = command;
        }

        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.Transaction = transaction;

        return command;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params object?[] values)
    {
        var command = Command(sql, values);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params object?[] values)
    {
        var command = Command(sql, values);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private async Task<List<string>> StringsAsync(string sql, CancellationToken cancellationToken, params object?[] values) =>
        await ReadAsync(sql, r => r.GetString(0), cancellationToken, values);

    private async Task<List<long>> LongsAsync(string sql, CancellationToken cancellationToken, params object?[] values) =>
        await ReadAsync(sql, r => r.GetInt64(0), cancellationToken, values);

    private Task<List<T>> ReadAsync<T>(string sql, Func<DbDataReader, T> row, CancellationToken cancellationToken, params object?[] values) =>
        ReadAsync(Command(sql, values), row, cancellationToken);

    // Every row of a session statement, read to the end before the statement can run again.
    private static async Task<List<T>> ReadAsync<T>(DbCommand command, Func<DbDataReader, T> row, CancellationToken cancellationToken)
    {
        var result = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(row(reader));
        }

        return result;
    }
}
