using System.Text;
using System.Text.Json;
using Sitrep.Tests.Ingest;
using Sitrep.Tests.Store;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Cli;

/// <summary>
/// The commands on PostgreSQL as a user runs them (the real process, a real server): <c>--db</c> as a
/// URL or a connection string, <c>SITREP_DB</c>, and several <c>sitrep ingest</c> workers at once.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCommandsTests(PostgresServer server) : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _folder = new();
    private string _database = "";

    public async Task InitializeAsync() => _database = await server.CreateDatabaseAsync("cli");

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _folder.Dispose();

    private Task<(int ExitCode, string Stdout, string Stderr)> Sitrep(params string[] arguments) => SitrepProcess.RunAsync(_folder.Path, arguments);

    [Fact]
    public async Task Commands_WithAPostgresUrl_IngestOnceSearchListAndShow()
    {
        var url = Url(_database);
        string[] inputs = [ExampleFiles.SeedArticle, ExampleFiles.NewsArticle, ExampleFiles.TelegramExport];

        var (firstExit, first, firstErrors) = await Sitrep(["ingest", .. inputs, "--db", url, "--json"]);
        var (secondExit, second, _) = await Sitrep(["ingest", .. inputs, "--db", url, "--json"]);

        Assert.True(firstExit == 0, firstErrors);
        Assert.Equal(0, secondExit);
        using (var summary = JsonDocument.Parse(first))
        {
            Assert.Equal(5, summary.RootElement.GetProperty("new").GetInt32());
            Assert.StartsWith("postgresql://postgres@127.0.0.1:", summary.RootElement.GetProperty("database").GetString(), StringComparison.Ordinal);
        }

        using (var summary = JsonDocument.Parse(second))
        {
            Assert.Equal(5, summary.RootElement.GetProperty("alreadyStored").GetInt32());
            Assert.Equal(0, summary.RootElement.GetProperty("new").GetInt32());
        }

        Assert.Equal(5L, await PostgresQuery.ScalarAsync(_database, "SELECT count(*) FROM reports"));

        var (searchExit, search, searchErrors) = await Sitrep("search", "blockade", "--json", "--db", url);
        Assert.True(searchExit == 0, searchErrors);
        using (var hits = JsonDocument.Parse(search))
        {
            Assert.Equal(Path.GetFileName(ExampleFiles.SeedArticle), hits.RootElement[0].GetProperty("externalId").GetString());
            Assert.Contains("<mark>blockade</mark>", hits.RootElement[0].GetProperty("snippet").GetString(), StringComparison.Ordinal);
        }

        var (showExit, show, showErrors) = await Sitrep("show", "telegram:1777000123/5", "--json", "--db", url);
        Assert.True(showExit == 0, showErrors);
        using var report = JsonDocument.Parse(show);
        Assert.Equal("A convoy of 19 trucks is waiting at Kornidzor.", report.RootElement.GetProperty("text").GetString());
        Assert.Equal("Armenian Red Cross", report.RootElement.GetProperty("forwardedFrom").GetString());
    }

    [Fact]
    public async Task Commands_WithAConnectionStringInSitrepDb_UseThatDatabase()
    {
        var jsonl = _folder.Write("r.jsonl", "{\"id\": \"a\", \"text\": \"Fuel ran out in Stepanakert.\"}\n");
        await Sitrep("ingest", jsonl, "--db", _database);

        var (exit, list, errors) = await SitrepProcess.RunAsync(_folder.Path, ["reports", "--json"], environment: new Dictionary<string, string> { ["SITREP_DB"] = _database });

        Assert.True(exit == 0, errors);
        using var reports = JsonDocument.Parse(list);
        Assert.Equal("a", reports.RootElement.EnumerateArray().Single().GetProperty("externalId").GetString());
        Assert.False(File.Exists(_folder.File("sitrep.db")));
    }

    [Fact]
    public async Task Ingest_UnreachableServer_SaysWhichDatabaseAndExitsNonZero()
    {
        var (exit, _, stderr) = await Sitrep("reports", "--db", "postgres://sitrep:secret@127.0.0.1:1/nowhere");

        Assert.Equal(2, exit);
        Assert.Contains("SITREP-CLI-006", stderr, StringComparison.Ordinal);
        Assert.Contains("postgresql://sitrep@127.0.0.1:1/nowhere", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", stderr, StringComparison.Ordinal);
    }

    /// <summary>
    /// Two workers at once on overlapping inputs, with edits of the same source ids in both: every content
    /// is stored exactly once, versions of a source id are 1..n, and neither worker reports an error.
    /// </summary>
    [Fact]
    public async Task Ingest_TwoWorkersAtOnceOnOverlappingInputs_StoreEveryReportExactlyOnce()
    {
        const int Shared = 1500;
        const int Own = 1000;
        const int Edited = 200;
        var first = _folder.Write("first.jsonl", Jsonl([.. Enumerable.Range(0, Own + Shared).Select(i => Line($"r{i}", Text(i, "reached"))), .. Enumerable.Range(0, Edited).Select(i => Line($"e{i}", Text(i, "was stopped at")))]));
        var second = _folder.Write("second.jsonl", Jsonl([.. Enumerable.Range(Own, Shared + Own).Reverse().Select(i => Line($"r{i}", Text(i, "reached"))), .. Enumerable.Range(0, Edited).Select(i => Line($"e{i}", Text(i, "turned back from")))]));

        var workers = await Task.WhenAll(
            Sitrep("ingest", first, "--db", _database, "--json", "--no-knowledge"),
            Sitrep("ingest", second, "--db", _database, "--json", "--no-knowledge"));

        var stored = 0;
        foreach (var (exit, stdout, stderr) in workers)
        {
            Assert.True(exit == 0, stderr);
            using var summary = JsonDocument.Parse(stdout);
            stored += summary.RootElement.GetProperty("new").GetInt32() + summary.RootElement.GetProperty("newVersions").GetInt32();
        }

        const long Expected = Own + Shared + Own + (2 * Edited);
        Assert.Equal(Expected, stored);
        Assert.Equal(Expected, await PostgresQuery.ScalarAsync(_database, "SELECT count(*) FROM reports"));
        Assert.Equal(Expected, await PostgresQuery.ScalarAsync(_database, "SELECT count(DISTINCT content_hash) FROM reports"));
        Assert.Equal(Expected, await PostgresQuery.ScalarAsync(_database, "SELECT count(*) FROM annotations"));
        Assert.Equal(0L, await PostgresQuery.ScalarAsync(_database, "SELECT count(*) FROM (SELECT external_id FROM reports GROUP BY external_id HAVING min(version) <> 1 OR max(version) <> count(*)) AS bad"));
        Assert.Equal((long)Edited, await PostgresQuery.ScalarAsync(_database, "SELECT count(*) FROM reports WHERE version = 2"));
    }

    private static string Url(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        return $"postgres://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}";
    }

    private static string Text(int i, string verb) => $"Convoy {i} of flour trucks {verb} the Lachin checkpoint on day {i % 365}.";

    private static string Line(string id, string text) => JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = id, ["text"] = text });

    private static string Jsonl(IEnumerable<string> lines) => new StringBuilder().AppendJoin('\n', lines).Append('\n').ToString();
}
