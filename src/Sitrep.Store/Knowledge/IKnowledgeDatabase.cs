using System.Data.Common;

namespace Sitrep.Store.Knowledge;

/// <summary>
/// What the knowledge base needs of a store's database: connections, and a write lock so that one
/// knowledge-base update runs at a time (several ingest workers may finish at once). Implemented by the
/// SQLite and the PostgreSQL store; the knowledge base's SQL is written to run on both.
/// </summary>
internal interface IKnowledgeDatabase
{
    Task<DbConnection> OpenKnowledgeConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Begins a transaction that holds the knowledge base's write lock until it ends.</summary>
    Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Whether statements should be prepared explicitly (SQLite); Npgsql prepares automatically.</summary>
    bool PreparesStatements { get; }
}
