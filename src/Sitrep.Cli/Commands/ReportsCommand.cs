using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sitrep.Store;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep reports</c>: the stored reports, most recently ingested first.</summary>
internal static class ReportsCommand
{
    public static Command Create()
    {
        var database = CommonOptions.Database();
        var json = CommonOptions.Json();
        var limit = new Option<int>("--limit") { Description = "How many reports to list", DefaultValueFactory = _ => 50 };
        var command = new Command("reports", "List stored reports, most recently ingested first") { database, json, limit };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(database)!, parse.GetValue(json), parse.GetValue(limit), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(StoreLocation database, bool json, int limit, CancellationToken cancellationToken)
    {
        await using var store = await CliStore.OpenExistingAsync(database, cancellationToken);
        if (store is null)
        {
            return 2;
        }

        var reports = await store.ListAsync(limit, cancellationToken);
        if (json)
        {
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize([.. reports.Select(ReportSummaryJson.From)], StoreJson.Context.IReadOnlyListReportSummaryJson));
            return 0;
        }

        var total = await store.CountAsync(cancellationToken);
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("id").AddColumn("v").AddColumn("source id").AddColumn("title / outlet").AddColumn("published").AddColumn("found");
        foreach (var r in reports)
        {
            var title = r.Title ?? r.Outlet ?? r.Channel ?? "";
            table.AddRow(
                Markup.Escape(r.Id.ToString()),
                r.Version.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(Clip(r.ExternalId, 36)),
                Markup.Escape(Clip(title, 48)) + (r.Error is null ? "" : " [red](pipeline error)[/]"),
                r.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                Markup.Escape(Found(r.Counts)));
        }

        table.Caption(string.Create(CultureInfo.InvariantCulture, $"{reports.Count} of {total} reports; 'sitrep show ID' for one"));
        AnsiConsole.Write(table);
        return 0;
    }

    /// <summary>The non-empty layers, "3 times, 2 places", or "-".</summary>
    private static string Found(LayerCounts counts)
    {
        var found = new (int Count, string Layer)[]
        {
            (counts.Times, "times"), (counts.Quantities, "quantities"), (counts.Places, "places"),
            (counts.Actors, "actors"), (counts.Events, "events"), (counts.Claims, "claims"),
        }.Where(c => c.Count > 0).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Count} {c.Layer}")).ToList();
        return found.Count == 0 ? "-" : string.Join(", ", found);
    }

    internal static string Clip(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 3), "...");
}
