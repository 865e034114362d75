using Sitrep.Documents;
using Sitrep.Ingest;
using Sitrep.Pipeline;
using Sitrep.Store.Ingestion;
using Sitrep.Store.Sqlite;
using Sitrep.Tests.Ingest;

namespace Sitrep.Tests.Store;

public sealed class IngestServiceTests : IDisposable
{
    private static readonly ReportPipeline Pipeline = DefaultPipeline.Create(PipelineResources.FromEnvironment());
    private readonly TempFolder _folder = new();
    private readonly FixedTimeProvider _time = new(new DateTimeOffset(2023, 9, 13, 8, 0, 0, TimeSpan.Zero));

    public void Dispose() => _folder.Dispose();

    private async Task<IngestSummary> Ingest(IReadOnlyList<string> paths, long maxFileBytes = IngestLimits.DefaultMaxFileBytes, ReportPipeline? pipeline = null, int batchSize = 500)
    {
        await using var store = await SqliteReportStore.OpenAsync(_folder.Database, _time, default);
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
        Assert.Equal(5L, _folder.Query("SELECT count(*) FROM reports"));
        Assert.Equal(5L, _folder.Query("SELECT count(DISTINCT content_hash) FROM reports"));
        Assert.Equal(5L, _folder.Query("SELECT count(*) FROM annotations"));
    }

    [Fact]
    public async Task Ingest_EditedTelegramPost_KeepsBothVersions()
    {
        await Ingest([ExampleFiles.TelegramExport]);
        var edited = await Ingest([ExampleFiles.TelegramExportEdited]);

        Assert.Equal(1, edited.NewVersions);
        Assert.Equal(2, edited.AlreadyStored);
        Assert.Equal(2L, _folder.Query("SELECT count(*) FROM reports WHERE external_id = 'telegram:1777000123/3'"));
        Assert.Equal(2L, _folder.Query("SELECT max(version) FROM reports WHERE external_id = 'telegram:1777000123/3'"));
        Assert.Equal(
            "Bread queues in Stepanakert start before dawn. #blockade",
            _folder.Query("SELECT text FROM reports WHERE external_id = 'telegram:1777000123/3' AND version = 1"));
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
        Assert.Equal(5L, _folder.Query("SELECT count(*) FROM reports"));
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
        Assert.Equal(1234L, _folder.Query("SELECT count(*) FROM reports"));
        Assert.Equal(1234L, _folder.Query("SELECT count(*) FROM reports_fts WHERE reports_fts MATCH 'convoy'"));
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
        var error = (string)_folder.Query("SELECT a.error FROM annotations a JOIN reports r ON r.id = a.report_id WHERE r.external_id = 'bad'")!;
        Assert.StartsWith("SITREP-INGEST-010: stage 'exploding' failed", error, StringComparison.Ordinal);
        Assert.Equal("A boom here.", _folder.Query("SELECT text FROM reports WHERE external_id = 'bad'"));
    }

    [Fact]
    public async Task Search_Blockade_FindsTheSeedArticle()
    {
        await Ingest([ExampleFiles.SeedArticle, ExampleFiles.NewsArticle]);
        await using var store = await SqliteReportStore.OpenAsync(_folder.Database, _time, default);

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
