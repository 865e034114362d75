namespace Sitrep.Store;

/// <summary>
/// The storage seam: SQLite by default, PostgreSQL when one machine is outgrown. The pipeline never
/// sees it; ingest hands it processed documents.
/// </summary>
public interface IReportStore : IAsyncDisposable
{
    /// <summary>Creates or upgrades the schema to the latest migration.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);
}
