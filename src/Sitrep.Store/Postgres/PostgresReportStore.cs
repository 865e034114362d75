using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using Sitrep.Ingest;

namespace Sitrep.Store.Postgres;

/// <summary>
/// The store for more than one machine or more than one worker: PostgreSQL, with the same behaviour as
/// the SQLite store (idempotent by content hash, versions per source id, one transaction per batch) and
/// full-text search by a tsvector column with a GIN index, <c>ts_rank</c> and <c>ts_headline</c>.
/// One instance owns an <see cref="NpgsqlDataSource"/> (a connection pool) and serves many threads.
/// </summary>
/// <remarks>
/// Several ingest processes may write at once. A batch first takes a transaction-scoped advisory lock
/// on each of its source ids, in key order (so two batches never wait on each other in a cycle), then
/// reads what is stored and numbers versions: no two writers can give one source id the same version,
/// and content another writer stored meanwhile is found and reported as already stored. Inserts still
/// say <c>ON CONFLICT DO NOTHING</c>, and a batch that meets a conflict, a deadlock or a serialization
/// failure anyway is rolled back and run again.
/// </remarks>
public sealed class PostgresReportStore : IReportStore, IStoreDatabase, Knowledge.IKnowledgeDatabase
{
    private const int Attempts = 5;

    private const string SummaryColumns = """
        r.id, r.external_id, r.version, r.format, r.title, r.outlet, r.channel, r.published, r.published_offset, r.ingested_at, a.error,
        json_array_length(a.document -> 'times'), json_array_length(a.document -> 'quantities'),
        json_array_length(a.document -> 'places'), json_array_length(a.document -> 'actors'),
        json_array_length(a.document -> 'events'), json_array_length(a.document -> 'claims')
        """;

    private const string ReportColumns = """
        r.id, r.content_hash, r.external_id, r.version, r.format, r.origin, r.title, r.author, r.outlet, r.url,
        r.channel, r.message_id, r.forwarded_from, r.published, r.published_offset, r.edited, r.edited_offset, r.ingested_at, r.text,
        a.document, a.pipeline, a.error
        """;

    private const string InsertSql = """
        WITH r AS (
            INSERT INTO reports (content_hash, external_id, version, format, origin, title, author, outlet, url, channel,
                                 message_id, forwarded_from, published, published_offset, edited, edited_offset, ingested_at, text)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
            ON CONFLICT (content_hash) DO NOTHING
            RETURNING id)
        INSERT INTO annotations (report_id, pipeline, document, error)
        SELECT id, $19, $20, $21 FROM r
        RETURNING report_id
        """;

    /// <summary>Headline options: matches between the markers <see cref="SearchHit"/> documents, about 16 words like the SQLite snippet.</summary>
    private static readonly string HeadlineOptions =
        $"StartSel={SearchHit.MatchStart}, StopSel={SearchHit.MatchEnd}, MaxWords=16, MinWords=8, MaxFragments=2, FragmentDelimiter=\" ... \"";

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;

    private PostgresReportStore(NpgsqlDataSource dataSource, TimeProvider time)
    {
        _dataSource = dataSource;
        _time = time;
    }

