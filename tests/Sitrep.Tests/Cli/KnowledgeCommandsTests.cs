using System.Text.Json;
using System.Text.Json.Nodes;
using Sitrep.Tests.Ingest;
using Sitrep.Tests.Store;

namespace Sitrep.Tests.Cli;

/// <summary>
/// The knowledge base through the real CLI, on issue 6's acceptance: the seed (published 2023-09-12) plus
/// our sample reports from other outlets and a Telegram channel on other dates.
/// </summary>
public sealed class KnowledgeCommandsTests(KnowledgeCommandsTests.SeedAndSamples shared) : IDisposable, IClassFixture<KnowledgeCommandsTests.SeedAndSamples>
{
    private static readonly string Samples = Path.Combine(ExampleFiles.RepositoryRoot, "samples", "reports");
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>One database with the samples and the seed, shared by the tests that only read it.</summary>
    public sealed class SeedAndSamples : IAsyncLifetime
    {
        private readonly TempFolder _folder = new();

        public string Database => _folder.Database;

        public async Task InitializeAsync()
        {
            await IngestAsync(_folder.Path, Database, seedFirst: false, oneByOne: false);
        }

        public Task DisposeAsync()
        {
            _folder.Dispose();
            return Task.CompletedTask;
        }

        /// <summary>A private copy for a test that writes.</summary>
        internal string CopyTo(TempFolder folder)
        {
            foreach (var suffix in new[] { "", "-wal" })
            {
                if (File.Exists(Database + suffix))
                {
                    File.Copy(Database + suffix, folder.Database + suffix, overwrite: true);
                }
            }

            return folder.Database;
        }
    }

    private async Task<string> RunAsync(params string[] arguments) => await RunInAsync(_folder.Path, arguments);

    private static async Task<string> RunInAsync(string workingDirectory, string[] arguments)
    {
        var (exit, stdout, stderr) = await SitrepProcess.RunAsync(workingDirectory, arguments);
        Assert.True(exit == 0, $"sitrep {string.Join(' ', arguments)} exited {exit}: {stderr}");
        return stdout;
    }

