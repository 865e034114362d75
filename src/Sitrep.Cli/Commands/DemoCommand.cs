using System.CommandLine;
using Sitrep.Ingest;
using Sitrep.Pipeline;
using Sitrep.Store;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep demo</c>: the README's first command. Prepares the data, ingests the bundled sample reports
/// into the database, shows what was found and what to try next, and ends serving the dashboard over it
/// (<c>--no-serve</c> stops after the ingest).
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var database = CommonOptions.Database();
        var noServe = new Option<bool>("--no-serve") { Description = "Stop after ingesting instead of serving the dashboard (scripts)" };
        var urls = new Option<string>("--urls") { Description = "Where the dashboard listens", DefaultValueFactory = _ => DefaultUrl };
        var command = new Command("demo", "Prepare the data, ingest the bundled sample reports into the database, show what was found, and serve the dashboard over it") { database, noServe, urls };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!await SetupCommand.EnsurePreparedAsync(PipelineResources.FromEnvironment(), cancellationToken))
            {
                return 1;
            }

            var samples = Path.Combine(RepositoryRoot.Find(), "samples", "reports");
            if (!Directory.Exists(samples))
            {
                await Console.Error.WriteLineAsync($"SITREP-CLI-004: the sample reports are missing: {samples}");
                return 1;
            }

            var db = parse.GetValue(database)!;
            await Console.Out.WriteLineAsync($"Ingesting the sample reports in {samples} ...");
            var status = await IngestCommand.RunAsync([samples], db, IngestLimits.DefaultMaxFileBytes, InputFormat.Auto, json: false, published: null, cancellationToken);
            await Console.Out.WriteLineAsync(NextSteps(db, serving: status == 0 && !parse.GetValue(noServe) && db.Provider == StoreProvider.Sqlite));
            if (status != 0 || parse.GetValue(noServe))
            {
                return status;
            }

            if (db.Provider != StoreProvider.Sqlite)
            {
                await Console.Out.WriteLineAsync("The dashboard serves SQLite databases only for now: not started.");
                return status;
            }

            await Console.Out.WriteLineAsync($"Serving the dashboard over {db.Display} (Ctrl+C stops; --no-serve skips this):");
            return await ServeCommand.RunAsync(db, parse.GetValue(urls)!, Sitrep.Server.ReadAccess.Public, cancellationToken);
        });
        return command;
    }

    private const string DefaultUrl = "http://127.0.0.1:8080";

    private static string NextSteps(StoreLocation db, bool serving)
    {
        var usual = Environment.GetEnvironmentVariable("SITREP_DB") is { Length: > 0 } fromEnvironment ? fromEnvironment : "sitrep.db";
        var dbOption = db == StoreLocation.Parse(usual) ? string.Empty : $" --db {db.Display}";
        return $"""

            What to try next:
              ./sitrep reports{dbOption}                    the stored reports, with what was found in each
              ./sitrep search blockade{dbOption}            full-text search with snippets
              ./sitrep show 1{dbOption}                     one report, its text and every annotation with its span
              ./sitrep areas{dbOption}                      besieged areas merged across reports, every item with its sources
              ./sitrep brief Nagorno-Karabakh{dbOption}     what you need to know about one area, with numbered citations
              ./sitrep events{dbOption}                     merged events; review them with 'sitrep review queue'
              ./sitrep extract --published 2023-09-12 ../shared/seed/000_6e7d2f1ca9b7a4d5.txt
                                                 the machine-readable contract (JSON lines, no database)
              ./sitrep ingest PATH...{dbOption}             your own reports: text, Markdown, HTML, Telegram result.json, JSONL

            The dashboard (map, timeline, events, besieged areas, every fact with its source){(serving ? " is served next; later, serve it again with:" : ":")}
              ./sitrep serve{dbOption}
            """;
    }
}
