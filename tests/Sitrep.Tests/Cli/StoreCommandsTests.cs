using System.Text.Json;
using Sitrep.Tests.Ingest;
using Sitrep.Tests.Store;

namespace Sitrep.Tests.Cli;

/// <summary>ingest, reports, show and search as a user runs them: the real process, a real database file.</summary>
public sealed class StoreCommandsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private Task<(int ExitCode, string Stdout, string Stderr)> Sitrep(params string[] arguments) => SitrepProcess.RunAsync(_folder.Path, arguments);

    private static string[] GoodInputs => [ExampleFiles.SeedArticle, ExampleFiles.NewsArticle, ExampleFiles.TelegramExport];

    [Fact]
    public async Task Ingest_BadInputsInTheBatch_AreNamedOnePerLineAndTheExitCodeIsNonZero()
    {
        var binary = _folder.Write("image.bin", [0x47, 0x49, 0x46, 0x00, 0x01]);
        var empty = _folder.Write("empty.md", "");
        var invalid = _folder.Write("export.json", "{\"messages\": [ {\"id\": 1,");

        var (exit, stdout, stderr) = await Sitrep(["ingest", .. GoodInputs, binary, empty, invalid, "--db", "store.db"]);

        Assert.Equal(1, exit);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("SITREP-INGEST-003: ", StringComparison.Ordinal) && l.EndsWith(": " + binary, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("SITREP-INGEST-002: ", StringComparison.Ordinal) && l.EndsWith(": " + empty, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("SITREP-INGEST-005: ", StringComparison.Ordinal) && l.EndsWith(": " + invalid, StringComparison.Ordinal));
        Assert.Contains("5 new", stdout, StringComparison.Ordinal);
        Assert.Contains("3 failed", stdout, StringComparison.Ordinal);

        var (listExit, list, _) = await Sitrep("reports", "--json", "--db", "store.db");
        Assert.Equal(0, listExit);
        using var reports = JsonDocument.Parse(list);
        Assert.Equal(5, reports.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Ingest_Twice_StoresNothingTheSecondTimeAndExitsZero()
    {
        var (firstExit, _, firstErrors) = await Sitrep(["ingest", .. GoodInputs, "--json"]);
        var (secondExit, second, _) = await Sitrep(["ingest", .. GoodInputs, "--json"]);

        Assert.True(firstExit == 0, firstErrors);
        Assert.Equal(0, secondExit);
        using var summary = JsonDocument.Parse(second);
        Assert.Equal(0, summary.RootElement.GetProperty("new").GetInt32());
        Assert.Equal(5, summary.RootElement.GetProperty("alreadyStored").GetInt32());
        Assert.Equal(2, summary.RootElement.GetProperty("skipped").GetInt32());
        Assert.Equal(5L, _folder.Query("SELECT count(*) FROM reports"));
    }

    [Fact]
    public async Task Search_Blockade_FindsTheSeedArticle()
    {
        await Sitrep("ingest", ExampleFiles.SeedArticle, ExampleFiles.NewsArticle);

        var (exit, stdout, stderr) = await Sitrep("search", "blockade", "--json");

        Assert.True(exit == 0, stderr);
        using var hits = JsonDocument.Parse(stdout);
        var first = hits.RootElement[0];
        Assert.Equal(Path.GetFileName(ExampleFiles.SeedArticle), first.GetProperty("externalId").GetString());
        Assert.Contains("<mark>blockade</mark>", first.GetProperty("snippet").GetString(), StringComparison.Ordinal);

        var (tableExit, table, _) = await Sitrep("search", "blockade");
        Assert.Equal(0, tableExit);
        Assert.Contains("Armenian Anarchist", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_Json_GivesTheTextMetadataAndAnnotationLayers()
    {
        await Sitrep("ingest", ExampleFiles.TelegramExport);

        var (exit, stdout, stderr) = await Sitrep("show", "telegram:1777000123/5", "--json");

        Assert.True(exit == 0, stderr);
        using var report = JsonDocument.Parse(stdout);
        var root = report.RootElement;
        Assert.Equal("A convoy of 19 trucks is waiting at Kornidzor.", root.GetProperty("text").GetString());
        Assert.Equal("Armenian Red Cross", root.GetProperty("forwardedFrom").GetString());
        Assert.Equal(5, root.GetProperty("messageId").GetInt64());
        foreach (var layer in (string[])["times", "quantities", "places", "actors", "events", "claims"])
        {
            Assert.Equal(JsonValueKind.Array, root.GetProperty("annotations").GetProperty(layer).ValueKind);
        }

        var (tableExit, table, _) = await Sitrep("show", root.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, tableExit);
        Assert.Contains("Kornidzor", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_StandardInput_IsOneReport()
    {
        var (exit, stdout, stderr) = await SitrepProcess.RunAsync(_folder.Path, ["ingest", "-", "--json"], "Shelling damaged a water station in Kharkiv on Monday.");

        Assert.True(exit == 0, stderr);
        using var summary = JsonDocument.Parse(stdout);
        Assert.Equal(1, summary.RootElement.GetProperty("new").GetInt32());
    }

    [Fact]
    public async Task Queries_WithoutADatabase_SayHowToMakeOne()
    {
        var (exit, _, stderr) = await Sitrep("reports", "--db", "missing.db");

        Assert.Equal(2, exit);
        Assert.Contains("SITREP-CLI-002", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.File("missing.db")));
    }
}
