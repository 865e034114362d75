using Sitrep.Server;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Server;

/// <summary>The committed OpenAPI document (docs/openapi.json) is the one the server serves.</summary>
public sealed class OpenApiDocumentTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    public const string Regenerate = "SITREP_UPDATE_OPENAPI=1 dotnet test tests/Sitrep.Tests --filter OpenApiDocument";

    [Fact]
    public async Task OpenApiDocument_Served_EqualsTheCommittedOne()
    {
        using var client = fixture.Server.Client();
        var served = (await client.GetStringAsync(SitrepServer.OpenApiPath)).ReplaceLineEndings("\n").TrimEnd() + "\n";
        var path = Path.Combine(TestPaths.RepositoryRoot, "docs", "openapi.json");

        if (Environment.GetEnvironmentVariable("SITREP_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, served);
        }

        var committed = File.Exists(path) ? (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n") : string.Empty;
        Assert.True(
            string.Equals(committed, served, StringComparison.Ordinal),
            $"docs/openapi.json differs from the document the server serves at {SitrepServer.OpenApiPath}; regenerate it with: {Regenerate}");
        Assert.Contains("\"/api/events\"", served);
        Assert.Contains("\"/api/reports/upload\"", served);
    }
}
