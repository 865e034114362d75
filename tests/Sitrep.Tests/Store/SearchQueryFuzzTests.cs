using FsCheck;
using FsCheck.Xunit;
using Sitrep.Documents;
using Sitrep.Ingest;
using Sitrep.Store;
using Sitrep.Store.Postgres;
using Sitrep.Store.Sqlite;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Store;

/// <summary>Whatever a user types into search, the store answers (possibly nothing) and never fails on query syntax; on each provider.</summary>
public abstract class SearchQueryFuzzTests : IAsyncLifetime
{
    private static readonly char[] Syntax = ['"', '*', '(', ')', ':', '-', '+', '^', '{', '}', ',', '.', '\'', ' ', ' ', 'a', 'b', 'O', 'R', 'N', 'T', '&', '|', '!', '<', '>', '\\'];
    private IReportStore? _store;

    protected abstract Task<IReportStore> OpenAsync();

    public virtual async Task InitializeAsync()
    {
        _store = await OpenAsync();
        var text = "A blockade of the road (the only one) cut off fuel: \"no trucks\" since NEAR OR AND NOT a+b.";
        await _store.SaveBatchAsync(
        [
            new ReportToStore
            {
                Source = new SourceReport { ExternalId = "r", Text = text, Format = InputFormat.Text, Origin = "r.txt", Metadata = ReportMetadata.Empty },
                Hash = ContentHash.Of("r", text),
                Annotations = "{}",
                Pipeline = "test@1",
            },
        ], default);
    }

    public virtual async Task DisposeAsync() => await _store!.DisposeAsync();

    [Property(MaxTest = 300)]
    public void Search_ArbitraryText_NeverThrows(NonNull<string> query)
    {
        var hits = _store!.SearchAsync(query.Get, 5, default).GetAwaiter().GetResult();

        Assert.NotNull(hits);
    }

    [Property(MaxTest = 300)]
    public void Search_QueriesMadeOfSyntax_NeverThrow(int seed)
    {
        var random = new Random(seed);
        var query = new string([.. Enumerable.Range(0, random.Next(1, 20)).Select(_ => Syntax[random.Next(Syntax.Length)])]);

        var hits = _store!.SearchAsync(query, 5, default).GetAwaiter().GetResult();

        Assert.NotNull(hits);
    }
}

public sealed class SqliteSearchQueryFuzzTests : SearchQueryFuzzTests
{
    private readonly TempFolder _folder = new();

    protected override async Task<IReportStore> OpenAsync() =>
        await SqliteReportStore.OpenAsync(_folder.Database, new FixedTimeProvider(DateTimeOffset.UnixEpoch), default);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _folder.Dispose();
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresSearchQueryFuzzTests(PostgresServer server) : SearchQueryFuzzTests
{
    protected override async Task<IReportStore> OpenAsync() =>
        await PostgresReportStore.OpenAsync(await server.CreateDatabaseAsync("fuzz"), new FixedTimeProvider(DateTimeOffset.UnixEpoch), default);
}
