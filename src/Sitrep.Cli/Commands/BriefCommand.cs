using System.CommandLine;
using Sitrep.Situation.Briefs;
using Sitrep.Situation.Needs;
using Sitrep.Store;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep brief AREA</c>: "what you need to know" about an area, in Markdown with numbered citations.</summary>
internal static class BriefCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("area") { Description = "The area's name or any alias" };
        var database = CommonOptions.Database();
        var output = new Option<FileInfo?>("--out") { Description = "Write the Markdown to this file instead of standard output" };
        var command = new Command("brief", "A sourced Markdown summary of one area, with numbered citations to the reports") { name, database, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var open = await CliKnowledge.OpenAsync(parse.GetValue(database)!, cancellationToken);
            if (open is null)
            {
                return 2;
            }

            var wanted = parse.GetValue(name)!;
            var area = AreaCommand.Find(await open.AreasAsync(cancellationToken), wanted);
            if (area is null)
            {
                await Console.Error.WriteLineAsync($"SITREP-CLI-005: no besieged or blockaded area is called '{wanted}'; 'sitrep areas' lists them");
                return 1;
            }

            var ids = area.Events.ToHashSet(StringComparer.Ordinal);
            var events = (await open.ClustersAsync(includeRejected: false, cancellationToken)).Where(c => ids.Contains(c.Cluster.Id)).Select(KnowledgeJson.Merge).ToList();
            var sources = new Dictionary<string, BriefSource>(StringComparer.Ordinal);
            foreach (var id in area.Sources.Concat(events.SelectMany(e => e.Sources)).Distinct(StringComparer.Ordinal))
            {
                if (long.TryParse(id, System.Globalization.CultureInfo.InvariantCulture, out var number) && await open.Store.GetAsync(new ReportId(number), cancellationToken) is { } report)
                {
                    sources[id] = new BriefSource(id, report.Title, report.Outlet ?? report.Channel, report.Published is { } p ? DateOnly.FromDateTime(p.Date) : null, report.Url);
                }
            }

            var markdown = AreaBrief.Write(area, events, AreaNeeds.For(area), sources, TimeProvider.System.GetUtcNow());
            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, markdown, cancellationToken);
                await Console.Error.WriteLineAsync($"wrote {file.FullName}");
            }
            else
            {
                await Console.Out.WriteAsync(markdown);
            }

            return 0;
        });
        return command;
    }
}
