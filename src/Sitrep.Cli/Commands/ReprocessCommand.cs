using System.CommandLine;
using System.Globalization;
using Sitrep.Pipeline;
using Sitrep.Store.Ingestion;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep reprocess</c>: annotate every stored report again with the current pipeline and rebuild the
/// knowledge base from the result. Analysts' decisions are kept and replayed.
/// </summary>
internal static class ReprocessCommand
{
    public static Command Create()
    {
        var database = CommonOptions.Database();
        var command = new Command("reprocess", "Run the current extractors again over every stored report and rebuild the knowledge base (reviews are kept)") { database };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var resources = PipelineResources.FromEnvironment();
            if (!await SetupCommand.EnsurePreparedAsync(resources, cancellationToken))
            {
                return 1;
            }

            await using var store = await CliStore.OpenExistingAsync(parse.GetValue(database)!, cancellationToken);
            if (store is null)
            {
                return 2;
            }

            var summary = await new ReprocessService(store, DefaultPipeline.Create(resources)).ReprocessAsync(cancellationToken);
            var rebuilt = CliKnowledge.For(store) is { } knowledge ? await knowledge.RebuildAsync(cancellationToken) : null;
            await Console.Out.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"reprocessed {summary.Reports} report(s), {summary.Failures} pipeline failure(s); knowledge base rebuilt: {rebuilt?.Events ?? 0} event(s), {rebuilt?.Links ?? 0} merge link(s); analysts' decisions replayed"));
            return summary.Failures == 0 ? 0 : 1;
        });
        return command;
    }
}
