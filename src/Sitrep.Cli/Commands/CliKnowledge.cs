using Sitrep.Situation;
using Sitrep.Situation.Review;
using Sitrep.Store;
using Sitrep.Store.Knowledge;

namespace Sitrep.Cli.Commands;

/// <summary>An open store with its knowledge base, brought up to date with the stored reports.</summary>
internal sealed class OpenKnowledge(IReportStore store, KnowledgeBase knowledge) : IAsyncDisposable
{
    public IReportStore Store => store;

    public KnowledgeBase Knowledge => knowledge;

    /// <summary>Every cluster with analysts' decisions applied; rejected ones only when asked for.</summary>
    public async Task<IReadOnlyList<ReviewedCluster>> ClustersAsync(bool includeRejected, CancellationToken cancellationToken)
    {
        var clusters = await knowledge.ClustersAsync(cancellationToken);
        return includeRejected ? clusters : [.. clusters.Where(c => !c.IsRejected)];
    }

    /// <summary>The areas' pictures, from clusters analysts have not rejected, with their corrections.</summary>
    public async Task<IReadOnlyList<AreaPicture>> AreasAsync(CancellationToken cancellationToken) =>
        AreaPictureBuilder.Build([.. (await ClustersAsync(includeRejected: false, cancellationToken)).Select(c => c.Cluster)]);

    public ValueTask DisposeAsync() => store.DisposeAsync();
}

/// <summary>Opens the knowledge base the KB commands (areas, events, actors, review, brief) work on.</summary>
internal static class CliKnowledge
{
    /// <summary>The store and knowledge base, caught up with every stored report; null after printing why not.</summary>
    public static async Task<OpenKnowledge?> OpenAsync(StoreLocation database, CancellationToken cancellationToken)
    {
        var store = await CliStore.OpenExistingAsync(database, cancellationToken);
        if (store is null)
        {
            return null;
        }

        if (For(store) is not { } knowledge)
        {
            await store.DisposeAsync();
            await Console.Error.WriteLineAsync("SITREP-CLI-008: the knowledge base (areas, events, actors, review, brief) is kept in the SQLite store only so far; use --db FILE");
            return null;
        }

        await knowledge.UpdateAsync(cancellationToken);
        return new OpenKnowledge(store, knowledge);
    }

    public static KnowledgeBase? For(IReportStore store) => KnowledgeBase.For(store, TimeProvider.System);

    /// <summary>Who is deciding: --analyst, else $SITREP_ANALYST, else the login name.</summary>
    public static string Analyst(string? given) =>
        given is { Length: > 0 } ? given
        : Environment.GetEnvironmentVariable("SITREP_ANALYST") is { Length: > 0 } fromEnvironment ? fromEnvironment
        : Environment.UserName;
}
