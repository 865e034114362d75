using Sitrep.Store;
using Sitrep.Store.Migrations;
using Sitrep.Store.Sqlite;

namespace Sitrep.Tests.Store;

/// <summary>The shared store behaviour (<see cref="ReportStoreTests"/>) on a SQLite file, plus what is SQLite's own.</summary>
public sealed class SqliteReportStoreTests : ReportStoreTests, IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    protected override async Task<IReportStore> OpenAsync() => await SqliteReportStore.OpenAsync(_folder.Database, Time, default);

    protected override Task<object?> ScalarAsync(string sql) => Task.FromResult(_folder.Query(sql));

    [Fact]
    public async Task Open_TwiceOnOneFile_AppliesEachMigrationOnceInWalMode()
    {
        await (await SqliteReportStore.OpenAsync(_folder.Database, Time, default)).DisposeAsync();
        await using var store = await SqliteReportStore.OpenAsync(_folder.Database, Time, default);

        Assert.Equal((long)Migration.Embedded.Count, _folder.Query("SELECT count(*) FROM schema_migrations"));
        Assert.Equal(1L, _folder.Query("SELECT min(version) FROM schema_migrations"));
        Assert.Equal("wal", _folder.Query("PRAGMA journal_mode"));
    }

    [Theory]
    [InlineData("blockade corridor", "\"blockade\" \"corridor\"")]
    [InlineData("\"aid convoy\" Goma", "\"aid convoy\" \"Goma\"")]
    [InlineData("Goma OR Rafah", "\"Goma\" OR \"Rafah\"")]
    [InlineData("OR Goma OR", "\"Goma\"")]
    [InlineData("besieg*", "\"besieg\"*")]
    [InlineData("a\"b", "\"a\" \"b\"")]
    [InlineData("- ( )", null)]
    public void Fts5Query_QuotesEveryTerm(string query, string? expected)
    {
        Assert.Equal(expected, Fts5Query.From(query));
    }
}
