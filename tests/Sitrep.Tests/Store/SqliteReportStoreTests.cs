using Sitrep.Documents;
using Sitrep.Ingest;
using Sitrep.Store;
using Sitrep.Store.Migrations;
using Sitrep.Store.Sqlite;

namespace Sitrep.Tests.Store;

public sealed class SqliteReportStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FixedTimeProvider _time = new(new DateTimeOffset(2023, 9, 13, 8, 0, 0, TimeSpan.Zero));

    public void Dispose() => _folder.Dispose();

    private static ReportToStore Report(string externalId, string text, string? title = null) => new()
    {
        Source = new SourceReport
        {
            ExternalId = externalId,
            Text = text,
            Format = InputFormat.Text,
            Origin = externalId + ".txt",
            Published = new DateTimeOffset(2023, 9, 12, 0, 0, 0, TimeSpan.Zero),
            Metadata = new ReportMetadata { Title = title },
        },
        Hash = ContentHash.Of(externalId, text),
        Annotations = """{"id":"x","published":null,"times":[],"quantities":[],"places":[{"start":0,"end":5}],"actors":[],"events":[],"claims":[]}""",
        Pipeline = "normalize@1 sentences@1",
    };

    [Fact]
    public async Task Open_TwiceOnOneFile_AppliesEachMigrationOnceInWalMode()
    {
        await (await SqliteReportStore.OpenAsync(_folder.Database, _time, default)).DisposeAsync();
        await using var store = await SqliteReportStore.OpenAsync(_folder.Database, _time, default);

        Assert.Equal((long)Migration.Embedded.Count, _folder.Query("SELECT count(*) FROM schema_migrations"));
        Assert.Equal(1L, _folder.Query("SELECT min(version) FROM schema_migrations"));
        Assert.Equal("wal", _folder.Query("PRAGMA journal_mode"));
    }

    [Fact]
    public async Task SaveBatch_SameContentTwice_IsStoredOnce()
    {
        await using var store = await SqliteReportStore.OpenAsync(_folder.Database, _time, default);

        var first = await store.SaveBatchAsync([Report("a", "Convoy reached Goma.")], default);
        var second = await store.SaveBatchAsync([Report("a", "Convoy reached Goma.")], default);

        Assert.Equal(SaveOutcome.New, first[0].Outcome);
        Assert.Equal(SaveOutcome.AlreadyStored, second[0].Outcome);
        Assert.Equal(first[0].Id, second[0].Id);
        Assert.Equal(1, await store.CountAsync(default));
    }

    [Fact]
    public async Task SaveBatch_NewTextForAStoredId_IsTheNextVersion()
    {
        await using var store = await SqliteReportStore.OpenAsync(_folder.Database, _time, default);

        await store.SaveBatchAsync([Report("telegram:1/3", "Queues at dawn.")], default);
        var edited = await store.SaveBatchAsync([Report("telegram:1/3", "Queues at dawn; bakery closed.")], default);

        Assert.Equal(SaveOutcome.NewVersion, edited[0].Outcome);
        Assert.Equal(2, edited[0].Version);
        var latest = await store.GetLatestAsync("telegram:1/3", default);
        Assert.Equal("Queues at dawn; bakery closed.", latest!.Text);
        Assert.Equal(2L, _folder.Query("SELECT count(*) FROM reports WHERE external_id = 'telegram:1/3'"));
    }

    [Fact]
    public async Task Get_ReturnsTheReportWithItsMetadataAnnotationsAndIngestTime()
    {
        await using var store = await SqliteReportStore.OpenAsync(_folder.Database, _time, default);
        var saved = await store.SaveBatchAsync([Report("r1", "Shelling near Idlib.", "Idlib update")], default);

        var report = await store.GetAsync(saved[0].Id, default);

        Assert.NotNull(report);
        Assert.Equal("Idlib update", report.Title);
        Assert.Equal(new DateTimeOffset(2023, 9, 12, 0, 0, 0, TimeSpan.Zero), report.Published);
        Assert.Equal(_time.GetUtcNow(), report.IngestedAt);
        Assert.Contains("\"places\"", report.Annotations, StringComparison.Ordinal);
        Assert.Equal("normalize@1 sentences@1", report.Pipeline);
        var listed = Assert.Single(await store.ListAsync(10, default));
        Assert.Equal(1, listed.Counts.Places);
    }

    [Fact]
    public async Task Search_RanksByRelevanceAndMarksTheMatches()
    {
        await using var store = await SqliteReportStore.OpenAsync(_folder.Database, _time, default);
        await store.SaveBatchAsync(
        [
            Report("a", "Talks resumed in Brussels. Nothing about roads."),
            Report("b", "The blockade of the corridor continued; the blockade cut fuel and food.", "Blockade enters its eighth month"),
            Report("c", "A convoy reached the city after the blockade was eased."),
            .. Enumerable.Range(0, 6).Select(i => Report($"other{i}", $"Unrelated note {i} about harvests and weather.")),
        ], default);

        var hits = await store.SearchAsync("blockade", 10, default);

        Assert.Equal(["b", "c"], hits.Select(h => h.ExternalId));
        Assert.True(hits[0].Score > hits[1].Score);
        Assert.Contains(SearchHit.MatchStart + "blockade" + SearchHit.MatchEnd, hits[0].Snippet, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("blockade\"")]
    [InlineData("NOT")]
    [InlineData("AND OR NOT")]
    [InlineData("blockade -corridor")]
    [InlineData("(blockade")]
    [InlineData("title:blockade")]
    [InlineData("block* NEAR/2 fuel")]
    [InlineData("^blockade")]
    [InlineData("*")]
    [InlineData("   ")]
    [InlineData("'; DROP TABLE reports; --")]
    public async Task Search_QueriesWithFtsSyntaxCharacters_DoNotThrow(string query)
    {
        await using var store = await SqliteReportStore.OpenAsync(_folder.Database, _time, default);
        await store.SaveBatchAsync([Report("b", "The blockade cut fuel and food.")], default);

        var hits = await store.SearchAsync(query, 10, default);

        Assert.NotNull(hits);
        Assert.Equal(1, await store.CountAsync(default));
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
