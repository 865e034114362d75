using Npgsql;
using Sitrep.Store;
using Sitrep.Store.Postgres;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Store;

/// <summary>The shared store behaviour (<see cref="ReportStoreTests"/>) on a real PostgreSQL server, plus several writers at once.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresReportStoreTests(PostgresServer server) : ReportStoreTests, IAsyncLifetime
{
    private string _database = "";

    public async Task InitializeAsync() => _database = await server.CreateDatabaseAsync("store");

    public Task DisposeAsync() => Task.CompletedTask;

    protected override async Task<IReportStore> OpenAsync() => await PostgresReportStore.OpenAsync(_database, Time, default);

    protected override Task<object?> ScalarAsync(string sql) => PostgresQuery.ScalarAsync(_database, sql);

    [Fact]
    public async Task Open_ByManyWorkersAtOnce_AppliesEachMigrationOnce()
    {
        var stores = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(OpenAsync)));
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }

        Assert.Equal((long)PostgresMigrator.Embedded.Count, await ScalarAsync("SELECT count(*) FROM schema_migrations"));
        Assert.Equal(1L, await ScalarAsync("SELECT min(version) FROM schema_migrations"));
    }

    [Fact]
    public async Task Open_AsAUserWhoCannotCreateTables_ReadsAMigratedDatabase()
    {
        await using (var owner = await OpenAsync())
        {
            await owner.SaveBatchAsync([Report("a", "Stored by the owner.")], default);
        }

        var role = "reader_" + Guid.NewGuid().ToString("N")[..8];
        await ScalarAsync($"CREATE ROLE {role} LOGIN; GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}");
        await using var reader = await PostgresReportStore.OpenAsync(new NpgsqlConnectionStringBuilder(_database) { Username = role }.ConnectionString, Time, default);

        Assert.Equal(1, await reader.CountAsync(default));
        Assert.Equal("a", Assert.Single(await reader.SearchAsync("owner", 5, default)).ExternalId);
    }

    [Fact]
    public async Task SaveBatch_TwoWritersWithOverlappingBatches_StoreEachContentOnceWithConsistentVersions()
    {
        // Two stores (two connection pools), as two worker processes would have, writing the same reports in
        // different orders, plus each its own edits of shared source ids.
        await using var first = await OpenAsync();
        await using var second = await OpenAsync();
        var shared = Enumerable.Range(0, 400).Select(i => Report($"r{i}", $"Convoy {i} reached the crossing.")).ToList();
        var edits = Enumerable.Range(0, 40).SelectMany(i => new[] { Report($"r{i}", $"Convoy {i} was turned back."), Report($"r{i}", $"Convoy {i} waits.") }).ToList();

        async Task<IReadOnlyList<SavedReport>> Write(IReportStore store, IEnumerable<ReportToStore> reports)
        {
            var saved = new List<SavedReport>();
            foreach (var batch in reports.Chunk(50))
            {
                saved.AddRange(await store.SaveBatchAsync(batch, default));
            }

            return saved;
        }

        var results = await Task.WhenAll(
            Task.Run(() => Write(first, [.. shared, .. edits.Where((_, i) => i % 2 == 0)])),
            Task.Run(() => Write(second, [.. Enumerable.Reverse(shared), .. edits.Where((_, i) => i % 2 == 1)])));

        var all = results.SelectMany(r => r).ToList();
        Assert.Equal(480, all.Count(s => s.Outcome != SaveOutcome.AlreadyStored));
        Assert.Equal(480L, await ScalarAsync("SELECT count(*) FROM reports"));
        Assert.Equal(480L, await ScalarAsync("SELECT count(*) FROM annotations"));
        // Versions of each source id are 1..n with no gap and no repeat.
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM (SELECT external_id FROM reports GROUP BY external_id HAVING max(version) <> count(*) OR min(version) <> 1) AS bad"));
        Assert.Equal(40L, await ScalarAsync("SELECT count(*) FROM (SELECT external_id FROM reports GROUP BY external_id HAVING count(*) = 3) AS edited"));
        // Every writer saw the same id for the same content.
        Assert.All(all.GroupBy(s => s.Hash), g => Assert.Single(g.Select(s => s.Id).Distinct()));
    }

    [Fact]
    public async Task SaveBatch_TextWithNulAndLoneSurrogate_IsStoredWithReplacementCharacters()
    {
        await using var store = await OpenAsync();
        var text = "Before\0after \ud800 end.";

        var saved = await store.SaveBatchAsync([Report("odd", text)], default);

        var report = await store.GetAsync(saved[0].Id, default);
        Assert.Equal("Before\ufffdafter \ufffd end.", report!.Text);
        Assert.Equal(text.Length, report.Text.Length);
        Assert.Equal(saved[0].Hash, report.Hash);
    }

    [Fact]
    public async Task SaveBatch_TextLongerThanTheSearchIndexTakes_IsStoredWholeAndFoundByItsBeginning()
    {
        await using var store = await OpenAsync();
        var words = string.Join(' ', Enumerable.Range(0, 400_000).Select(i => "w" + i.ToString("x", System.Globalization.CultureInfo.InvariantCulture)));
        var text = "Ceasefire announced. " + words;

        var saved = await store.SaveBatchAsync([Report("long", text)], default);

        Assert.Equal(text, (await store.GetAsync(saved[0].Id, default))!.Text);
        Assert.Equal("long", Assert.Single(await store.SearchAsync("ceasefire", 5, default)).ExternalId);
    }

    [Theory]
    [InlineData("blockade corridor", "'blockade' & 'corridor'")]
    [InlineData("\"aid convoy\" Goma", "'aid convoy' & 'Goma'")]
    [InlineData("Goma OR Rafah", "'Goma' | 'Rafah'")]
    [InlineData("OR Goma OR", "'Goma'")]
    [InlineData("besieg*", "'besieg':*")]
    [InlineData("a\"b", "'a' & 'b'")]
    [InlineData("it's back\\slash", "'it''s' & 'back\\\\slash'")]
    [InlineData("- ( ) & |", null)]
    public void TsQuery_QuotesEveryTerm(string query, string? expected)
    {
        Assert.Equal(expected, TsQuery.From(query));
    }
}

/// <summary>Plain SQL beside the store under test (not through it), for assertions.</summary>
internal static class PostgresQuery
{
    public static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync() switch
        {
            int i => (long)i,
            short s => (long)s,
            var other => other,
        };
    }
}
