using Sitrep.Store;
using Sitrep.Store.Sqlite;

namespace Sitrep.Cli.Commands;

/// <summary>Opens the store the commands work on; the query commands never create an empty database by accident.</summary>
internal static class CliStore
{
    public static async Task<IReportStore> OpenAsync(FileInfo database, CancellationToken cancellationToken) =>
        await SqliteReportStore.OpenAsync(database.FullName, TimeProvider.System, cancellationToken);

    /// <summary>The store, or null after printing why not (no database yet).</summary>
    public static async Task<IReportStore?> OpenExistingAsync(FileInfo database, CancellationToken cancellationToken)
    {
        if (!database.Exists)
        {
            await Console.Error.WriteLineAsync($"SITREP-CLI-002: no database at {database.FullName}; run 'sitrep ingest PATH...' first, or pass --db FILE");
            return null;
        }

        return await OpenAsync(database, cancellationToken);
    }
}
