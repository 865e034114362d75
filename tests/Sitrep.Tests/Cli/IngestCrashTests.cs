using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using Sitrep.Tests.Store;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Cli;

/// <summary>
/// The acceptance test of ingest's transactions: kill -9 the real process in the middle of a
/// 10,000-report ingest, then check that the database opens cleanly and that a re-run completes the
/// rest with no duplicate and nothing missing. Run on each provider (subclasses below).
/// </summary>
public abstract class IngestCrashTests : IDisposable
{
    private const int Reports = 10_000;
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _folder.Dispose();
        }
    }

    /// <summary>This test's database as <c>--db</c> takes it.</summary>
    protected abstract string Database { get; }

    /// <summary>A scalar from the database, or null while it has no reports table yet; integers as long.</summary>
    protected abstract Task<object?> ScalarAsync(string sql);

    /// <summary>Fails when the database is damaged (the provider's own checks).</summary>
    protected abstract Task AssertIntactAsync();

    [Fact]
    public async Task Ingest_KilledMidway_LeavesACleanDatabaseAndAReRunCompletesTheRest()
    {
        var input = _folder.Write("reports.jsonl", GenerateJsonl(Reports));

        using (var process = SitrepProcess.Start(_folder.Path, ["ingest", input, "--db", Database, "--no-knowledge"]))
        {
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            var committed = await WaitForCommittedRows(process);
            Assert.True(committed > 0 && !process.HasExited, "ingest finished before it could be killed; make the workload larger");
            process.Kill(entireProcessTree: true); // SIGKILL on Unix: no finally blocks, no rollback, no flush
            await process.WaitForExitAsync();
        }

        await AssertIntactAsync();
        var afterCrash = (long)(await ScalarAsync("SELECT count(*) FROM reports"))!;
        Assert.InRange(afterCrash, 1, Reports - 1);
        Assert.Equal(0L, afterCrash % 500); // whole batches only: nothing half-written
        Assert.Equal(afterCrash, await ScalarAsync("SELECT count(*) FROM annotations"));

        var (exit, stdout, stderr) = await SitrepProcess.RunAsync(_folder.Path, ["ingest", input, "--db", Database, "--json", "--no-knowledge"]);

        Assert.True(exit == 0, stderr);
        using var summary = JsonDocument.Parse(stdout);
        Assert.Equal(afterCrash, summary.RootElement.GetProperty("alreadyStored").GetInt32());
        Assert.Equal(Reports - afterCrash, summary.RootElement.GetProperty("new").GetInt32());
        await AssertIntactAsync();
        Assert.Equal((long)Reports, await ScalarAsync("SELECT count(*) FROM reports"));
        Assert.Equal((long)Reports, await ScalarAsync("SELECT count(DISTINCT external_id) FROM reports"));
        Assert.Equal((long)Reports, await ScalarAsync("SELECT count(DISTINCT content_hash) FROM reports"));
        Assert.Equal(1L, await ScalarAsync("SELECT max(version) FROM reports"));
        Assert.Equal((long)Reports, await ScalarAsync("SELECT count(*) FROM annotations"));
    }

    /// <summary>Polls the database (read-only, beside the writer) until a batch is committed.</summary>
    private async Task<long> WaitForCommittedRows(Process process)
    {
        var deadline = Stopwatch.StartNew();
        while (!process.HasExited && deadline.Elapsed < TimeSpan.FromMinutes(10))
        {
            if (await ScalarAsync("SELECT count(*) FROM reports") is long count && count > 0)
            {
                return count;
            }

            await Task.Delay(20);
        }

        return 0;
    }

    private static string GenerateJsonl(int count)
    {
        string[] places = ["Stepanakert", "Lachin", "Goma", "Rafah", "Kharkiv", "Idlib", "Mekelle", "El Fasher"];
        string[] verbs = ["reached", "left", "was stopped near", "waited outside", "returned from"];
        var random = new Random(7);
        var builder = new StringBuilder();
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Clear();
            for (var s = 0; s < 25; s++)
            {
                text.Append("Convoy ").Append(i).Append('-').Append(s).Append(' ').Append(verbs[random.Next(verbs.Length)]).Append(' ')
                    .Append(places[random.Next(places.Length)]).Append(" on day ").Append(random.Next(1, 365)).Append(" with ")
                    .Append(random.Next(2, 40)).Append(" trucks of flour and fuel. ");
            }

            builder.Append(JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = $"gen-{i}", ["text"] = text.ToString() })).Append('\n');
        }

        return builder.ToString();
    }
}

public sealed class SqliteIngestCrashTests : IngestCrashTests
{
    private readonly TempFolder _database = new();

    protected override string Database => _database.Database;

    protected override Task<object?> ScalarAsync(string sql)
    {
        try
        {
            return Task.FromResult(File.Exists(_database.Database) ? _database.Query(sql) : null);
        }
        catch (SqliteException)
        {
            return Task.FromResult<object?>(null); // schema not created yet, or the file is being created
        }
    }

    protected override Task AssertIntactAsync()
    {
        Assert.Equal("ok", _database.Query("PRAGMA integrity_check"));
        // The full-text index agrees with the table (raises an error if not).
        _database.Query("INSERT INTO reports_fts (reports_fts) VALUES ('integrity-check')");
        return Task.CompletedTask;
    }

    protected override void Dispose(bool disposing)
    {
        _database.Dispose();
        base.Dispose(disposing);
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresIngestCrashTests(PostgresServer server) : IngestCrashTests, IAsyncLifetime
{
    private string _database = "";

    protected override string Database => _database;

    public async Task InitializeAsync() => _database = await server.CreateDatabaseAsync("crash");

    public Task DisposeAsync() => Task.CompletedTask;

    protected override async Task<object?> ScalarAsync(string sql)
    {
        try
        {
            return await PostgresQuery.ScalarAsync(_database, sql);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null; // the first process has not migrated yet
        }
    }

    protected override async Task AssertIntactAsync()
    {
        // Every report has its annotations and is in the search index, and every index is valid.
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM reports r WHERE NOT EXISTS (SELECT 1 FROM annotations a WHERE a.report_id = r.id)"));
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM reports WHERE search IS NULL"));
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid WHERE c.relname IN ('reports', 'annotations') AND NOT i.indisvalid"));
    }
}
