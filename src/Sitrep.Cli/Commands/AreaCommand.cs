using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Sitrep.Situation;
using Sitrep.Situation.Needs;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep area NAME</c>: one area's picture in full - its status timeline with the evidence, corridors
/// with their history, deliveries, population figures with sources - and the needs estimate, labelled
/// as an estimate with its assumptions.
/// </summary>
internal static class AreaCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The area's name or any alias (Artsakh, Nagorno-Karabakh, Stepanakert)" };
        var database = CommonOptions.Database();
        var json = CommonOptions.Json();
        var command = new Command("area", "One besieged area in full: timeline, corridors, deliveries, population, needs estimate") { name, database, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var open = await CliKnowledge.OpenAsync(parse.GetValue(database)!, cancellationToken);
            if (open is null)
            {
                return 2;
            }

            var wanted = parse.GetValue(name)!;
            var areas = await open.AreasAsync(cancellationToken);
            var area = Find(areas, wanted);
            if (area is null)
            {
                await Console.Error.WriteLineAsync($"SITREP-CLI-005: no besieged or blockaded area is called '{wanted}'; 'sitrep areas' lists them");
                return 1;
            }

            var needs = AreaNeeds.For(area);
            await Console.Out.WriteLineAsync(parse.GetValue(json)
                ? JsonSerializer.Serialize(new { Area = AreasCommand.ToJson(area), Needs = NeedsJson(needs) }, AreasCommand.JsonOptions)
                : Describe(area, needs));
            return 0;
        });
        return command;
    }

    internal static AreaPicture? Find(IReadOnlyList<AreaPicture> areas, string wanted) =>
        areas.FirstOrDefault(a => string.Equals(a.Name, wanted, StringComparison.OrdinalIgnoreCase) || a.Aliases.Contains(wanted, StringComparer.OrdinalIgnoreCase))
        ?? areas.FirstOrDefault(a => a.Name.Contains(wanted, StringComparison.OrdinalIgnoreCase));

    private static object? NeedsJson(NeedsEstimate? n) => n is null ? null : new
    {
        Estimate = true,
        n.Population,
        From = AreasCommand.Date(n.From),
        To = AreasCommand.Date(n.To),
        n.Days,
        FoodTonnesNeeded = Math.Round(n.FoodTonnesNeeded, 1),
        FoodTruckloadsNeeded = Math.Round(n.FoodTruckloadsNeeded, 1),
        WaterCubicMetresNeeded = Math.Round(n.WaterCubicMetresNeeded, 1),
        FoodTonnesDelivered = Math.Round(n.FoodTonnesDelivered, 1),
        FoodCoverage = Math.Round(n.FoodCoverage, 4),
        Assumptions = n.Assumptions.Describe(),
    };

    private static string Describe(AreaPicture a, NeedsEstimate? needs)
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(inv, $"{a.Name}").Append(a.Aliases.Count > 0 ? $" (also: {string.Join(", ", a.Aliases)})" : string.Empty).AppendLine();
        text.Append(inv, $"  status      {AreasCommand.Snake(a.Status.ToString())}{(a.Since is { } s ? $" since {AreasCommand.Date(s)}" : string.Empty)}").AppendLine();
        text.Append(inv, $"  besieged by {Sourced(a.Besiegers)}").AppendLine();
        text.Append(inv, $"  blocked     {Sourced(a.BlockedSupplies)}").AppendLine();
        text.Append(inv, $"  population  {string.Join("; ", a.Population.Select(p => string.Create(inv, $"{p.Value:N0} [{string.Join(",", p.Sources)}]")))}").AppendLine();
        text.AppendLine("  timeline");
        foreach (var t in a.Timeline)
        {
            text.Append(inv, $"    {AreasCommand.Date(t.From)} .. {AreasCommand.Date(t.To) ?? "now"}  {AreasCommand.Snake(t.Status.ToString())}  ({t.Evidence.Count} event(s))").AppendLine();
        }

        text.AppendLine("  corridors");
        foreach (var c in a.Corridors)
        {
            text.Append(inv, $"    {c.Name}: {AreasCommand.Snake(c.Status.ToString())} since {AreasCommand.Date(c.Since)} [{string.Join(",", c.Sources)}]").AppendLine();
        }

        text.AppendLine("  deliveries");
        foreach (var d in a.Deliveries)
        {
            var size = d.Trucks is { } trucks ? string.Create(inv, $" {trucks:N0} truck(s)") : string.Empty;
            size += d.Tonnes is { } tonnes ? string.Create(inv, $" {tonnes:N0} t") : string.Empty;
            text.Append(inv, $"    {AreasCommand.Date(d.Date) ?? "undated"} {d.Actors.FirstOrDefault()?.Value ?? "?"}{size} {string.Join("/", d.Supplies)} [{string.Join(",", d.Sources)}]").AppendLine();
        }

        if (needs is not null)
        {
            text.AppendLine("  needs (ESTIMATE)");
            text.Append(inv, $"    {needs.Population:N0} people over {needs.Days} days ({AreasCommand.Date(needs.From)} .. {AreasCommand.Date(needs.To)}): ")
                .Append(inv, $"{needs.FoodTonnesNeeded:N0} t of food ({needs.FoodTruckloadsNeeded:N0} truckloads), {needs.WaterCubicMetresNeeded:N0} m3 of water; ")
                .Append(inv, $"counted deliveries {needs.FoodTonnesDelivered:N0} t = {needs.FoodCoverage:P2} of the food need").AppendLine();
            text.Append("    assumptions: ").AppendLine(string.Join("; ", needs.Assumptions.Describe()));
        }

        text.Append(inv, $"  sources     {string.Join(", ", a.Sources)} ('sitrep show ID')");
        return text.ToString();
    }

    private static string Sourced(IReadOnlyList<SourcedValue<string>> values) =>
        values.Count == 0 ? "-" : string.Join(", ", values.Select(v => $"{v.Value} [{string.Join(",", v.Sources)}]"));
}
