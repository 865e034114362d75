using System.Globalization;
using Npgsql;
using Sitrep.Store.Postgres;
using Sitrep.Store.Sqlite;

namespace Sitrep.Store;

public enum StoreProvider
{
    /// <summary>One SQLite file: the embedded default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database: for more than one machine or several ingest workers.</summary>
    Postgres,
}

/// <summary>
/// Where the reports are kept, as a user names it (<c>--db</c>, <c>SITREP_DB</c>): a file path means
/// SQLite; <c>postgres://user[:password]@host[:port]/database[?sslmode=...]</c> or an Npgsql connection
/// string (<c>Host=...;Database=...</c>) means PostgreSQL. The one place that chooses the provider.
/// </summary>
public sealed record StoreLocation
{
    private StoreLocation(StoreProvider provider, string value)
    {
        Provider = provider;
        Value = value;
    }

    public StoreProvider Provider { get; }

    /// <summary>SQLite: the database file's full path. PostgreSQL: an Npgsql connection string (may hold a password).</summary>
    public string Value { get; }

    /// <summary>For messages and summaries: the file, or <c>postgresql://user@host:port/database</c> without any password.</summary>
    public string Display
    {
        get
        {
            if (Provider == StoreProvider.Sqlite)
            {
                return Value;
            }

            var builder = new NpgsqlConnectionStringBuilder(Value);
            var user = builder.Username is { Length: > 0 } name ? Uri.EscapeDataString(name) + "@" : "";
            return string.Create(CultureInfo.InvariantCulture, $"postgresql://{user}{builder.Host}:{builder.Port}/{Uri.EscapeDataString(builder.Database ?? "")}");
        }
    }

    /// <summary>The SQLite file, its write-ahead log and journal: what ingest must never read as input.</summary>
    public IReadOnlyList<string> Files => Provider == StoreProvider.Sqlite ? [Value, Value + "-wal", Value + "-shm", Value + "-journal"] : [];

    /// <summary>Reads what a user passed; throws <see cref="FormatException"/> (with a SITREP-STORE code) when it cannot be a database.</summary>
    public static StoreLocation Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FormatException("SITREP-STORE-020: the database is empty; give a SQLite file or a PostgreSQL connection (postgres://user@host:port/db)");
        }

        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return new StoreLocation(StoreProvider.Postgres, PostgresUrl.ToConnectionString(text));
        }

        if (text.Contains('=', StringComparison.Ordinal) && TryConnectionString(text) is { } connectionString)
        {
            return new StoreLocation(StoreProvider.Postgres, connectionString);
        }

        return new StoreLocation(StoreProvider.Sqlite, Path.GetFullPath(text));
    }

    /// <summary>Opens the store (creating a SQLite file, or the tables in an existing PostgreSQL database) and brings its schema up to date.</summary>
    public async Task<IReportStore> OpenAsync(TimeProvider time, CancellationToken cancellationToken) => Provider switch
    {
        StoreProvider.Postgres => await PostgresReportStore.OpenAsync(Value, time, cancellationToken),
        _ => await SqliteReportStore.OpenAsync(Value, time, cancellationToken),
    };

    public override string ToString() => Display;

    /// <summary>The normalised connection string when <paramref name="text"/> is one that names a host; otherwise null (a file name with '=' in it).</summary>
    private static string? TryConnectionString(string text)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(text);
            return string.IsNullOrEmpty(builder.Host) ? null : builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
