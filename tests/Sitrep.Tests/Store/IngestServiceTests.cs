using Sitrep.Documents;
using Sitrep.Ingest;
using Sitrep.Pipeline;
using Sitrep.Store;
using Sitrep.Store.Ingestion;
using Sitrep.Store.Postgres;
using Sitrep.Store.Sqlite;
using Sitrep.Tests.Ingest;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Store;

/// <summary>Ingest from files to a store, run on each provider (subclasses below), each test on a fresh database.</summary>
public abstract class IngestServiceTests : IDisposable
{
    private static readonly ReportPipeline Pipeline = DefaultPipeline.Create(PipelineResources.FromEnvironment());
    private readonly TempFolder _folder = new();
    private readonly FixedTimeProvider _time = new(new DateTimeOffset(2023, 9, 13, 8, 0, 0, TimeSpan.Zero));

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

    /// <summary>Opens the store under test on this test's database (migrating it).</summary>
    protected abstract Task<IReportStore> OpenAsync(TimeProvider time);

    /// <summary>A scalar from the database, read beside the store with plain SQL; integers come back as long.</summary>
    protected abstract Task<object?> ScalarAsync(string sql);

    private async Task<IngestSummary> Ingest(IReadOnlyList<string> paths, long maxFileBytes = IngestLimits.DefaultMaxFileBytes, ReportPipeline? pipeline = null, int batchSize = 500)
    {
        await using var store = await OpenAsync(_time);
        var loader = new InputLoader(new IngestLimits { MaxFileBytes = maxFileBytes }, ReportReaders.Default);
        var service = new IngestService(store, pipeline ?? Pipeline, loader, _time);
        return await service.IngestAsync(paths, new IngestOptions { BatchSize = batchSize }, null, null, default);
    }

    private static string[] GoodInputs => [ExampleFiles.SeedArticle, ExampleFiles.NewsArticle, ExampleFiles.TelegramExport];

    [Fact]
    public async Task Ingest_SameInputsTwice_StoresEachReportOnce()
    {
        var first = await Ingest(GoodInputs);
        var second = await Ingest(GoodInputs);

        Assert.True(first.Succeeded);
        Assert.Equal(5, first.New); // seed + HTML page + three Telegram text messages
        Assert.Equal(2, first.Skipped);
        Assert.Equal(0, second.New);
        Assert.Equal(0, second.NewVersions);
        Assert.Equal(5, second.AlreadyStored);
        Assert.Equal(5L, await ScalarAsync("SELECT count(*) FROM reports"));
        Assert.Equal(5L, await ScalarAsync("SELECT count(DISTINCT content_hash) FROM reports"));
        Assert.Equal(5L, await ScalarAsync("SELECT count(*) FROM annotations"));
    }

    [Fact]
    public async Task Ingest_EditedTelegramPost_KeepsBothVersions()
    {
        await Ingest([ExampleFiles.TelegramExport]);
        var edited = await Ingest([ExampleFiles.TelegramExportEdited]);

        Assert.Equal(1, edited.NewVersions);
        Assert.Equal(2, edited.AlreadyStored);
        Assert.Equal(2L, await ScalarAsync("SELECT count(*) FROM reports WHERE external_id = 'telegram:1777000123/3'"));
        Assert.Equal(2L, await ScalarAsync("SELECT max(version) FROM reports WHERE external_id = 'telegram:1777000123/3'"));
        Assert.Equal(
            "Bread queues in Stepanakert start before dawn. #blockade",
            await ScalarAsync("SELECT text FROM reports WHERE external_id = 'telegram:1777000123/3' AND version = 1"));
    }

    [Fact]
    public async Task Ingest_BadInputs_NamesEachWithItsCodeAndStoresTheGoodReports()
    {
        var binary = _folder.Write("photo.bin", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A]);
        var empty = _folder.Write("empty.txt", "");
        var invalidJson = _folder.Write("broken.json", """{"messages": [{"id": 1, "text": "unfinished""");
        var oversized = _folder.Write("big.txt", new string('x', 5000));

        var summary = await Ingest([.. GoodInputs, binary, empty, invalidJson, oversized], maxFileBytes: 4096);

