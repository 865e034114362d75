using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sitrep.Situation;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep events</c>: the merged events of the knowledge base (one per real-world event, every source
/// behind it), newest first, filtered by area, date and type.
/// </summary>
internal static class EventsCommand
{
    public static Command Create()
    {
        var database = CommonOptions.Database();
        var json = CommonOptions.Json();
        var area = new Option<string?>("--area") { Description = "Only events in this besieged area or its corridors (name or alias)" };
        var since = new Option<string?>("--since") { Description = "Only events on or after this date (yyyy-MM-dd, yyyy-MM or yyyy)" };
        var type = new Option<string?>("--type") { Description = "Only events of this ontology type (BLOCKADE, AID_DELIVERED, ...)" };
        var all = new Option<bool>("--all") { Description = "Include events analysts rejected" };
        var limit = new Option<int>("--limit") { Description = "At most this many events", DefaultValueFactory = _ => 100 };
        var command = new Command("events", "Merged events across reports, each with its sources") { database, json, area, since, type, all, limit };
        command.SetAction(async (parse, cancellationToken) =>
        {
            DateOnly? from = null;
            if (parse.GetValue(since) is { } sinceText)
            {
                if (Time.TimexInterval.Parse(sinceText) is not { } interval)
                {
                    await Console.Error.WriteLineAsync($"SITREP-CLI-001: --since '{sinceText}' is not a date (yyyy-MM-dd, yyyy-MM or yyyy)");
                    return 2;
                }

                from = interval.Start;
            }

            await using var open = await CliKnowledge.OpenAsync(parse.GetValue(database)!, cancellationToken);
            if (open is null)
            {
                return 2;
            }

            IEnumerable<MergedEvent> events = [.. (await open.ClustersAsync(parse.GetValue(all), cancellationToken)).Select(KnowledgeJson.Merge)];
            if (parse.GetValue(area) is { } areaName)
            {
                var picture = AreaCommand.Find(await open.AreasAsync(cancellationToken), areaName);
                if (picture is null)
                {
                    await Console.Error.WriteLineAsync($"SITREP-CLI-005: no besieged or blockaded area is called '{areaName}'; 'sitrep areas' lists them");
                    return 1;
                }

                var ids = picture.Events.ToHashSet(StringComparer.Ordinal);
                events = events.Where(e => ids.Contains(e.Id));
            }

            if (from is { } f)
            {
                events = events.Where(e => e.Start >= f);
            }

            if (parse.GetValue(type) is { } wantedType)
            {
                events = events.Where(e => string.Equals(e.Type, wantedType, StringComparison.OrdinalIgnoreCase));
            }

            var list = events
                .OrderByDescending(e => e.Start ?? DateOnly.MinValue)
                .ThenByDescending(e => e.Sources.Count)
                .ThenBy(e => e.Id, StringComparer.Ordinal)
                .Take(Math.Max(0, parse.GetValue(limit)))
                .ToList();
            if (parse.GetValue(json))
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(list.Select(KnowledgeJson.Event), AreasCommand.JsonOptions));
                return 0;
            }

            Render(list);
            return 0;
        });
        return command;
    }

    private static void Render(IReadOnlyList<MergedEvent> events)
    {
        if (events.Count == 0)
        {
            AnsiConsole.MarkupLine("No events match.");
            return;
        }

        var table = new Table().RoundedBorder().AddColumns("date", "type", "who", "to whom", "where", "sources", "review", "id");
        foreach (var e in events)
        {
            table.AddRow(
                AreasCommand.Date(e.Start) ?? "-",
                Markup.Escape(e.Type),
                Markup.Escape(string.Join(" / ", e.Actor1.Select(a => a.Value))),
                Markup.Escape(string.Join(" / ", e.Actor2.Select(a => a.Value))),
                Markup.Escape(string.Join(" / ", e.Places.Select(p => p.Value))),
                string.Create(CultureInfo.InvariantCulture, $"{e.Sources.Count}: {string.Join(",", e.Sources)}") + (e.HasDisagreement ? " [yellow](disagree)[/]" : string.Empty),
                AreasCommand.Snake(e.ReviewState.Status.ToString()),
                Markup.Escape(e.Id));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("[grey]Review an event by its id: 'sitrep review confirm|correct|reject ID'. '--json' shows every reported value with its sources.[/]");
    }
}
