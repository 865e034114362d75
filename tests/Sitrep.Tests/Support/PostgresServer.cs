namespace Sitrep.Tests.Support;

/// <summary>The xunit fixture around <see cref="TemporaryPostgres"/>: one server for all PostgreSQL test classes, a database per test.</summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly TemporaryPostgres _server = new();

    /// <summary>A new, empty database; its connection string.</summary>
    public Task<string> CreateDatabaseAsync(string prefix) => _server.CreateDatabaseAsync(prefix);

    public Task InitializeAsync() => _server.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();
}

/// <summary>Test classes that need PostgreSQL share one server (each test makes its own database).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