        Assert.False(summary.Succeeded);
        Assert.Equal(4, summary.InputsFailed);
        Assert.Equal(
            new[] { (IngestErrors.Binary, binary), (IngestErrors.Empty, empty), (IngestErrors.MalformedJson, invalidJson), (IngestErrors.TooLarge, oversized) }.Order(),
            summary.Problems.Select(p => (p.Code, p.Origin)).Order());
        Assert.Equal(5, summary.New);
        Assert.Equal(5L, await ScalarAsync("SELECT count(*) FROM reports"));
    }

    [Fact]
    public async Task Ingest_DuplicatesWithinOneBatch_AreStoredOnce()
    {
        var jsonl = _folder.Write("dup.jsonl", "{\"id\": \"a\", \"text\": \"Same.\"}\n{\"id\": \"a\", \"text\": \"Same.\"}\n{\"id\": \"b\", \"text\": \"Other.\"}\n");

        var summary = await Ingest([jsonl]);

        Assert.Equal(2, summary.New);
        Assert.Equal(1, summary.AlreadyStored);
    }

    [Fact]
    public async Task Ingest_ManyBatches_StoresEveryReport()
    {
        var lines = Enumerable.Range(0, 1234).Select(i => $"{{\"id\": \"r{i}\", \"text\": \"Report number {i} about a convoy.\"}}");
        var jsonl = _folder.Write("many.jsonl", string.Join('\n', lines));

        var summary = await Ingest([jsonl], batchSize: 100);

        Assert.Equal(1234, summary.New);
        Assert.Equal(1234L, await ScalarAsync("SELECT count(*) FROM reports"));
        await using var store = await OpenAsync(_time);
        Assert.Equal(1234, (await store.SearchAsync("convoy", 2000, default)).Count);
    }

    [Fact]
    public async Task Ingest_PipelineFailure_StoresTheTextWithTheError()
    {
        var failing = new PipelineBuilder()
            .Add(new Sitrep.Text.TextNormalizer())
            .Add(new ExplodingStage())
            .Build();
        var jsonl = _folder.Write("r.jsonl", "{\"id\": \"ok\", \"text\": \"Fine.\"}\n{\"id\": \"bad\", \"text\": \"A boom here.\"}\n");

        var summary = await Ingest([jsonl], pipeline: failing);

        Assert.Equal(2, summary.New);
        Assert.Equal(1, summary.PipelineFailures);
        Assert.False(summary.Succeeded);
        var error = (string)(await ScalarAsync("SELECT a.error FROM annotations a JOIN reports r ON r.id = a.report_id WHERE r.external_id = 'bad'"))!;
        Assert.StartsWith("SITREP-INGEST-010: stage 'exploding' failed", error, StringComparison.Ordinal);
        Assert.Equal("A boom here.", await ScalarAsync("SELECT text FROM reports WHERE external_id = 'bad'"));
    }

    [Fact]
    public async Task Search_Blockade_FindsTheSeedArticle()
    {
        await Ingest([ExampleFiles.SeedArticle, ExampleFiles.NewsArticle]);
        await using var store = await OpenAsync(_time);

        var hits = await store.SearchAsync("blockade", 10, default);

        var seed = Assert.Single(hits);
        Assert.Equal(Path.GetFileName(ExampleFiles.SeedArticle), seed.ExternalId);
        Assert.Equal("Armenian Anarchist Group Rises in Besieged Artsakh", seed.Title);
    }

    private sealed class ExplodingStage : IPipelineStage
    {
        public string Name => "exploding";

        public string Version => "1";

        public IReadOnlyList<AnnotationLayer> Requires => [AnnotationLayer.Normalized];

        public IReadOnlyList<AnnotationLayer> Assigns => [];

        public void Process(ReportDocument document, CancellationToken cancellationToken)
        {
            if (document.Text.Contains("boom", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("cannot handle boom");
            }
        }
    }
}

public sealed class SqliteIngestServiceTests : IngestServiceTests
{
    private readonly TempFolder _database = new();

    protected override async Task<IReportStore> OpenAsync(TimeProvider time) => await SqliteReportStore.OpenAsync(_database.Database, time, default);

    protected override Task<object?> ScalarAsync(string sql) => Task.FromResult(_database.Query(sql));

    protected override void Dispose(bool disposing)
    {
        _database.Dispose();
        base.Dispose(disposing);
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresIngestServiceTests(PostgresServer server) : IngestServiceTests, IAsyncLifetime
{
    private string _database = "";

    public async Task InitializeAsync() => _database = await server.CreateDatabaseAsync("ingest");

    public Task DisposeAsync() => Task.CompletedTask;

    protected override async Task<IReportStore> OpenAsync(TimeProvider time) => await PostgresReportStore.OpenAsync(_database, time, default);

    protected override Task<object?> ScalarAsync(string sql) => PostgresQuery.ScalarAsync(_database, sql);
}
