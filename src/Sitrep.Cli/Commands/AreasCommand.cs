using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sitrep.Situation;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep areas</c>: every area the stored reports describe as besieged, blockaded or cut off, with its
/// status over time, besiegers, blocked supplies, population figures, corridors and deliveries, each with
/// the reports behind it. Read from the persisted knowledge base, with analysts' decisions applied.
/// </summary>
internal static class AreasCommand
{
    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public static Command Create()
    {
        var database = CommonOptions.Database();
        var json = CommonOptions.Json();
        var command = new Command("areas", "Besieged, blockaded or cut-off areas: status over time, corridors, deliveries, with sources") { database, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var open = await CliKnowledge.OpenAsync(parse.GetValue(database)!, cancellationToken);
            if (open is null)
            {
                return 2;
            }

            var areas = await open.AreasAsync(cancellationToken);
            if (parse.GetValue(json))
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(areas.Select(ToJson), JsonOptions));
            }
            else
            {
                Render(areas);
            }

            return 0;
        });
        return command;
    }

    internal static object ToJson(AreaPicture a) => new
    {
        a.Id,
        a.Name,
        a.Aliases,
        Status = Snake(a.Status.ToString()),
        Since = Date(a.Since),
        Besiegers = a.Besiegers.Select(b => b.Value),
        BlockedSupplies = a.BlockedSupplies.Select(b => b.Value),
        Population = a.Population.Select(p => new { p.Value, p.Sources }),
        Corridors = a.Corridors.Select(c => new
        {
            c.Name,
            Status = Snake(c.Status.ToString()),
            Since = Date(c.Since),
            c.Sources,
            History = c.History.Select(h => new { From = Date(h.From), To = Date(h.To), Status = Snake(h.Status.ToString()), h.Evidence }),
        }),
        Deliveries = a.Deliveries.Select(d => new
        {
            Date = Date(d.Date),
            Actor = d.Actors.FirstOrDefault()?.Value,
            Quantities = d.Quantities.SelectMany(q => q.Value.Select(v => new { Category = q.Key, v.Value, v.Sources })),
            d.Supplies,
            d.Sources,
        }),
        Timeline = a.Timeline.Select(t => new { From = Date(t.From), To = Date(t.To), Status = Snake(t.Status.ToString()), t.Evidence }),
        a.Sources,
    };

    private static void Render(IReadOnlyList<AreaPicture> areas)
    {
        if (areas.Count == 0)
        {
            AnsiConsole.MarkupLine("No area is described as besieged, blockaded or cut off in the stored reports.");
            return;
        }

        var table = new Table().RoundedBorder()
            .AddColumns("area", "status", "since", "besieged by", "blocked", "population", "corridors", "deliveries", "sources");
        foreach (var a in areas)
        {
            table.AddRow(
                Markup.Escape(a.Aliases.Count > 0 ? $"{a.Name} ({string.Join(", ", a.Aliases.Take(3))})" : a.Name),
                Snake(a.Status.ToString()),
                Date(a.Since) ?? "",
                Markup.Escape(string.Join(", ", a.Besiegers.Select(b => b.Value))),
                Markup.Escape(string.Join(", ", a.BlockedSupplies.Select(b => b.Value))),
                Markup.Escape(string.Join("; ", a.Population.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Value:N0} [{string.Join(",", p.Sources)}]")))),
                Markup.Escape(string.Join("; ", a.Corridors.Select(c => $"{c.Name}: {Snake(c.Status.ToString())} since {Date(c.Since)} [{string.Join(",", c.Sources)}]"))),
                Markup.Escape(string.Join("; ", a.Deliveries.Select(d => $"{Date(d.Date)} {d.Actors.FirstOrDefault()?.Value} [{string.Join(",", d.Sources)}]"))),
                Markup.Escape(string.Join(",", a.Sources)));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("[grey]Sources are report ids: 'sitrep show ID'. Figures that disagree are listed side by side.[/]");
    }

    internal static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Snake(string pascal) => Sitrep.Contract.ContractMapper.SnakeCase(pascal);
}