    private static async Task IngestAsync(string workingDirectory, string database, bool seedFirst, bool oneByOne)
    {
        // One by one (in reverse), each sample input is its own run, so the order is the order reports are stored in.
        var samples = oneByOne
            ? [.. Directory.GetFiles(Samples, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Reverse()]
            : new List<string> { Samples };
        var steps = samples.Select(s => new[] { "ingest", s, "--db", database }).ToList();
        var seed = new[] { "ingest", ExampleFiles.SeedArticle, "--published", "2023-09-12", "--db", database };
        steps.Insert(seedFirst ? 0 : steps.Count, seed);
        foreach (var step in steps)
        {
            await RunInAsync(workingDirectory, step);
        }
    }

    [Fact]
    public async Task Area_SeedAndSamples_ShowsTheBlockadeOfArtsakhWithTheRussianDeliveryFromTwoSources()
    {
        using var json = JsonDocument.Parse(await RunAsync("area", "Artsakh", "--json", "--db", shared.Database));
        var area = json.RootElement.GetProperty("area");
        Assert.Equal("besieged", area.GetProperty("status").GetString());
        Assert.StartsWith("2022-12", area.GetProperty("since").GetString(), StringComparison.Ordinal);
        Assert.Contains("Azerbaijan", area.GetProperty("besiegers").EnumerateArray().Select(b => b.GetString()));
        var blocked = area.GetProperty("blockedSupplies").EnumerateArray().Select(b => b.GetString()).ToList();
        Assert.Contains("food", blocked);
        Assert.Contains("fuel", blocked);
        Assert.Contains("medical", blocked);
        Assert.Contains(area.GetProperty("population").EnumerateArray(), p => p.GetProperty("value").GetDouble() == 120_000 && p.GetProperty("sources").GetArrayLength() >= 1);
        var lachin = Assert.Single(area.GetProperty("corridors").EnumerateArray(), c => c.GetProperty("name").GetString() == "Lachin Corridor");
        Assert.Equal("closed", lachin.GetProperty("status").GetString());
        Assert.True(lachin.GetProperty("sources").GetArrayLength() >= 2);

        // The Russian truck of 12 September, told by the seed article and the Telegram channel: one delivery, two sources.
        var truck = Assert.Single(area.GetProperty("deliveries").EnumerateArray(), d => d.GetProperty("date").GetString() == "2023-09-12");
        Assert.Equal(2, truck.GetProperty("sources").GetArrayLength());
        Assert.Contains("Russia", truck.GetProperty("actor").GetString(), StringComparison.Ordinal);

        // Each status change cites the events behind it.
        Assert.All(area.GetProperty("timeline").EnumerateArray(), t => Assert.True(t.GetProperty("evidence").GetArrayLength() > 0));
    }

    [Fact]
    public async Task Events_IngestedInAnotherOrderOrTwice_GiveTheSamePicture()
    {
        var forward = shared.CopyTo(_folder);
        var backward = _folder.File("backward.db");
        await IngestAsync(_folder.Path, backward, seedFirst: true, oneByOne: true);

        var forwardEvents = await CanonicalAsync(forward, "events", "--limit", "100000");
        var backwardEvents = await CanonicalAsync(backward, "events", "--limit", "100000");
        Assert.Equal(forwardEvents, backwardEvents);
        Assert.Equal(await CanonicalAsync(forward, "areas"), await CanonicalAsync(backward, "areas"));

        // Twice: the second ingest stores nothing and changes nothing.
        await IngestAsync(_folder.Path, forward, seedFirst: false, oneByOne: false);
        Assert.Equal(forwardEvents, await CanonicalAsync(forward, "events", "--limit", "100000"));
    }

    [Fact]
    public async Task Review_CorrectedEvent_KeepsTheAnalystsVersionAfterReprocess()
    {
        shared.CopyTo(_folder);
        using var before = JsonDocument.Parse(await RunAsync("events", "--type", "AID_DELIVERED", "--area", "Artsakh", "--json", "--db", _folder.Database));
        var id = before.RootElement.EnumerateArray().First(e => e.GetProperty("sourceCount").GetInt32() == 2).GetProperty("id").GetString()!;

        await RunAsync("review", "correct", id, "actor1", "Russian Red Cross Society", "--analyst", "alice", "--note", "the truck was the Red Cross's", "--db", _folder.Database);
        await RunAsync("review", "confirm", id, "--analyst", "bob", "--db", _folder.Database);
        var (badExit, _, badErrors) = await SitrepProcess.RunAsync(_folder.Path, ["review", "correct", id, "date", "last spring", "--db", _folder.Database]);
        Assert.Equal(2, badExit);
        Assert.Contains("SITREP-CLI-001", badErrors, StringComparison.Ordinal);
        var (missingExit, _, missingErrors) = await SitrepProcess.RunAsync(_folder.Path, ["review", "reject", "nosuch#EVENT@0-1", "--db", _folder.Database]);
        Assert.Equal(1, missingExit);
        Assert.Contains("SITREP-CLI-007", missingErrors, StringComparison.Ordinal);

        await RunAsync("reprocess", "--db", _folder.Database);

        using var after = JsonDocument.Parse(await RunAsync("events", "--type", "AID_DELIVERED", "--area", "Artsakh", "--json", "--db", _folder.Database));
        var corrected = after.RootElement.EnumerateArray().Single(e => e.GetProperty("id").GetString() == id);
        Assert.Equal("Russian Red Cross Society", Assert.Single(corrected.GetProperty("actor1").EnumerateArray()).GetProperty("value").GetString());
        Assert.Equal("corrected", corrected.GetProperty("review").GetProperty("status").GetString());
        Assert.Equal("alice", Assert.Single(corrected.GetProperty("review").GetProperty("corrections").EnumerateArray()).GetProperty("analyst").GetString());

        using var log = JsonDocument.Parse(await RunAsync("review", "log", "--json", "--db", _folder.Database));
        Assert.Equal(["correct", "confirm"], log.RootElement.EnumerateArray().Select(d => d.GetProperty("kind").GetString()));
        Assert.Equal(["alice", "bob"], log.RootElement.EnumerateArray().Select(d => d.GetProperty("analyst").GetString()));
    }

    [Fact]
    public async Task ActorsAndBrief_ShowTheEmergingGroupAndCiteTheReports()
    {
        using var emerging = JsonDocument.Parse(await RunAsync("actors", "--emerging", "--json", "--db", shared.Database));
        var group = Assert.Single(emerging.RootElement.EnumerateArray(), a => a.GetProperty("name").GetString() == "Anarchist Artsakh");
        Assert.True(group.GetProperty("emerging").GetBoolean());
        Assert.Equal("2023-09-12", group.GetProperty("firstSeen").GetString());
        Assert.False(string.IsNullOrEmpty(group.GetProperty("firstReport").GetString()));

        var brief = await RunAsync("brief", "Artsakh", "--db", shared.Database);
        Assert.StartsWith("# Nagorno-Karabakh: situation brief", brief, StringComparison.Ordinal);
        Assert.Contains("**Status:** besieged since 2022-12", brief, StringComparison.Ordinal);
        Assert.Contains("estimate", brief, StringComparison.Ordinal);
        var sources = brief[brief.IndexOf("## Sources", StringComparison.Ordinal)..].Split('\n').Count(l => l.Length > 2 && char.IsAsciiDigit(l[0]));
        Assert.True(sources >= 4, brief);
        for (var n = 1; n <= sources; n++)
        {
            Assert.Contains($"[{n}]", brief, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Brief_WithPdf_PrintsItThroughHeadlessChromium()
    {
        var pdf = Path.Combine(_folder.Path, "artsakh.pdf");
        await RunAsync("brief", "Artsakh", "--db", shared.Database, "--pdf", pdf);

        var bytes = await File.ReadAllBytesAsync(pdf);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        Assert.True(bytes.Length > 10_000, $"{bytes.Length} bytes");

        // Chromium puts the page title in the document information, as UTF-16 hex or plain text.
        var raw = System.Text.Encoding.Latin1.GetString(bytes);
        var title = "Nagorno-Karabakh: situation brief";
        var hex = "FEFF" + Convert.ToHexString(System.Text.Encoding.BigEndianUnicode.GetBytes(title));
        Assert.True(raw.Contains(title, StringComparison.Ordinal) || raw.Contains(hex, StringComparison.OrdinalIgnoreCase), "no title in the PDF");
    }

    [Fact]
    public async Task Brief_WithPdf_WithoutChromium_SaysWhatIsMissing()
    {
        var pdf = Path.Combine(_folder.Path, "none.pdf");
        var (exit, _, stderr) = await SitrepProcess.RunAsync(
            _folder.Path,
            ["brief", "Artsakh", "--db", shared.Database, "--pdf", pdf],
            environment: new Dictionary<string, string> { ["SITREP_CHROMIUM"] = Path.Combine(_folder.Path, "no-chromium-here") });

        Assert.Equal(2, exit);
        Assert.Contains("SITREP-CLI-010", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(pdf));
    }

    // The command's JSON with report ids (which follow arrival order) replaced by the reports' own identities.
    private async Task<string> CanonicalAsync(string database, params string[] command)
    {
        using var reports = JsonDocument.Parse(await RunAsync("reports", "--json", "--db", database));
        var identity = reports.RootElement.EnumerateArray().ToDictionary(
            r => r.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
            r => r.GetProperty("externalId").GetString()!);
        var node = JsonNode.Parse(await RunAsync([.. command, "--json", "--db", database]))!;
        Canonicalise(node, identity);
        return node.ToJsonString();
    }

    private static void Canonicalise(JsonNode node, IReadOnlyDictionary<string, string> identity)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (name == "sources" && value is JsonArray ids)
                    {
                        obj[name] = new JsonArray([.. ids.Select(i => identity[i!.GetValue<string>()]).Order(StringComparer.Ordinal).Select(s => (JsonNode)JsonValue.Create(s)!)]);
                    }
                    else if (value is not null)
                    {
                        Canonicalise(value, identity);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        Canonicalise(item, identity);
                    }
                }

                break;
        }
    }
}
