using System.Text.Json;
using Sitrep.Tests.Ingest;
using Sitrep.Tests.Store;

namespace Sitrep.Tests.Cli;

/// <summary>The knowledge base's first slice through the real CLI: the picture of Artsakh from the sample reports and the seed.</summary>
public sealed class AreasCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Areas_SamplesAndSeed_ShowArtsakhBesiegedSinceDecember2022WithItsCorridorAndSources()
    {
        var samples = Path.Combine(ExampleFiles.RepositoryRoot, "samples", "reports");
        var (ingestExit, _, ingestErrors) = await SitrepProcess.RunAsync(_folder.Path, ["ingest", samples, ExampleFiles.SeedArticle, "--db", _folder.Database]);
        Assert.True(ingestExit == 0, ingestErrors);

        var (exit, stdout, stderr) = await SitrepProcess.RunAsync(_folder.Path, ["areas", "--json", "--db", _folder.Database]);
        Assert.True(exit == 0, stderr);

        using var json = JsonDocument.Parse(stdout);
        var karabakh = json.RootElement.EnumerateArray().Single(a => a.GetProperty("name").GetString() == "Nagorno-Karabakh");
        var aliases = karabakh.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Contains("Artsakh", aliases);
        Assert.Contains("Stepanakert", aliases);
        Assert.Equal("besieged", karabakh.GetProperty("status").GetString());
        Assert.Equal("2022-12-01", karabakh.GetProperty("since").GetString());
        Assert.Contains("Azerbaijan", karabakh.GetProperty("besiegers").EnumerateArray().Select(b => b.GetString()));
        var blocked = karabakh.GetProperty("blockedSupplies").EnumerateArray().Select(b => b.GetString()).ToList();
        Assert.Contains("food", blocked);
        Assert.Contains("fuel", blocked);
        Assert.Contains("medical", blocked);
        Assert.Contains(karabakh.GetProperty("population").EnumerateArray(), p => p.GetProperty("value").GetDouble() == 120_000);
        var lachin = Assert.Single(karabakh.GetProperty("corridors").EnumerateArray(), c => c.GetProperty("name").GetString() == "Lachin Corridor");
        Assert.Equal("closed", lachin.GetProperty("status").GetString());
        Assert.True(karabakh.GetProperty("deliveries").GetArrayLength() >= 2);
        Assert.True(karabakh.GetProperty("sources").GetArrayLength() >= 4);

        // One area by an alias, with the needs estimate labelled as such.
        var (areaExit, areaJson, areaErrors) = await SitrepProcess.RunAsync(_folder.Path, ["area", "Artsakh", "--json", "--db", _folder.Database]);
        Assert.True(areaExit == 0, areaErrors);
        using var one = JsonDocument.Parse(areaJson);
        Assert.Equal("Nagorno-Karabakh", one.RootElement.GetProperty("area").GetProperty("name").GetString());
        var needs = one.RootElement.GetProperty("needs");
        Assert.True(needs.GetProperty("estimate").GetBoolean());
        Assert.Equal(120_000, needs.GetProperty("population").GetDouble());
        Assert.Equal("2022-12-01", needs.GetProperty("from").GetString());
        Assert.True(needs.GetProperty("foodCoverage").GetDouble() < 0.05, "a few trucks against months of need");
        Assert.Contains(needs.GetProperty("assumptions").EnumerateArray(), a => a.GetString()!.Contains("Sphere", StringComparison.Ordinal));

        var (missingExit, _, missingErrors) = await SitrepProcess.RunAsync(_folder.Path, ["area", "Atlantis", "--db", _folder.Database]);
        Assert.Equal(1, missingExit);
        Assert.Contains("SITREP-CLI-005", missingErrors, StringComparison.Ordinal);
    }
}
