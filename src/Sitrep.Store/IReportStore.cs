namespace Sitrep.Store;

/// <summary>
/// The storage seam: SQLite by default, PostgreSQL when one machine is outgrown. The pipeline never
/// sees it; ingest hands it processed documents. Implementations are safe to share between threads.
/// </summary>
public interface IReportStore : IAsyncDisposable
{
    /// <summary>Creates or upgrades the schema to the latest migration.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>Which of <paramref name="hashes"/> are already stored (so ingest can skip their pipeline run).</summary>
    Task<IReadOnlySet<ContentHash>> FindStoredAsync(IReadOnlyCollection<ContentHash> hashes, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a batch in one transaction: all of it or, if anything fails or the process dies, none of it.
    /// Content already stored is left as it is and reported as <see cref="SaveOutcome.AlreadyStored"/>.
    /// </summary>
    Task<IReadOnlyList<SavedReport>> SaveBatchAsync(IReadOnlyList<ReportToStore> reports, CancellationToken cancellationToken);

    /// <summary>The most recently ingested reports first.</summary>
    Task<IReadOnlyList<ReportSummary>> ListAsync(int limit, CancellationToken cancellationToken);

    Task<StoredReport?> GetAsync(ReportId id, CancellationToken cancellationToken);

    /// <summary>The latest version of the report the source calls <paramref name="externalId"/>.</summary>
    Task<StoredReport?> GetLatestAsync(string externalId, CancellationToken cancellationToken);

    /// <summary>Full-text search over titles and texts, best match first. Any user text is a valid query.</summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken);

    Task<long> CountAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a stored report's annotations with a newer pipeline's (<c>sitrep reprocess</c>). The report's
    /// text and metadata are never touched. False when no such report exists.
    /// </summary>
    Task<bool> ReplaceAnnotationsAsync(ReportId id, string pipeline, string annotations, string? error, CancellationToken cancellationToken);
}
