namespace Sitrep.Server;

/// <summary>Who may read the reports, events and areas.</summary>
public enum ReadAccess
{
    /// <summary>Anyone who can reach the server reads; writes still need an analyst.</summary>
    Public,

    /// <summary>Only signed-in users (any role) read.</summary>
    Login,
}

/// <summary>How <c>sitrep serve</c> runs: the database, where to listen, who may read, the limits on ingest.</summary>
public sealed record ServerOptions
{
    /// <summary>The database: a SQLite file, or PostgreSQL for several servers (and ingest workers) on one database.</summary>
    public required Sitrep.Store.StoreLocation Database { get; init; }

    public string Urls { get; init; } = "http://127.0.0.1:8080";

    public ReadAccess ReadAccess { get; init; } = ReadAccess.Public;

    /// <summary>The data folder (<c>.data</c>): the front-end libraries live in its <c>web/node_modules</c>.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>The dashboard's own files; default: <c>wwwroot</c> beside the server assembly.</summary>
    public string? WebRoot { get; init; }

    /// <summary>Largest request body of an ingest (one JSON report or a multipart upload of several files).</summary>
    public long MaxUploadBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>Largest single input of an upload, as <c>sitrep ingest --max-file-size</c>.</summary>
    public long MaxFileBytes { get; init; } = Ingest.IngestLimits.DefaultMaxFileBytes;

    /// <summary>Ingest requests one user (or address, when anonymous) may make per minute.</summary>
    public int IngestPermitsPerMinute { get; init; } = 30;

    /// <summary>Sign-in attempts one address may make per minute.</summary>
    public int LoginPermitsPerMinute { get; init; } = 10;
}