    /// <summary>Connects to the database <paramref name="connectionString"/> names and brings its schema up to date.</summary>
    public static async Task<PostgresReportStore> OpenAsync(string connectionString, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        var store = new PostgresReportStore(NpgsqlDataSource.Create(connectionString), time);
        try
        {
            await store.MigrateAsync(cancellationToken);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    public async Task MigrateAsync(CancellationToken cancellationToken) =>
        await PostgresMigrator.MigrateAsync(_dataSource, PostgresMigrator.Embedded, _time, cancellationToken);

    public async Task<IReadOnlySet<ContentHash>> FindStoredAsync(IReadOnlyCollection<ContentHash> hashes, CancellationToken cancellationToken)
    {
        var found = new HashSet<ContentHash>();
        if (hashes.Count == 0)
        {
            return found;
        }

        await using var command = _dataSource.CreateCommand("SELECT content_hash FROM reports WHERE content_hash = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. hashes.Select(h => h.Value)] });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new ContentHash(reader.GetString(0)));
        }

        return found;
    }

    public async Task<IReadOnlyList<SavedReport>> SaveBatchAsync(IReadOnlyList<ReportToStore> reports, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reports);
        if (reports.Count == 0)
        {
            return [];
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SaveOnceAsync(reports, cancellationToken);
            }
            catch (Exception e) when (attempt < Attempts && IsWorthRetrying(e))
            {
                // Another writer got in the way; its work is committed or rolled back by now.
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt * attempt), _time, cancellationToken);
            }
        }
    }

    public async Task<IReadOnlyList<ReportSummary>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            $"SELECT {SummaryColumns} FROM reports r LEFT JOIN annotations a ON a.report_id = r.id ORDER BY r.id DESC LIMIT $1");
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Math.Max(0, limit) });
        var summaries = new List<ReportSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            summaries.Add(new ReportSummary
            {
                Id = new ReportId(reader.GetInt64(0)),
                ExternalId = reader.GetString(1),
                Version = reader.GetInt32(2),
                Format = ParseFormat(reader.GetString(3)),
                Title = NullableString(reader, 4),
                Outlet = NullableString(reader, 5),
                Channel = NullableString(reader, 6),
                Published = NullableTime(reader, 7),
                IngestedAt = reader.GetFieldValue<DateTimeOffset>(9),
                Error = NullableString(reader, 10),
                Counts = new LayerCounts(Count(reader, 11), Count(reader, 12), Count(reader, 13), Count(reader, 14), Count(reader, 15), Count(reader, 16)),
            });
        }

        return summaries;
    }

    public Task<StoredReport?> GetAsync(ReportId id, CancellationToken cancellationToken) =>
        GetOneAsync("r.id = $1", new NpgsqlParameter<long> { TypedValue = id.Value }, cancellationToken);

    public Task<StoredReport?> GetLatestAsync(string externalId, CancellationToken cancellationToken) =>
        GetOneAsync("r.external_id = $1 ORDER BY r.version DESC LIMIT 1", new NpgsqlParameter<string> { TypedValue = PostgresText.Clean(externalId) }, cancellationToken);

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        var hits = new List<SearchHit>();
        var tsquery = TsQuery.From(query);
        if (tsquery is null)
        {
            return hits;
        }

        // The headline is made for the rows kept only. ts_rank saturates quickly with repeated matches, so it
        // needs no length normalization: dividing by log(length) let a one-line post with a hashtag outrank
        // the article that is about the subject, which bm25 ranks first.
        await using var command = _dataSource.CreateCommand("""
            SELECT best.id, best.external_id, best.version, best.title, best.published, best.published_offset, best.rank,
                   ts_headline('english', left(best.text, 200000), best.q, $3)
            FROM (
                SELECT r.id, r.external_id, r.version, r.title, r.published, r.published_offset, r.text, q.q,
                       ts_rank(r.search, q.q) AS rank
                FROM reports r, to_tsquery('english', $1) AS q (q)
                WHERE r.search @@ q.q
                ORDER BY rank DESC, r.id
                LIMIT $2) AS best
            ORDER BY best.rank DESC, best.id
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tsquery });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Math.Max(0, limit) });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = HeadlineOptions });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hits.Add(new SearchHit
            {
                Id = new ReportId(reader.GetInt64(0)),
                ExternalId = reader.GetString(1),
                Version = reader.GetInt32(2),
                Title = NullableString(reader, 3),
                Published = NullableTime(reader, 4),
                Score = Math.Round(reader.GetFloat(6), 4),
                Snippet = reader.GetString(7),
            });
        }

        return hits;
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT count(*) FROM reports");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<bool> ReplaceAnnotationsAsync(ReportId id, string pipeline, string annotations, string? error, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("""
            INSERT INTO annotations (report_id, pipeline, document, error)
            SELECT id, $2, $3::json, $4 FROM reports WHERE id = $1
            ON CONFLICT (report_id) DO UPDATE SET pipeline = excluded.pipeline, document = excluded.document, error = excluded.error
            """);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id.Value });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = pipeline });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = PostgresText.Clean(annotations) });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)(error is null ? null : PostgresText.Clean(error)) ?? DBNull.Value });
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    // The knowledge base's own advisory lock: "sitrep-kb" as a number, held until the transaction ends.
    private const long KnowledgeLock = 0x7369747265706B62;

    bool Knowledge.IKnowledgeDatabase.PreparesStatements => false;

    StoreProvider IStoreDatabase.Provider => StoreProvider.Postgres;

    async Task<System.Data.Common.DbConnection> IStoreDatabase.OpenDatabaseConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    async Task<System.Data.Common.DbConnection> Knowledge.IKnowledgeDatabase.OpenKnowledgeConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    async Task<System.Data.Common.DbTransaction> Knowledge.IKnowledgeDatabase.BeginWriteAsync(System.Data.Common.DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await ((NpgsqlConnection)connection).BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", (NpgsqlConnection)connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = KnowledgeLock });
        await command.ExecuteNonQueryAsync(cancellationToken);
        return transaction;
    }

    private async Task<IReadOnlyList<SavedReport>> SaveOnceAsync(IReadOnlyList<ReportToStore> reports, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var externalIds = reports.Select(r => PostgresText.Clean(r.Source.ExternalId)).ToArray();
        await using (var lockIds = new NpgsqlCommand("SELECT pg_advisory_xact_lock(k) FROM unnest($1) AS k", connection, transaction))
        {
            lockIds.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. externalIds.Distinct(StringComparer.Ordinal).Select(LockKey).Distinct().Order()] });
            await lockIds.ExecuteNonQueryAsync(cancellationToken);
        }

        var stored = new Dictionary<string, (long Id, int Version)>(StringComparer.Ordinal);
        await using (var existing = new NpgsqlCommand("SELECT content_hash, id, version FROM reports WHERE content_hash = ANY($1)", connection, transaction))
        {
            existing.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. reports.Select(r => r.Hash.Value).Distinct(StringComparer.Ordinal)] });
            await using var reader = await existing.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                stored[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt32(2));
            }
        }

        var lastVersions = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var versions = new NpgsqlCommand("SELECT external_id, max(version) FROM reports WHERE external_id = ANY($1) GROUP BY external_id", connection, transaction))
        {
            versions.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. externalIds.Distinct(StringComparer.Ordinal)] });
            await using var reader = await versions.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                lastVersions[reader.GetString(0)] = reader.GetInt32(1);
            }
        }

        // Number the new content in batch order; repeats within the batch point at their first occurrence.
        var plan = new (int Version, int FirstIndex)[reports.Count];
        var firstByHash = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var batch = new NpgsqlBatch(connection, transaction);
        var ingestedAt = _time.GetUtcNow();
        for (var i = 0; i < reports.Count; i++)
        {
            var hash = reports[i].Hash.Value;
            if (stored.ContainsKey(hash))
            {
                plan[i] = (0, -1);
                continue;
            }

            if (firstByHash.TryGetValue(hash, out var first))
            {
                plan[i] = (0, first);
                continue;
            }

            firstByHash[hash] = i;
            var version = lastVersions.GetValueOrDefault(externalIds[i]) + 1;
            lastVersions[externalIds[i]] = version;
            plan[i] = (version, i);
            batch.BatchCommands.Add(InsertCommand(reports[i], externalIds[i], version, ingestedAt));
        }

        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        if (batch.BatchCommands.Count > 0)
        {
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            foreach (var (hash, _) in firstByHash.OrderBy(p => p.Value))
            {
                if (!await reader.ReadAsync(cancellationToken))
                {
                    // A writer without the advisory locks stored this content meanwhile: start the batch again.
                    throw new StoreConflictException(hash);
                }

                ids[hash] = reader.GetInt64(0);
                await reader.NextResultAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);

        var saved = new SavedReport[reports.Count];
        for (var i = 0; i < reports.Count; i++)
        {
            var hash = reports[i].Hash;
            saved[i] = plan[i] switch
            {
                (_, -1) => new SavedReport(new ReportId(stored[hash.Value].Id), hash, stored[hash.Value].Version, SaveOutcome.AlreadyStored),
                var (_, firstIndex) when firstIndex != i => new SavedReport(new ReportId(ids[hash.Value]), hash, plan[firstIndex].Version, SaveOutcome.AlreadyStored),
                var (version, _) => new SavedReport(new ReportId(ids[hash.Value]), hash, version, version == 1 ? SaveOutcome.New : SaveOutcome.NewVersion),
            };
        }

        return saved;
    }

    private static NpgsqlBatchCommand InsertCommand(ReportToStore report, string externalId, int version, DateTimeOffset ingestedAt)
    {
        var source = report.Source;
        var metadata = source.Metadata;
        var command = new NpgsqlBatchCommand(InsertSql);
        var p = command.Parameters;
        p.Add(Text(report.Hash.Value));
        p.Add(Text(externalId));
        p.Add(new NpgsqlParameter<int> { TypedValue = version });
        p.Add(Text(FormatName(source.Format)));
        p.Add(Text(source.Origin));
        p.Add(Text(metadata.Title));
        p.Add(Text(metadata.Author));
        p.Add(Text(metadata.Outlet));
        p.Add(Text(metadata.Url));
        p.Add(Text(metadata.Channel));
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = (object?)source.MessageId ?? DBNull.Value });
        p.Add(Text(metadata.ForwardedFrom));
        p.Add(Instant(source.Published));
        p.Add(OffsetMinutes(source.Published));
        p.Add(Instant(source.Edited));
        p.Add(OffsetMinutes(source.Edited));
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = ingestedAt.ToUniversalTime() });
        p.Add(Text(source.Text));
        p.Add(Text(report.Pipeline));
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Json, Value = report.Annotations });
        p.Add(Text(report.Error));
        return command;
    }

    private async Task<StoredReport?> GetOneAsync(string where, NpgsqlParameter key, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"SELECT {ReportColumns} FROM reports r LEFT JOIN annotations a ON a.report_id = r.id WHERE {where}");
        command.Parameters.Add(key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new StoredReport
        {
            Id = new ReportId(reader.GetInt64(0)),
            Hash = new ContentHash(reader.GetString(1)),
            ExternalId = reader.GetString(2),
            Version = reader.GetInt32(3),
            Format = ParseFormat(reader.GetString(4)),
            Origin = reader.GetString(5),
            Title = NullableString(reader, 6),
            Author = NullableString(reader, 7),
            Outlet = NullableString(reader, 8),
            Url = NullableString(reader, 9),
            Channel = NullableString(reader, 10),
            MessageId = reader.IsDBNull(11) ? null : reader.GetInt64(11),
            ForwardedFrom = NullableString(reader, 12),
            Published = NullableTime(reader, 13),
            Edited = NullableTime(reader, 15),
            IngestedAt = reader.GetFieldValue<DateTimeOffset>(17),
            Text = reader.GetString(18),
            Annotations = NullableString(reader, 19) ?? "{}",
            Pipeline = NullableString(reader, 20) ?? "",
            Error = NullableString(reader, 21),
        };
    }

    /// <summary>The advisory lock key of a source id: 64 bits of its SHA-256, the same in every process.</summary>
    private static long LockKey(string externalId) =>
        BinaryPrimitives.ReadInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(externalId)));

    private static bool IsWorthRetrying(Exception e) => e is StoreConflictException
        || e is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.UniqueViolation };

    private static NpgsqlParameter Text(string? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Text, Value = PostgresText.Nullable(value) };

    private static NpgsqlParameter Instant(DateTimeOffset? time) =>
        new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = time is { } t ? t.ToUniversalTime() : DBNull.Value };

    private static NpgsqlParameter OffsetMinutes(DateTimeOffset? time) =>
        new() { NpgsqlDbType = NpgsqlDbType.Smallint, Value = time is { } t ? (short)t.Offset.TotalMinutes : DBNull.Value };

    private static string FormatName(InputFormat format) => format.ToString().ToLowerInvariant();

    private static InputFormat ParseFormat(string name) =>
        Enum.TryParse<InputFormat>(name, ignoreCase: true, out var format) ? format : InputFormat.Text;

    /// <summary>An instant column and, in the next column, the UTC offset the source gave it.</summary>
    private static DateTimeOffset? NullableTime(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal)
            ? null
            : reader.GetFieldValue<DateTimeOffset>(ordinal).ToOffset(TimeSpan.FromMinutes(reader.IsDBNull(ordinal + 1) ? 0 : reader.GetInt16(ordinal + 1)));

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static int Count(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? 0 : reader.GetInt32(ordinal);

    /// <summary>Content this batch meant to insert was stored by someone else in the meantime.</summary>
    private sealed class StoreConflictException(string hash) : Exception($"SITREP-STORE-010: content {hash} was stored concurrently");
}
