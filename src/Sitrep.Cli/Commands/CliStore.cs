using Npgsql;
using Sitrep.Store;

namespace Sitrep.Cli.Commands;

/// <summary>
/// Opens the store the commands work on (SQLite file or PostgreSQL, as <see cref="StoreLocation"/>
/// reads <c>--db</c>); the query commands never create an empty SQLite file by accident.
/// </summary>
internal static class CliStore
{
    /// <summary>The store, creating it if needed, or null after printing why it cannot be reached.</summary>
    public static async Task<IReportStore?> OpenAsync(StoreLocation database, CancellationToken cancellationToken)
    {
        try
        {
            return await database.OpenAsync(TimeProvider.System, cancellationToken);
        }
        catch (NpgsqlException e) when (!cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"SITREP-CLI-006: cannot use the PostgreSQL database {database.Display}: {e.Message}");
            return null;
        }
    }

    /// <summary>The store, or null after printing why not (no database yet, or it cannot be reached).</summary>
    public static async Task<IReportStore?> OpenExistingAsync(StoreLocation database, CancellationToken cancellationToken)
    {
        if (database.Provider == StoreProvider.Sqlite && !File.Exists(database.Value))
        {
            await Console.Error.WriteLineAsync($"SITREP-CLI-002: no database at {database.Display}; run 'sitrep ingest PATH...' first, or pass --db FILE");
            return null;
        }

        return await OpenAsync(database, cancellationToken);
    }
}
