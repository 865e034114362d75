using Npgsql;
using Sitrep.Store.Migrations;

namespace Sitrep.Store.Postgres;

/// <summary>
/// Applies the PostgreSQL migrations a database lacks, each in its own transaction together with its row
/// in <c>schema_migrations</c> (DDL is transactional in PostgreSQL, so a crash leaves a known version).
/// Safe when several workers start at once: the whole run holds a session advisory lock, so the second
/// process waits and then finds everything applied.
/// </summary>
internal static class PostgresMigrator
{
    // The advisory lock's two-key form (0x53545250 = "STRP", 1): a key space apart from the one-key locks on external ids.
    private const string Lock = "SELECT pg_advisory_lock(1398035024, 1)";
    private const string Unlock = "SELECT pg_advisory_unlock(1398035024, 1)";

    public static IReadOnlyList<Migration> Embedded { get; } = Migration.Load(typeof(PostgresMigrator).Assembly, "postgres-migrations/");

    public static async Task<int> MigrateAsync(NpgsqlDataSource dataSource, IReadOnlyList<Migration> migrations, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // The usual case, and the only one a user without CREATE rights can open: nothing to do, no lock, no DDL.
        var recorded = await AppliedAsync(connection, cancellationToken);
        if (migrations.All(m => recorded.Contains(m.Version)))
        {
            return 0;
        }

        await Execute(connection, Lock, cancellationToken);
        try
        {
            await Execute(connection, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    integer PRIMARY KEY,
                    name       text        NOT NULL,
                    applied_at timestamptz NOT NULL
                )
                """, cancellationToken);

            var applied = await AppliedAsync(connection, cancellationToken);
            var count = 0;
            foreach (var migration in migrations.Where(m => !applied.Contains(m.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using (var apply = new NpgsqlCommand(migration.Sql, connection, transaction))
                {
                    await apply.ExecuteNonQueryAsync(cancellationToken);
                }

                await using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)", connection, transaction))
                {
                    record.Parameters.Add(new() { Value = migration.Version });
                    record.Parameters.Add(new() { Value = migration.Name });
                    record.Parameters.Add(new() { Value = time.GetUtcNow() });
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                count++;
            }

            return count;
        }
        finally
        {
            // Not cancellable: the lock must not outlive this run on a pooled connection. A broken
            // connection has ended its session, and the lock with it.
            if (connection.FullState == System.Data.ConnectionState.Open)
            {
                await Execute(connection, Unlock, CancellationToken.None);
            }
        }
    }

    /// <summary>The versions recorded in <c>schema_migrations</c>; none when the table does not exist yet.</summary>
    private static async Task<IReadOnlySet<int>> AppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new HashSet<int>();
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('schema_migrations') IS NOT NULL", connection))
        {
            if (await exists.ExecuteScalarAsync(cancellationToken) is not true)
            {
                return applied;
            }
        }

        await using var read = new NpgsqlCommand("SELECT version FROM schema_migrations", connection);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied.Add(reader.GetInt32(0));
        }

        return applied;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
