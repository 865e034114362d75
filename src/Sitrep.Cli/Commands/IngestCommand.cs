using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sitrep.Ingest;
using Sitrep.Pipeline;
using Sitrep.Store;
using Sitrep.Store.Ingestion;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep ingest PATH...</c>: reads files, folders and standard input, runs the pipeline, stores the
/// reports and their annotations. Every bad input is one error line; the batch goes on; exit code 1 if
/// any input failed.
/// </summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders to ingest ('-' for standard input)", Arity = ArgumentArity.OneOrMore };
        var database = CommonOptions.Database();
        var maxFileSize = new Option<long>("--max-file-size")
        {
            Description = "Largest input accepted, in bytes (larger files are refused with SITREP-INGEST-004)",
            DefaultValueFactory = _ => IngestLimits.DefaultMaxFileBytes,
        };
        maxFileSize.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<long>() <= 0)
            {
                result.AddError("--max-file-size must be a positive number of bytes");
            }
        });
        var inputFormat = new Option<InputFormat>("--input-format") { Description = "Input format (auto: by extension and content)", DefaultValueFactory = _ => InputFormat.Auto };
        var json = CommonOptions.Json();
        var noKnowledge = new Option<bool>("--no-knowledge")
        {
            Description = "Store only, for bulk loads: the knowledge base takes the new reports in at the next command that reads it",
        };
        var published = new Option<string?>("--published") { Description = "Publication date (YYYY-MM-DD) for reports whose input carries none; anchors relative times" };

        var command = new Command("ingest", "Read reports (text, Markdown, HTML, Telegram export, JSONL), extract, and store them")
        {
            paths, database, maxFileSize, inputFormat, json, published, noKnowledge,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(paths) ?? [],
            parse.GetValue(database)!,
            parse.GetValue(maxFileSize),
            parse.GetValue(inputFormat),
            parse.GetValue(json),
            parse.GetValue(published),
            cancellationToken,
            updateKnowledge: !parse.GetValue(noKnowledge)));
        return command;
    }

    internal static async Task<int> RunAsync(string[] paths, StoreLocation database, long maxFileSize, InputFormat format, bool json, string? published, CancellationToken cancellationToken, bool updateKnowledge = true)
    {
        if (!CommonOptions.TryReadPublished(published, out var fallbackPublished))
        {
            return 2;
        }

        var resources = PipelineResources.FromEnvironment();
        if (!await SetupCommand.EnsurePreparedAsync(resources, cancellationToken))
        {
            return 1;
        }

        await using var store = await CliStore.OpenAsync(database, cancellationToken);
        if (store is null)
        {
            return 2;
        }

        var pipeline = DefaultPipeline.Create(resources);
        var loader = new InputLoader(new IngestLimits { MaxFileBytes = maxFileSize }, CliReaders.Create());
        var service = new IngestService(store, pipeline, loader, TimeProvider.System);
        var options = new IngestOptions { Format = format, FallbackPublished = fallbackPublished, Exclude = new HashSet<string>(database.Files, StringComparer.Ordinal) };

        IngestSummary summary;
        var errorConsole = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        if (!json && !Console.IsErrorRedirected && errorConsole.Profile.Capabilities.Interactive)
        {
            summary = await errorConsole.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("reading inputs");
                    return await service.IngestAsync(paths, options, new ProgressBarIngestProgress(errorConsole, task), null, cancellationToken);
                });
        }
        else
        {
            summary = await service.IngestAsync(paths, options, new PlainIngestProgress(Console.Error), null, cancellationToken);
        }

        // The knowledge base takes in what was stored (only the new reports: incremental). Should this fail or
        // be interrupted, the reports are safe and the next update catches up.
        if (updateKnowledge && CliKnowledge.For(store) is { } knowledge)
        {
            var update = await knowledge.UpdateAsync(cancellationToken);
            if (!json && update.Reports > 0)
            {
                await Console.Error.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"knowledge base: took in {update.Reports} report(s), {update.Events} event(s), {update.Links} merge link(s), {update.NearDuplicates} near-duplicate report pair(s)"));
            }
        }

        if (json)
        {
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(IngestSummaryJson.From(database.Display, summary), StoreJson.Context.IngestSummaryJson));
        }
        else
        {
            await Console.Out.WriteAsync(Describe(database, summary));
        }

        return summary.Succeeded ? 0 : 1;
    }

    private static string Describe(StoreLocation database, IngestSummary s)
    {
        var found = new (string Name, int Count)[]
        {
            ("sentences", s.Found.Sentences), ("times", s.Found.Times), ("quantities", s.Found.Quantities), ("places", s.Found.Places),
            ("actors", s.Found.Actors), ("events", s.Found.Events), ("claims", s.Found.Claims),
        }.Where(f => f.Count > 0).Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Count} {f.Name}")).ToList();

        return string.Create(CultureInfo.InvariantCulture, $"""
            Ingested into {database.Display} in {s.Elapsed.TotalSeconds:F1} s
              inputs             {s.Inputs} read, {s.InputsFailed} failed
              reports            {s.New} new, {s.NewVersions} new versions, {s.AlreadyStored} already stored ({s.ReportsRead} read)
              skipped            {s.Skipped} (service or media-only messages)
              pipeline failures  {s.PipelineFailures}
              found              {(found.Count > 0 ? string.Join(", ", found) : s.New + s.NewVersions == 0 ? "(nothing new stored)" : "nothing yet")}
            Next: sitrep reports | sitrep search "QUERY" | sitrep show ID

            """);
    }
}
