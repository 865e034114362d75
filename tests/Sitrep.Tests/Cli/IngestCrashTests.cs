using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sitrep.Tests.Store;

namespace Sitrep.Tests.Cli;

/// <summary>
/// The acceptance test of ingest's transactions: kill -9 the real process in the middle of a
/// 10,000-report ingest, then check that the database opens cleanly and that a re-run completes the
/// rest with no duplicate and nothing missing.
/// </summary>
public sealed class IngestCrashTests : IDisposable
{
    private const int Reports = 10_000;
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Ingest_KilledMidway_LeavesACleanDatabaseAndAReRunCompletesTheRest()
    {
        var input = _folder.Write("reports.jsonl", GenerateJsonl(Reports));

        using (var process = SitrepProcess.Start(_folder.Path, ["ingest", input, "--db", _folder.Database]))
        {
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            var committed = await WaitForCommittedRows(process);
            Assert.True(committed > 0 && !process.HasExited, "ingest finished before it could be killed; make the workload larger");
            process.Kill(entireProcessTree: true); // SIGKILL on Unix: no finally blocks, no rollback, no flush
            await process.WaitForExitAsync();
        }

        Assert.Equal("ok", _folder.Query("PRAGMA integrity_check"));
        var afterCrash = (long)_folder.Query("SELECT count(*) FROM reports")!;
        Assert.InRange(afterCrash, 1, Reports - 1);
        Assert.Equal(0L, afterCrash % 500); // whole batches only: nothing half-written
        Assert.Equal(afterCrash, _folder.Query("SELECT count(*) FROM annotations"));

        var (exit, stdout, stderr) = await SitrepProcess.RunAsync(_folder.Path, ["ingest", input, "--db", _folder.Database, "--json"]);

        Assert.True(exit == 0, stderr);
        using var summary = JsonDocument.Parse(stdout);
        Assert.Equal(afterCrash, summary.RootElement.GetProperty("alreadyStored").GetInt32());
        Assert.Equal(Reports - afterCrash, summary.RootElement.GetProperty("new").GetInt32());
        Assert.Equal("ok", _folder.Query("PRAGMA integrity_check"));
        Assert.Equal((long)Reports, _folder.Query("SELECT count(*) FROM reports"));
        Assert.Equal((long)Reports, _folder.Query("SELECT count(DISTINCT external_id) FROM reports"));
        Assert.Equal((long)Reports, _folder.Query("SELECT count(DISTINCT content_hash) FROM reports"));
        Assert.Equal(1L, _folder.Query("SELECT max(version) FROM reports"));
        Assert.Equal((long)Reports, _folder.Query("SELECT count(*) FROM annotations"));
        // The full-text index agrees with the table (raises an error if not).
        _folder.Query("INSERT INTO reports_fts (reports_fts) VALUES ('integrity-check')");
    }

    /// <summary>Polls the database (read-only, beside the writer thanks to WAL) until a batch is committed.</summary>
    private async Task<long> WaitForCommittedRows(Process process)
    {
        var deadline = Stopwatch.StartNew();
        while (!process.HasExited && deadline.Elapsed < TimeSpan.FromMinutes(10))
        {
            try
            {
                if (File.Exists(_folder.Database) && _folder.Query("SELECT count(*) FROM reports") is long count && count > 0)
                {
                    return count;
                }
            }
            catch (SqliteException)
            {
                // Schema not created yet, or the file is being created.
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
