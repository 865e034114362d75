using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sitrep.Ingest;
using Sitrep.Store.Migrations;

namespace Sitrep.Store.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode (readers never block the writer), FTS5 over titles
/// and texts. Each operation opens a pooled connection, so one instance serves many threads.
/// </summary>
/// <remarks>
/// Durability: <c>synchronous=NORMAL</c> in WAL mode never corrupts the file; a power cut may lose the
/// last committed batches, which a re-run of ingest stores again (it skips what is there).
/// </remarks>
public sealed class SqliteReportStore : IReportStore, IStoreDatabase, Knowledge.IKnowledgeDatabase
{
    private const string SummaryColumns = """
        r.id, r.external_id, r.version, r.format, r.title, r.outlet, r.channel, r.published, r.ingested_at, a.error,
        json_array_length(a.document, '$.times'), json_array_length(a.document, '$.quantities'),
        json_array_length(a.document, '$.places'), json_array_length(a.document, '$.actors'),
        json_array_length(a.document, '$.events'), json_array_length(a.document, '$.claims')
        """;

    private const string ReportColumns = """
        r.id, r.content_hash, r.external_id, r.version, r.format, r.origin, r.title, r.author, r.outlet, r.url,
        r.channel, r.message_id, r.forwarded_from, r.published, r.edited, r.ingested_at, r.text,
        a.document, a.pipeline, a.error
        """;

    private readonly string _connectionString;
    private readonly TimeProvider _time;

    private SqliteReportStore(string path, TimeProvider time)
    {
        Path = System.IO.Path.GetFullPath(path);
        _time = time;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Opens (creating if needed) the database at <paramref name="path"/> and brings its schema up to date.</summary>
    public static async Task<SqliteReportStore> OpenAsync(string path, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var store = new SqliteReportStore(path, time);
        await store.MigrateAsync(cancellationToken);
        return store;
    }

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using (var wal = connection.CreateCommand())
        {
            // Persistent in the file; cannot run inside a transaction.
            wal.CommandText = "PRAGMA journal_mode = WAL";
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }

        await SqliteMigrator.MigrateAsync(connection, Migration.Embedded, _time, cancellationToken);
    }

    public async Task<IReadOnlySet<ContentHash>> FindStoredAsync(IReadOnlyCollection<ContentHash> hashes, CancellationToken cancellationToken)
    {
        var found = new HashSet<ContentHash>();
        if (hashes.Count == 0)
        {
            return found;
        }

        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT content_hash FROM reports WHERE content_hash IN (SELECT value FROM json_each($hashes))";
        command.Parameters.AddWithValue("$hashes", JsonSerializer.Serialize(hashes.Select(h => h.Value).ToArray(), StoreJsonContext.Default.StringArray));
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
        var saved = new List<SavedReport>(reports.Count);
        if (reports.Count == 0)
        {
            return saved;
        }

        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var existing = Command(connection, transaction, "SELECT id, version FROM reports WHERE content_hash = $hash", "$hash");
        await using var lastVersion = Command(connection, transaction, "SELECT max(version) FROM reports WHERE external_id = $external_id", "$external_id");
        await using var insertReport = Command(
            connection,
            transaction,
            """
            INSERT INTO reports (content_hash, external_id, version, format, origin, title, author, outlet, url, channel,
                                 message_id, forwarded_from, published, edited, ingested_at, text)
            VALUES ($hash, $external_id, $version, $format, $origin, $title, $author, $outlet, $url, $channel,
                    $message_id, $forwarded_from, $published, $edited, $ingested_at, $text)
            RETURNING id
            """,
            "$hash", "$external_id", "$version", "$format", "$origin", "$title", "$author", "$outlet", "$url", "$channel",
            "$message_id", "$forwarded_from", "$published", "$edited", "$ingested_at", "$text");
        await using var insertAnnotations = Command(
            connection,
            transaction,
            "INSERT INTO annotations (report_id, pipeline, document, error) VALUES ($report_id, $pipeline, $document, $error)",
            "$report_id", "$pipeline", "$document", "$error");

        var ingestedAt = Iso(_time.GetUtcNow());
        foreach (var report in reports)
        {
            cancellationToken.ThrowIfCancellationRequested();
            existing.Parameters[0].Value = report.Hash.Value;
            await using (var row = await existing.ExecuteReaderAsync(cancellationToken))
            {
                if (await row.ReadAsync(cancellationToken))
                {
                    saved.Add(new SavedReport(new ReportId(row.GetInt64(0)), report.Hash, row.GetInt32(1), SaveOutcome.AlreadyStored));
                    continue;
                }
            }

            var source = report.Source;
            lastVersion.Parameters[0].Value = source.ExternalId;
            var version = await lastVersion.ExecuteScalarAsync(cancellationToken) is long last ? (int)last + 1 : 1;

            var metadata = source.Metadata;
            var p = insertReport.Parameters;
            p[0].Value = report.Hash.Value;
            p[1].Value = source.ExternalId;
            p[2].Value = version;
            p[3].Value = FormatName(source.Format);
            p[4].Value = source.Origin;
            p[5].Value = (object?)metadata.Title ?? DBNull.Value;
            p[6].Value = (object?)metadata.Author ?? DBNull.Value;
            p[7].Value = (object?)metadata.Outlet ?? DBNull.Value;
            p[8].Value = (object?)metadata.Url ?? DBNull.Value;
            p[9].Value = (object?)metadata.Channel ?? DBNull.Value;
            p[10].Value = (object?)source.MessageId ?? DBNull.Value;
            p[11].Value = (object?)metadata.ForwardedFrom ?? DBNull.Value;
            p[12].Value = source.Published is { } published ? Iso(published) : DBNull.Value;
            p[13].Value = source.Edited is { } edited ? Iso(edited) : DBNull.Value;
            p[14].Value = ingestedAt;
            p[15].Value = source.Text;
            var id = (long)(await insertReport.ExecuteScalarAsync(cancellationToken))!;

            var a = insertAnnotations.Parameters;
            a[0].Value = id;
            a[1].Value = report.Pipeline;
            a[2].Value = report.Annotations;
            a[3].Value = (object?)report.Error ?? DBNull.Value;
            await insertAnnotations.ExecuteNonQueryAsync(cancellationToken);

            saved.Add(new SavedReport(new ReportId(id), report.Hash, version, version == 1 ? SaveOutcome.New : SaveOutcome.NewVersion));
        }

        await transaction.CommitAsync(cancellationToken);
        return saved;
    }

