using Npgsql;
using Sitrep.Store;

namespace Sitrep.Tests.Store;

public sealed class StoreLocationTests
{
    [Theory]
    [InlineData("sitrep.db")]
    [InlineData("/var/lib/sitrep/reports.sqlite")]
    [InlineData("data=1.db")]
    [InlineData("postgres.db")]
    public void Parse_AFilePath_IsSqliteWithTheFullPath(string text)
    {
        var location = StoreLocation.Parse(text);

        Assert.Equal(StoreProvider.Sqlite, location.Provider);
        Assert.Equal(Path.GetFullPath(text), location.Value);
        Assert.Equal(location.Value, location.Display);
        Assert.Contains(location.Value + "-wal", location.Files);
    }

    [Fact]
    public void Parse_APostgresUrl_GivesTheConnectionStringAndHidesThePassword()
    {
        var location = StoreLocation.Parse("postgres://sitrep:s%40cret@db.example:6543/reports?sslmode=require&application_name=worker-1");

        Assert.Equal(StoreProvider.Postgres, location.Provider);
        var builder = new NpgsqlConnectionStringBuilder(location.Value);
        Assert.Equal(("sitrep", "s@cret", "db.example", 6543, "reports"), (builder.Username, builder.Password, builder.Host, builder.Port, builder.Database));
        Assert.Equal(SslMode.Require, builder.SslMode);
        Assert.Equal("worker-1", builder.ApplicationName);
        Assert.Equal("postgresql://sitrep@db.example:6543/reports", location.Display);
        Assert.Empty(location.Files);
    }

    [Theory]
    [InlineData("postgresql://localhost/sitrep", "localhost", 5432, "sitrep", null)]
    [InlineData("POSTGRES://user@[::1]:5433/db", "::1", 5433, "db", "user")]
    [InlineData("postgresql:///sitrep?host=/var/run/postgresql", "/var/run/postgresql", 5432, "sitrep", null)]
    [InlineData("postgres://u@h1:5432,h2:5433/db", "h1:5432,h2:5433", 5432, "db", "u")]
    public void Parse_UrlForms_AreUnderstood(string url, string host, int port, string database, string? user)
    {
        var builder = new NpgsqlConnectionStringBuilder(StoreLocation.Parse(url).Value);

        Assert.Equal((host, port, database, user), (builder.Host, builder.Port, builder.Database, builder.Username));
    }

    [Fact]
    public void Parse_AnNpgsqlConnectionString_IsPostgres()
    {
        var location = StoreLocation.Parse("Host=127.0.0.1;Port=5544;Database=sitrep;Username=ingest;Password=pw");

        Assert.Equal(StoreProvider.Postgres, location.Provider);
        Assert.Equal("postgresql://ingest@127.0.0.1:5544/sitrep", location.Display);
        Assert.Equal("pw", new NpgsqlConnectionStringBuilder(location.Value).Password);
    }

    [Theory]
    [InlineData("postgres://user@host:port/db", "SITREP-STORE-021")]
    [InlineData("postgres://user@host:70000/db", "SITREP-STORE-021")]
    [InlineData("postgres://user@host/db?nonsense=1", "SITREP-STORE-022")]
    [InlineData("  ", "SITREP-STORE-020")]
    public void Parse_ABadLocation_SaysWhatIsWrong(string text, string code)
    {
        var error = Assert.Throws<FormatException>(() => StoreLocation.Parse(text));

        Assert.StartsWith(code, error.Message, StringComparison.Ordinal);
    }
}
