using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep actors</c>: every actor across the stored reports, with aliases, first and last seen and
/// how many reports name it; <c>--emerging</c> lists the ones the registry did not know, with the report
/// and channel where each first appeared.
/// </summary>
internal static class ActorsCommand
{
    public static Command Create()
    {
        var database = CommonOptions.Database();
        var json = CommonOptions.Json();
        var emerging = new Option<bool>("--emerging") { Description = "Only actors new to the registry (groups announcing themselves, ...)" };
        var command = new Command("actors", "Actors across reports: aliases, first and last seen, reports; emerging ones flagged") { database, json, emerging };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var open = await CliKnowledge.OpenAsync(parse.GetValue(database)!, cancellationToken);
            if (open is null)
            {
                return 2;
            }

            var actors = (await open.Knowledge.ActorsAsync(cancellationToken)).Where(a => !parse.GetValue(emerging) || a.Emerging).ToList();
            if (parse.GetValue(json))
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(actors.Select(KnowledgeJson.Actor), AreasCommand.JsonOptions));
                return 0;
            }

            if (actors.Count == 0)
            {
                AnsiConsole.MarkupLine("No actors.");
                return 0;
            }

            var table = new Table().RoundedBorder().AddColumns("actor", "type", "aliases", "first seen", "last seen", "reports", "first report");
            foreach (var a in actors)
            {
                table.AddRow(
                    Markup.Escape(a.Name) + (a.Emerging ? " [yellow](emerging)[/]" : string.Empty),
                    Markup.Escape(a.Type),
                    Markup.Escape(string.Join(", ", a.Aliases.Take(4))),
                    AreasCommand.Date(a.FirstSeen) ?? "-",
                    AreasCommand.Date(a.LastSeen) ?? "-",
                    a.Reports.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Markup.Escape($"{a.FirstReport}{(a.FirstChannel is { } c ? $" ({c})" : string.Empty)}"));
            }

            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }
}
