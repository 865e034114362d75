using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sitrep.Store;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep search "QUERY"</c>: full-text search, best match (bm25) first, with the matches shown in context.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "Words to find (all of them); \"a phrase\", a OR b, and prefix* work" };
        var database = CommonOptions.Database();
        var json = CommonOptions.Json();
        var limit = new Option<int>("--limit") { Description = "How many results to show", DefaultValueFactory = _ => 20 };
        var command = new Command("search", "Search the stored reports' titles and texts") { query, database, json, limit };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(query) ?? "", parse.GetValue(database)!, parse.GetValue(json), parse.GetValue(limit), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string query, StoreLocation database, bool json, int limit, CancellationToken cancellationToken)
    {
        await using var store = await CliStore.OpenExistingAsync(database, cancellationToken);
        if (store is null)
        {
            return 2;
        }

        var hits = await store.SearchAsync(query, limit, cancellationToken);
        if (json)
        {
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize([.. hits.Select(SearchHitJson.From)], StoreJson.Context.IReadOnlyListSearchHitJson));
            return 0;
        }

        if (hits.Count == 0)
        {
            AnsiConsole.MarkupLine($"No report matches [bold]{Markup.Escape(query)}[/].");
            return 0;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("id").AddColumn("title / source id").AddColumn("score").AddColumn("snippet");
        foreach (var hit in hits)
        {
            table.AddRow(
                Markup.Escape(hit.Id.ToString()),
                Markup.Escape(ReportsCommand.Clip(hit.Title ?? hit.ExternalId, 40)),
                hit.Score.ToString("F2", CultureInfo.InvariantCulture),
                Highlight(hit.Snippet));
        }

        AnsiConsole.Write(table);
        return 0;
    }

    private static string Highlight(string snippet) =>
        Markup.Escape(snippet.ReplaceLineEndings(" "))
            .Replace(SearchHit.MatchStart, "[bold yellow]", StringComparison.Ordinal)
            .Replace(SearchHit.MatchEnd, "[/]", StringComparison.Ordinal);
}
