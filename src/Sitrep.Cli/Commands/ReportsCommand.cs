using System.CommandLine;
using System.Globalization;
using System.Text.Json;
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

    private static async Task<int> RunAsync(FileInfo database, bool json, int limit, CancellationToken cancellationToken)
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
            .AddColumn("id").AddColumn("source id").AddColumn("v").AddColumn("format").AddColumn("title / outlet")
            .AddColumn("published").AddColumn(new TableColumn("times").RightAligned()).AddColumn(new TableColumn("places").RightAligned())
            .AddColumn(new TableColumn("actors").RightAligned()).AddColumn(new TableColumn("events").RightAligned());
        foreach (var r in reports)
        {
            var title = r.Title ?? r.Outlet ?? r.Channel ?? "";
            table.AddRow(
                Markup.Escape(r.Id.ToString()),
                Markup.Escape(Clip(r.ExternalId, 40)),
                r.Version.ToString(CultureInfo.InvariantCulture),
                ReportSummaryJson.FormatName(r.Format),
                Markup.Escape(Clip(title, 50)) + (r.Error is null ? "" : " [red](pipeline error)[/]"),
                r.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                Count(r.Counts.Times),
                Count(r.Counts.Places),
                Count(r.Counts.Actors),
                Count(r.Counts.Events));
        }

        table.Caption(string.Create(CultureInfo.InvariantCulture, $"{reports.Count} of {total} reports; 'sitrep show ID' for one"));
        AnsiConsole.Write(table);
        return 0;
    }

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);

    internal static string Clip(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 3), "...");
}
