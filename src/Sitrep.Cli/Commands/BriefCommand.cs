using System.CommandLine;
using Sitrep.Situation.Briefs;
using Sitrep.Store.Situation;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep brief AREA</c>: "what you need to know" about an area, in Markdown with numbered citations;
/// with <c>--pdf FILE</c> also printed to PDF (A4) through headless Chromium.
/// </summary>
internal static class BriefCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("area") { Description = "The area's name or any alias" };
        var database = CommonOptions.Database();
        var output = new Option<FileInfo?>("--out") { Description = "Write the Markdown to this file instead of standard output" };
        var pdf = new Option<FileInfo?>("--pdf") { Description = "Print the brief to this PDF file (A4) with headless Chromium" };
        var command = new Command("brief", "A sourced Markdown summary of one area, with numbered citations to the reports") { name, database, output, pdf };
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
            var markdown = await AreaBriefs.WriteAsync(open.Store, area, events, TimeProvider.System.GetUtcNow(), cancellationToken);
            if (parse.GetValue(pdf) is { } pdfFile)
            {
                var html = Path.Combine(Directory.CreateTempSubdirectory("sitrep-brief-").FullName, "brief.html");
                try
                {
                    await File.WriteAllTextAsync(html, BriefMarkdown.Document(markdown, $"{area.Name}: situation brief"), cancellationToken);
                    if (await ChromiumPdf.PrintAsync(html, pdfFile.FullName, cancellationToken) is { } problem)
                    {
                        await Console.Error.WriteLineAsync(problem);
                        return 2;
                    }
                }
                finally
                {
                    Directory.Delete(Path.GetDirectoryName(html)!, recursive: true);
                }

                await Console.Error.WriteLineAsync($"wrote {pdfFile.FullName}");
            }

            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, markdown, cancellationToken);
                await Console.Error.WriteLineAsync($"wrote {file.FullName}");
            }
            else if (parse.GetValue(pdf) is null)
            {
                await Console.Out.WriteAsync(markdown);
            }

            return 0;
        });
        return command;
    }
}
