using Sitrep.Documents;
using Sitrep.Ingest;
using Sitrep.Store;

namespace Sitrep.Tests.Store;

/// <summary>
/// What every <see cref="IReportStore"/> does, run on each provider (SQLite and PostgreSQL subclasses),
/// each test on a fresh, real database.
/// </summary>
public abstract class ReportStoreTests
{
    protected TimeProvider Time { get; } = new FixedTimeProvider(new DateTimeOffset(2023, 9, 13, 8, 0, 0, TimeSpan.Zero));

    /// <summary>Opens the store under test on this test's database (migrating it).</summary>
    protected abstract Task<IReportStore> OpenAsync();

    /// <summary>A scalar from the database, read beside the store with plain SQL; integers come back as long.</summary>
    protected abstract Task<object?> ScalarAsync(string sql);

    internal static ReportToStore Report(string externalId, string text, string? title = null, DateTimeOffset? published = null) => new()
    {
        Source = new SourceReport
        {
            ExternalId = externalId,
            Text = text,
            Format = InputFormat.Text,
            Origin = externalId + ".txt",
            Published = published ?? new DateTimeOffset(2023, 9, 12, 0, 0, 0, TimeSpan.Zero),
            Metadata = new ReportMetadata { Title = title },
        },
        Hash = ContentHash.Of(externalId, text),
        Annotations = """{"id":"x","published":null,"times":[],"quantities":[],"places":[{"start":0,"end":5}],"actors":[],"events":[],"claims":[]}""",
        Pipeline = "normalize@1 sentences@1",
    };

    [Fact]
    public async Task SaveBatch_SameContentTwice_IsStoredOnce()
    {
        await using var store = await OpenAsync();

        var first = await store.SaveBatchAsync([Report("a", "Convoy reached Goma.")], default);
        var second = await store.SaveBatchAsync([Report("a", "Convoy reached Goma.")], default);

        Assert.Equal(SaveOutcome.New, first[0].Outcome);
        Assert.Equal(SaveOutcome.AlreadyStored, second[0].Outcome);
        Assert.Equal(first[0].Id, second[0].Id);
        Assert.Equal(1, await store.CountAsync(default));
    }

    [Fact]
    public async Task ReplaceAnnotations_KeepsTextAndMetadataAndChangesOnlyTheAnnotations()
    {
        await using var store = await OpenAsync();
        var saved = await store.SaveBatchAsync([Report("a", "Convoy reached Goma.", title: "Goma")], default);

        const string Newer = """{"id":"x","published":null,"times":[],"quantities":[],"places":[],"actors":[],"events":[],"claims":[]}""";
        var replaced = await store.ReplaceAnnotationsAsync(saved[0].Id, "normalize@2", Newer, null, default);
        var missing = await store.ReplaceAnnotationsAsync(new ReportId(999_999), "normalize@2", Newer, null, default);

        Assert.True(replaced);
        Assert.False(missing);
        var report = await store.GetAsync(saved[0].Id, default);
        Assert.Equal("Convoy reached Goma.", report!.Text);
        Assert.Equal("Goma", report.Title);
        Assert.Equal("normalize@2", report.Pipeline);
        Assert.Contains("\"places\":[]", report.Annotations, StringComparison.Ordinal);
        Assert.Equal(1, await store.CountAsync(default));
    }

    [Fact]
    public async Task SaveBatch_RepeatsWithinOneBatch_AreStoredOnceAndPointAtTheFirst()
    {
        await using var store = await OpenAsync();

        var saved = await store.SaveBatchAsync([Report("a", "Same."), Report("b", "Other."), Report("a", "Same.")], default);

        Assert.Equal([SaveOutcome.New, SaveOutcome.New, SaveOutcome.AlreadyStored], saved.Select(s => s.Outcome));
        Assert.Equal(saved[0].Id, saved[2].Id);
        Assert.Equal(2, await store.CountAsync(default));
    }

    [Fact]
    public async Task SaveBatch_NewTextForAStoredId_IsTheNextVersion()
    {
        await using var store = await OpenAsync();

        await store.SaveBatchAsync([Report("telegram:1/3", "Queues at dawn.")], default);
        var edited = await store.SaveBatchAsync([Report("telegram:1/3", "Queues at dawn; bakery closed.")], default);

        Assert.Equal(SaveOutcome.NewVersion, edited[0].Outcome);
        Assert.Equal(2, edited[0].Version);
        var latest = await store.GetLatestAsync("telegram:1/3", default);
        Assert.Equal("Queues at dawn; bakery closed.", latest!.Text);
        Assert.Equal(2L, await ScalarAsync("SELECT count(*) FROM reports WHERE external_id = 'telegram:1/3'"));
    }