    public async Task<IReadOnlyList<ReportSummary>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SummaryColumns} FROM reports r LEFT JOIN annotations a ON a.report_id = r.id ORDER BY r.id DESC LIMIT $limit";
        command.Parameters.AddWithValue("$limit", Math.Max(0, limit));
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
                IngestedAt = ParseTime(reader.GetString(8)),
                Error = NullableString(reader, 9),
                Counts = new LayerCounts(Count(reader, 10), Count(reader, 11), Count(reader, 12), Count(reader, 13), Count(reader, 14), Count(reader, 15)),
            });
        }

        return summaries;
    }

    public Task<StoredReport?> GetAsync(ReportId id, CancellationToken cancellationToken) =>
        GetOneAsync("r.id = $key", id.Value, cancellationToken);

    public Task<StoredReport?> GetLatestAsync(string externalId, CancellationToken cancellationToken) =>
        GetOneAsync("r.external_id = $key ORDER BY r.version DESC LIMIT 1", externalId, cancellationToken);

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        var hits = new List<SearchHit>();
        var match = Fts5Query.From(query);
        if (match is null)
        {
            return hits;
        }

        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Title matches weigh more than body matches; bm25 is lower for better matches.
        command.CommandText = """
            SELECT r.id, r.external_id, r.version, r.title, r.published, bm25(reports_fts, 4.0, 1.0) AS rank,
                   snippet(reports_fts, 1, $start, $end, '...', 16)
            FROM reports_fts JOIN reports r ON r.id = reports_fts.rowid
            WHERE reports_fts MATCH $match
            ORDER BY rank, r.id
            LIMIT $limit
            """;
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$start", SearchHit.MatchStart);
        command.Parameters.AddWithValue("$end", SearchHit.MatchEnd);
        command.Parameters.AddWithValue("$limit", Math.Max(0, limit));
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
                Score = Math.Round(-reader.GetDouble(5), 4),
                Snippet = reader.GetString(6),
            });
        }

        return hits;
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM reports";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public ValueTask DisposeAsync()
    {
        // Pooled connections keep the file (and its -wal/-shm) open; release them so the file can be moved or deleted.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }

    private async Task<StoredReport?> GetOneAsync(string where, object key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ReportColumns} FROM reports r LEFT JOIN annotations a ON a.report_id = r.id WHERE {where}";
        command.Parameters.AddWithValue("$key", key);
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
            Edited = NullableTime(reader, 14),
            IngestedAt = ParseTime(reader.GetString(15)),
            Text = reader.GetString(16),
            Annotations = NullableString(reader, 17) ?? "{}",
            Pipeline = NullableString(reader, 18) ?? "",
            Error = NullableString(reader, 19),
        };
    }

    public async Task<bool> ReplaceAnnotationsAsync(ReportId id, string pipeline, string annotations, string? error, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO annotations (report_id, pipeline, document, error)
            SELECT id, $pipeline, $document, $error FROM reports WHERE id = $id
            ON CONFLICT (report_id) DO UPDATE SET pipeline = excluded.pipeline, document = excluded.document, error = excluded.error
            """;
        command.Parameters.AddWithValue("$id", id.Value);
        command.Parameters.AddWithValue("$pipeline", pipeline);
        command.Parameters.AddWithValue("$document", annotations);
        command.Parameters.AddWithValue("$error", (object?)error ?? DBNull.Value);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    bool Knowledge.IKnowledgeDatabase.PreparesStatements => true;

    StoreProvider IStoreDatabase.Provider => StoreProvider.Sqlite;

    async Task<System.Data.Common.DbConnection> IStoreDatabase.OpenDatabaseConnectionAsync(CancellationToken cancellationToken) =>
        await OpenConnectionAsync(cancellationToken);

    async Task<System.Data.Common.DbConnection> Knowledge.IKnowledgeDatabase.OpenKnowledgeConnectionAsync(CancellationToken cancellationToken) =>
        await OpenConnectionAsync(cancellationToken);

    // BEGIN IMMEDIATE: the write lock is taken at once, so a second writer waits (busy timeout) instead of
    // failing later on a stale snapshot.
    Task<System.Data.Common.DbTransaction> Knowledge.IKnowledgeDatabase.BeginWriteAsync(System.Data.Common.DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<System.Data.Common.DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    internal async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        command.Prepare();
        return command;
    }

    private static string FormatName(InputFormat format) => format.ToString().ToLowerInvariant();

    private static InputFormat ParseFormat(string name) =>
        Enum.TryParse<InputFormat>(name, ignoreCase: true, out var format) ? format : InputFormat.Text;

    private static string Iso(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static DateTimeOffset? NullableTime(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ParseTime(reader.GetString(ordinal));

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static int Count(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? 0 : reader.GetInt32(ordinal);
}
