using System.Text.Json;
using System.Text.RegularExpressions;
using Sitrep.Tests.Store;

namespace Sitrep.Tests.Cli;

/// <summary>The README's run command: <c>sitrep demo</c> ingests the samples and ends serving the dashboard over them.</summary>
public sealed partial class DemoCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Demo_IngestsTheSamples_ThenServesTheDashboardOverThem_SayingWhereToOpenIt()
    {
        using var process = SitrepProcess.Start(_folder.Path, ["demo", "--db", "demo.db", "--urls", "http://127.0.0.1:0"]);
        try
        {
            var address = await DashboardAddressAsync(process);
            Assert.NotNull(address);

            using var client = new HttpClient { BaseAddress = new Uri(address!) };
            var page = await client.GetStringAsync("/");
            Assert.Contains("<title>", page, StringComparison.Ordinal);
            using var areas = JsonDocument.Parse(await client.GetStringAsync("/api/areas"));
            Assert.Contains(areas.RootElement.EnumerateArray(), a => a.GetProperty("aliases").EnumerateArray().Any(n => n.GetString() == "Madaya"));

            // The samples alone make the blockade of Nagorno-Karabakh: by Azerbaijan, with the Lachin corridor closed.
            var karabakh = areas.RootElement.EnumerateArray().Single(a => a.GetProperty("name").GetString() == "Nagorno-Karabakh");
            Assert.Equal("besieged", karabakh.GetProperty("status").GetString());
            Assert.Contains(karabakh.GetProperty("besiegers").EnumerateArray(), b => b.GetString() == "Azerbaijan");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Demo_NoServe_StopsAfterTheIngest()
    {
        var (exit, stdout, _) = await SitrepProcess.RunAsync(_folder.Path, ["demo", "--no-serve", "--db", "demo.db"]);
        Assert.Equal(0, exit);
        Assert.Contains("./sitrep serve --db " + Path.Combine(_folder.Path, "demo.db"), stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Sitrep dashboard:", stdout, StringComparison.Ordinal);
    }

    /// <summary>The address the demo prints once the dashboard listens, or null if it exits first.</summary>
    private static async Task<string?> DashboardAddressAsync(System.Diagnostics.Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (DashboardLine().Match(line) is { Success: true } match)
            {
                return match.Groups[1].Value;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^Sitrep dashboard: (http://127\.0\.0\.1:\d+)/")]
    private static partial Regex DashboardLine();
}