    [Fact]
    public async Task SaveBatch_TwoVersionsInOneBatch_AreNumberedInBatchOrder()
    {
        await using var store = await OpenAsync();

        var saved = await store.SaveBatchAsync([Report("p", "First text."), Report("p", "Second text."), Report("q", "Other.")], default);

        Assert.Equal([1, 2, 1], saved.Select(s => s.Version));
        Assert.Equal([SaveOutcome.New, SaveOutcome.NewVersion, SaveOutcome.New], saved.Select(s => s.Outcome));
        Assert.Equal("Second text.", (await store.GetLatestAsync("p", default))!.Text);
    }

    [Fact]
    public async Task Get_ReturnsTheReportWithItsMetadataAnnotationsAndIngestTime()
    {
        await using var store = await OpenAsync();
        var saved = await store.SaveBatchAsync([Report("r1", "Shelling near Idlib.", "Idlib update")], default);

        var report = await store.GetAsync(saved[0].Id, default);

        Assert.NotNull(report);
        Assert.Equal("Idlib update", report.Title);
        Assert.Equal(new DateTimeOffset(2023, 9, 12, 0, 0, 0, TimeSpan.Zero), report.Published);
        Assert.Equal(Time.GetUtcNow(), report.IngestedAt);
        Assert.Contains("\"places\"", report.Annotations, StringComparison.Ordinal);
        Assert.Equal("normalize@1 sentences@1", report.Pipeline);
        var listed = Assert.Single(await store.ListAsync(10, default));
        Assert.Equal(1, listed.Counts.Places);
    }

    [Fact]
    public async Task Get_PublishedTime_KeepsTheSourcesUtcOffset()
    {
        await using var store = await OpenAsync();
        var published = new DateTimeOffset(2023, 9, 19, 13, 5, 0, TimeSpan.FromHours(4));
        var saved = await store.SaveBatchAsync([Report("yerevan", "Shelling reported.", published: published)], default);

        var report = await store.GetAsync(saved[0].Id, default);

        Assert.Equal(published, report!.Published);
        Assert.Equal(TimeSpan.FromHours(4), report.Published!.Value.Offset);
    }

    [Fact]
    public async Task Get_UnknownIdOrSource_IsNull()
    {
        await using var store = await OpenAsync();

        Assert.Null(await store.GetAsync(new ReportId(42), default));
        Assert.Null(await store.GetLatestAsync("nowhere", default));
    }

    [Fact]
    public async Task List_MostRecentlyIngestedFirst()
    {
        await using var store = await OpenAsync();
        await store.SaveBatchAsync([Report("one", "First.")], default);
        await store.SaveBatchAsync([Report("two", "Second.")], default);

        var listed = await store.ListAsync(10, default);

        Assert.Equal(["two", "one"], listed.Select(r => r.ExternalId));
    }

    [Fact]
    public async Task FindStored_GivesOnlyTheStoredHashes()
    {
        await using var store = await OpenAsync();
        var stored = Report("a", "Stored.");
        await store.SaveBatchAsync([stored], default);

        var found = await store.FindStoredAsync([stored.Hash, ContentHash.Of("b", "Not stored.")], default);

        Assert.Equal([stored.Hash], found);
    }

    [Fact]
    public async Task Search_RanksByRelevanceAndMarksTheMatches()
    {
        await using var store = await OpenAsync();
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

    [Fact]
    public async Task Search_PhraseOrAndPrefix_AreUnderstood()
    {
        await using var store = await OpenAsync();
        await store.SaveBatchAsync(
        [
            Report("goma", "An aid convoy reached Goma."),
            Report("rafah", "The convoy carrying aid waited at Rafah."),
            Report("siege", "The town has been besieged since May."),
        ], default);

        Assert.Equal(["goma"], (await store.SearchAsync("\"aid convoy\"", 10, default)).Select(h => h.ExternalId));
        Assert.Equal(["goma", "rafah"], (await store.SearchAsync("Goma OR Rafah", 10, default)).Select(h => h.ExternalId).Order());
        Assert.Equal(["siege"], (await store.SearchAsync("besieg*", 10, default)).Select(h => h.ExternalId));
        Assert.Empty(await store.SearchAsync("convoy Brussels", 10, default));
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
    [InlineData("blockade & !fuel | (food <-> ")]
    [InlineData("the of and")]
    [InlineData("back\\slash 'quote' fuel:*")]
    public async Task Search_QueriesWithSyntaxCharacters_DoNotThrow(string query)
    {
        await using var store = await OpenAsync();
        await store.SaveBatchAsync([Report("b", "The blockade cut fuel and food.")], default);

        var hits = await store.SearchAsync(query, 10, default);

        Assert.NotNull(hits);
        Assert.Equal(1, await store.CountAsync(default));
    }

    [Fact]
    public async Task Search_QueryWithNulAndLoneSurrogate_DoesNotThrow()
    {
        await using var store = await OpenAsync();
        await store.SaveBatchAsync([Report("b", "The blockade cut fuel and food.")], default);

        var hits = await store.SearchAsync("fuel\0 \ud800 blockade", 10, default);

        Assert.Equal("b", Assert.Single(hits).ExternalId);
    }
}
