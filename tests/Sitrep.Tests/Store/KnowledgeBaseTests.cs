using Sitrep.Ingest;
using Sitrep.Pipeline;
using Sitrep.Situation;
using Sitrep.Situation.Review;
using Sitrep.Store;
using Sitrep.Store.Ingestion;
using Sitrep.Store.Knowledge;
using Sitrep.Store.Sqlite;

namespace Sitrep.Tests.Store;

/// <summary>
/// The persisted knowledge base: incremental, order-independent, crash-safe, reviewable. Run on a real
/// SQLite file and on a real PostgreSQL server (the subclasses).
/// </summary>
public abstract class KnowledgeBaseTests : IDisposable
{
    private static readonly ReportPipeline Pipeline = DefaultPipeline.Create(PipelineResources.FromEnvironment());
    private readonly TempFolder _folder = new();
    private readonly FixedTimeProvider _time = new(new DateTimeOffset(2023, 9, 20, 8, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Opens (creating on first use) the store called <paramref name="name"/> for this test.</summary>
    protected abstract Task<IReportStore> OpenStoreAsync(string name, TimeProvider time);

    private protected TempFolder Folder => _folder;

    // Our own short reports: one delivery told by an outlet and a channel, a blockade told twice, and
    // an unrelated delivery elsewhere on the same day.
    private static readonly string[] Reports =
    [
        """{"id": "outlet-1", "published": "2023-09-12", "source": "Caucasus Desk", "text": "A truck of the Russian Red Cross carrying humanitarian aid reached Stepanakert on Tuesday."}""",
        """{"id": "channel-1", "published": "2023-09-12", "channel": "Stepanakert Watch", "text": "Russian aid truck reached Stepanakert today through the Aghdam road."}""",
        """{"id": "outlet-2", "published": "2022-12-13", "source": "Caucasus Desk", "text": "Azerbaijan blocked the Lachin corridor on Monday, cutting Nagorno-Karabakh off from Armenia."}""",
        """{"id": "wire-1", "published": "2022-12-13", "source": "Regional Wire", "text": "Azerbaijan blocked the Lachin corridor on Monday, activists said, closing the only road to Armenia."}""",
        """{"id": "levant-1", "published": "2023-09-12", "source": "Levant Desk", "text": "An aid convoy reached Madaya in Rif Dimashq on Tuesday with food for 40,000 people."}""",
    ];

    private async Task<KnowledgeBase> IngestAsync(string database, IEnumerable<string> lines, bool update = true)
    {
        var store = await OpenStoreAsync(database, _time);
        await using (store)
        {
            var loader = new InputLoader(new IngestLimits(), ReportReaders.Default);
            var service = new IngestService(store, Pipeline, loader, _time);

            // One input per report, so the order of the lines is the order reports are stored and taken in.
            var i = 0;
            foreach (var line in lines)
            {
                var path = _folder.File($"in-{database}-{i++}.jsonl");
                await File.WriteAllTextAsync(path, line + "\n");
                await service.IngestAsync([path], new IngestOptions(), null, null, default);
                if (update)
                {
                    await new KnowledgeBase(store, _time).UpdateAsync(default);
                }
            }
        }

        return new KnowledgeBase(await OpenStoreAsync(database, _time), _time);
    }

    // A picture independent of report ids (which follow arrival order): clusters as sets of event keys.
    private static async Task<string> PictureAsync(KnowledgeBase knowledge)
    {
        var clusters = await knowledge.ClustersAsync(default);
        return string.Join(
            "\n",
            clusters.Select(c => c.Cluster.Id + " <- " + string.Join(" ", c.Cluster.Members.Select(m => m.Key).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Update_SameDeliveryFromOutletAndChannel_IsOneEventWithBothSources()
    {
        var knowledge = await IngestAsync("a", Reports);

        var clusters = await knowledge.ClustersAsync(default);
        var truck = Assert.Single(clusters, c => c.Cluster.Members.Any(m => m.Type == "AID_DELIVERED" && m.PlaceName is { } p && p.Contains("Xankandi", StringComparison.Ordinal)));
        Assert.Equal(2, truck.Cluster.Sources.Count);
        Assert.Contains(truck.Cluster.Reasons.SelectMany(r => r.Evidence), e => e.StartsWith("same place", StringComparison.Ordinal));

        // The Madaya convoy of the same day stays its own event.
        var madaya = Assert.Single(clusters, c => c.Cluster.Members.Any(m => m.Type == "AID_DELIVERED" && m.PlaceName is { } p && p.Contains("Ma", StringComparison.Ordinal) && p.Contains("y", StringComparison.Ordinal) && m.Latitude < 35));
        Assert.Single(madaya.Cluster.Sources);
    }

    [Fact]
    public async Task Update_AnyArrivalOrder_GivesTheSamePicture()
    {
        var forward = await PictureAsync(await IngestAsync("forward", Reports));
        var backward = await PictureAsync(await IngestAsync("backward", Reports.Reverse()));
        var shuffled = await PictureAsync(await IngestAsync("shuffled", [Reports[2], Reports[0], Reports[4], Reports[3], Reports[1]]));

        Assert.Equal(forward, backward);
        Assert.Equal(forward, shuffled);
        Assert.Contains(" ", forward.Split('\n').Select(l => l[(l.IndexOf("<- ", StringComparison.Ordinal) + 3)..]).First(l => l.Contains(' ', StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Update_Twice_TakesNothingInTheSecondTime()
    {
        var knowledge = await IngestAsync("twice", Reports);
        var before = await PictureAsync(knowledge);

        var again = await knowledge.UpdateAsync(default);
        var rebuilt = await knowledge.RebuildAsync(default);

        Assert.Equal(0, again.Reports);
        Assert.Equal(Reports.Length, rebuilt.Reports);
        Assert.Equal(before, await PictureAsync(knowledge));
    }

    [Fact]
    public async Task Update_ReportsStoredButNotTakenIn_AreCaughtUpNextTime()
    {
        // As after a crash between storing a batch and updating the knowledge base.
        var knowledge = await IngestAsync("crash", Reports, update: false);
        Assert.Empty(await knowledge.ClustersAsync(default));

        var caughtUp = await knowledge.UpdateAsync(default);

        Assert.Equal(Reports.Length, caughtUp.Reports);
        Assert.Equal(
            await PictureAsync(await IngestAsync("normal", Reports)),
            await PictureAsync(knowledge));
    }

    [Fact]
    public async Task Update_TwoWorkersAtOnce_TakeEachReportInOnce()
    {
        await IngestAsync("workers", Reports, update: false);
        var expected = await PictureAsync(await IngestAsync("alone", Reports));

        // Two stores (two connection pools), as two ingest worker processes finishing together would have.
        await using var first = await OpenStoreAsync("workers", _time);
        await using var second = await OpenStoreAsync("workers", _time);
        var updates = await Task.WhenAll(
            Task.Run(() => new KnowledgeBase(first, _time).UpdateAsync(default)),
            Task.Run(() => new KnowledgeBase(second, _time).UpdateAsync(default)));

        Assert.Equal(Reports.Length, updates.Sum(u => u.Reports));
        Assert.Equal(expected, await PictureAsync(new KnowledgeBase(first, _time)));
    }

    [Fact]
    public async Task Review_CorrectionSurvivesRebuildAndReextraction()
    {
        var database = "review";
        var knowledge = await IngestAsync(database, Reports);
        var truck = (await knowledge.ClustersAsync(default)).Single(c => c.Cluster.Sources.Count == 2 && c.Cluster.Members[0].Type == "AID_DELIVERED");
        var key = truck.Cluster.Members[^1].Key;

        await knowledge.RecordAsync(Decision(ReviewKind.Correct, key, field: "quantity:vehicles", value: "3"), default);
        await knowledge.RecordAsync(Decision(ReviewKind.Correct, key, field: "date", value: "2023-09-12"), default);

        // Re-extraction with the current pipeline, then a rebuild of everything derived.
        await using (var store = await OpenStoreAsync(database, _time))
        {
            await new ReprocessService(store, Pipeline).ReprocessAsync(default);
            await new KnowledgeBase(store, _time).RebuildAsync(default);
        }

        var after = (await knowledge.ClustersAsync(default)).Single(c => c.Cluster.Members.Any(m => m.Key == key));
        Assert.Equal(ReviewStatus.Corrected, after.Review.Status);
        Assert.All(after.Cluster.Members, m => Assert.Contains(m.Quantities, q => q is { Category: "vehicles", Value: 3 }));
        var merged = MergedEvent.From(after.Cluster);
        Assert.Equal("2023-09-12", Assert.Single(merged.Dates).Value);
        Assert.Equal(2, merged.Sources.Count);
        var log = await knowledge.ReviewLogAsync(default);
        Assert.Equal(["alice", "alice"], log.Select(d => d.Analyst));
        Assert.All(log, d => Assert.Equal(_time.GetUtcNow(), d.At));
    }

    [Fact]
    public async Task Review_RejectHidesAndRestoreBringsBack()
    {
        var knowledge = await IngestAsync("reject", Reports);
        var any = (await knowledge.ClustersAsync(default)).First();

        await knowledge.RecordAsync(Decision(ReviewKind.Reject, any.Cluster.Id), default);
        Assert.True((await knowledge.ClustersAsync(default)).Single(c => c.Cluster.Id == any.Cluster.Id).IsRejected);

        await knowledge.RecordAsync(Decision(ReviewKind.Restore, any.Cluster.Id), default);
        Assert.Equal(ReviewStatus.Unreviewed, (await knowledge.ClustersAsync(default)).Single(c => c.Cluster.Id == any.Cluster.Id).Review.Status);
    }

    [Fact]
    public async Task Review_SplitAndMerge_ChangeClustersAndSurviveRebuild()
    {
        var knowledge = await IngestAsync("split", Reports);
        var clusters = await knowledge.ClustersAsync(default);
        var pair = clusters.First(c => c.Cluster.Members.Count == 2);
        var (first, second) = (pair.Cluster.Members[0].Key, pair.Cluster.Members[1].Key);

        await knowledge.RecordAsync(Decision(ReviewKind.Split, second), default);
        var split = await knowledge.ClustersAsync(default);
        Assert.Single(split.Single(c => c.Cluster.Id == first).Cluster.Members);
        Assert.Single(split.Single(c => c.Cluster.Id == second).Cluster.Members);

        await knowledge.RebuildAsync(default);
        Assert.Single((await knowledge.ClustersAsync(default)).Single(c => c.Cluster.Id == second).Cluster.Members);

        // An analyst's merge joins what the matcher would never join: two unrelated single events (the
        // truck that stayed after the split, and the convoy to Madaya).
        var singles = (await knowledge.ClustersAsync(default)).Where(c => c.Cluster.Members.Count == 1 && c.Cluster.Id != second).Take(2).ToList();
        Assert.Equal(2, singles.Count);
        await knowledge.RecordAsync(Decision(ReviewKind.Merge, singles[0].Cluster.Id, other: singles[1].Cluster.Id), default);
        await knowledge.RebuildAsync(default);
        var joined = (await knowledge.ClustersAsync(default)).Single(c => c.Cluster.Members.Any(m => m.Key == singles[0].Cluster.Id));
        Assert.Contains(joined.Cluster.Members, m => m.Key == singles[1].Cluster.Id);
        Assert.Contains(joined.Cluster.Reasons.SelectMany(r => r.Evidence), e => e == "joined by alice");
    }

    [Fact]
    public async Task Update_EditedPost_ReplacesItsFirstVersion()
    {
        var first = """{"id": "channel-9", "published": "2023-09-19", "channel": "Stepanakert Watch", "text": "Heavy shelling in Stepanakert since this afternoon."}""";
        var edited = """{"id": "channel-9", "published": "2023-09-19", "channel": "Stepanakert Watch", "text": "Heavy shelling in Stepanakert since this afternoon, several districts hit."}""";
        var knowledge = await IngestAsync("edited", [first, edited]);

        var clusters = await knowledge.ClustersAsync(default);

        Assert.Single(clusters.SelectMany(c => c.Cluster.Sources).Distinct());
        Assert.DoesNotContain(clusters, c => c.Cluster.Sources.Contains("1"));
    }

    [Fact]
    public async Task Actors_AcrossReports_HaveFirstSeenAndChannel()
    {
        var knowledge = await IngestAsync("actors", Reports);

        var actors = await knowledge.ActorsAsync(default);

        var azerbaijan = Assert.Single(actors, a => a.Id == "AZE");
        Assert.Equal(new DateOnly(2022, 12, 13), azerbaijan.FirstSeen);
        Assert.Equal(2, azerbaijan.Reports);
        Assert.Equal("Caucasus Desk", azerbaijan.FirstChannel);
        Assert.DoesNotContain(actors, a => a.Emerging);
    }

    [Fact]
    public async Task Update_SyndicatedCopy_IsLinkedAsNearDuplicateAndItsEventsMerge()
    {
        const string Story = "Azerbaijan blocked the Lachin corridor on Monday, cutting Nagorno-Karabakh off from Armenia. "
            + "About 120,000 people live in the region, which now depends on deliveries by the International Committee of the Red Cross. "
            + "Residents in Stepanakert reported queues for bread and fuel shortages as shops ran out of basic goods.";
        var original = $$"""{"id": "desk-7", "published": "2022-12-13", "source": "Caucasus Desk", "text": "{{Story}}"}""";
        var copy = $$"""{"id": "wire-7", "published": "2022-12-13", "source": "Regional Wire", "text": "Regional Wire - {{Story}} Reporting by our staff."}""";
        var other = Reports[4];
        var knowledge = await IngestAsync("syndicated", [original, other, copy]);

        var duplicates = await knowledge.NearDuplicatesAsync(new ReportId(1), default);
        var (report, similarity) = Assert.Single(duplicates);
        Assert.Equal(3, report.Value);
        Assert.InRange(similarity, 0.7, 1.0);
        Assert.Empty(await knowledge.NearDuplicatesAsync(new ReportId(2), default));
        // The copy's events are the original's: merged, with both reports as sources.
        var clusters = await knowledge.ClustersAsync(default);
        Assert.Contains(clusters, c => c.Cluster.Sources.SequenceEqual(["1", "3"]));
        Assert.DoesNotContain(clusters, c => c.Cluster.Sources.SequenceEqual(["3"]));
    }

    private ReviewDecision Decision(ReviewKind kind, string target, string? field = null, string? value = null, string? other = null) =>
        new() { Kind = kind, Target = target, Field = field, Value = value, Other = other, Analyst = "alice", At = _time.GetUtcNow() };
}

/// <summary>The knowledge base in SQLite files.</summary>
public sealed class SqliteKnowledgeBaseTests : KnowledgeBaseTests
{
    protected override async Task<IReportStore> OpenStoreAsync(string name, TimeProvider time) =>
        await SqliteReportStore.OpenAsync(Folder.File(name + ".db"), time, default);
}

/// <summary>The knowledge base in PostgreSQL databases on a real server.</summary>
[Collection(Sitrep.Tests.Support.PostgresCollection.Name)]
public sealed class PostgresKnowledgeBaseTests(Sitrep.Tests.Support.PostgresServer server) : KnowledgeBaseTests
{
    private readonly Dictionary<string, string> _databases = new(StringComparer.Ordinal);

    protected override async Task<IReportStore> OpenStoreAsync(string name, TimeProvider time)
    {
        if (!_databases.TryGetValue(name, out var connection))
        {
            _databases[name] = connection = await server.CreateDatabaseAsync("kb");
        }

        return await Sitrep.Store.Postgres.PostgresReportStore.OpenAsync(connection, time, default);
    }
}

/// <summary>The persisted knowledge base forms exactly the clusters of the in-memory merger, in any arrival order.</summary>
public sealed class KnowledgeBaseMergeEquivalenceTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task AddEvents_ShuffledSyntheticEvents_SameClustersAsEventMerger(int seed)
    {
        var random = new Random(seed);
        var events = Synthetic(150, random);
        var shuffled = events.OrderBy(_ => random.Next()).ToList();

        var merger = new EventMerger(new EventMatcher());
        foreach (var item in events)
        {
            merger.Add(item);
        }

        var database = _folder.File($"equivalence-{seed}.db");
        await using var store = await SqliteReportStore.OpenAsync(database, TimeProvider.System, default);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=False"))
        {
            connection.Open();
            using var insert = connection.CreateCommand();
            insert.CommandText = string.Join(';', Enumerable.Range(1, 60).Select(i =>
                $"INSERT INTO reports (id, content_hash, external_id, version, format, origin, ingested_at, text) VALUES ({i}, 'h{i}', 'r{i}', 1, 'text', 'test', '2026-01-01T00:00:00Z', '')"));
            insert.ExecuteNonQuery();
        }

        var knowledge = new KnowledgeBase(store, TimeProvider.System);
        await knowledge.AddEventsAsync(shuffled, perTransaction: 100, default);

        static string Canonical(IEnumerable<EventCluster> clusters) =>
            string.Join('\n', clusters.Select(c => c.Id + ":" + string.Join(',', c.Members.Select(m => m.Key).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal));
        var expected = Canonical(merger.Clusters());
        Assert.Equal(expected, Canonical((await knowledge.ClustersAsync(default)).Select(c => c.Cluster)));
        Assert.Contains(merger.Clusters(), c => c.Members.Count > 2);
    }

    // Deliveries, blockades and clashes in thirty towns over two months, many told by several reports,
    // some unlocated, some dated only by month or only by publication. Clusters stay within the number of
    // members a new event is compared with, where the persisted merge is exact.
    private static List<SituationEvent> Synthetic(int count, Random random)
    {
        string[] types = ["AID_DELIVERED", "BLOCKADE", "ARMED_CLASH"];
        string?[] actors = ["AZE", "ARM", "RUS", "RUS-RC", null];
        string[] words = ["truck reached the town", "convoy entered the town", "road blocked by protesters", "shelling hit the centre", "aid arrived at dawn", "the crossing stayed shut"];
        var events = new List<SituationEvent>(count);
        for (var i = 0; i < count; i++)
        {
            var placeIndex = random.Next(32);
            (double Lat, double Lon)? place = placeIndex >= 30 ? null : (30 + (placeIndex % 6), 40 + (placeIndex / 6));
            var day = new DateOnly(2023, 8, 1).AddDays(random.Next(60));
            var dateKind = random.Next(10);
            var date = dateKind switch
            {
                0 => day.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                1 => null,
                _ => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            };
            events.Add(new SituationEvent
            {
                Key = $"k{i:D5}",
                ReportId = (1 + random.Next(60)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Type = types[random.Next(types.Length)],
                When = Sitrep.Time.TimexInterval.Parse(date),
                Published = day.AddDays(random.Next(2)),
                Latitude = place?.Lat,
                Longitude = place?.Lon,
                PlaceName = place is null ? null : $"p{placeIndex}",
                Actor1 = actors[random.Next(actors.Length)],
                Actor1Country = "RU",
                EvidenceText = words[random.Next(words.Length)],
            });
        }

        return events;
    }
}
