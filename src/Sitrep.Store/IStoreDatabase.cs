using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Sitrep.Store;

/// <summary>
/// The store's database, for the features that keep their own tables beside the reports (users and API
/// keys, the server's data-protection keys). Their SQL is written once for both providers: named
/// parameters as <c>@name</c>, <c>RETURNING</c>, no provider-only functions.
/// </summary>
/// <remarks>Connections come from the store's pool; safe to share between threads.</remarks>
public interface IStoreDatabase
{
    StoreProvider Provider { get; }

    /// <summary>An open connection the caller disposes.</summary>
    Task<DbConnection> OpenDatabaseConnectionAsync(CancellationToken cancellationToken);
}

/// <summary>What the providers' errors mean, in one place.</summary>
public static class StoreErrors
{
    /// <summary>True when the statement broke a UNIQUE constraint (SQLite's SQLITE_CONSTRAINT, PostgreSQL's 23505).</summary>
    public static bool IsUniqueViolation(DbException error) => error switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
