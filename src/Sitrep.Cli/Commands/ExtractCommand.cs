using System.CommandLine;
using System.Text;
using Sitrep.Contract;
using Sitrep.Ingest;
using Sitrep.Pipeline;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep extract</c>: the machine-readable contract. Reads reports, runs the whole pipeline, writes one
/// JSON object per document per line. No database involved.
/// </summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Input files or folders ('-' or none: standard input)", Arity = ArgumentArity.ZeroOrMore };
        var inputFormat = new Option<InputFormat>("--input-format") { Description = "Input format", DefaultValueFactory = _ => InputFormat.Auto };
        var published = new Option<string?>("--published") { Description = "Publication date (YYYY-MM-DD) for inputs that carry none; anchors relative times" };
        var format = new Option<string>("--format") { Description = "Output format", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl");
        var noText = new Option<bool>("--no-text") { Description = "Leave each document's text out of the output" };
        var explain = new Option<bool>("--explain") { Description = "Add each stage's reasoning (ranked place candidates, rules that fired)" };

        var command = new Command("extract", "Extract times, quantities, places, actors, events and claims as JSON lines (no database)")
        {
            files, inputFormat, published, format, noText, explain,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(files) ?? [],
            parse.GetValue(inputFormat),
            parse.GetValue(published),
            !parse.GetValue(noText),
            parse.GetValue(explain),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, InputFormat inputFormat, string? published, bool includeText, bool explain, CancellationToken cancellationToken)
    {
        if (!CommonOptions.TryReadPublished(published, out var fallbackPublished))
        {
            return 2;
        }

        var resources = PipelineResources.FromEnvironment();
        if (!await SetupCommand.EnsurePreparedAsync(resources, cancellationToken))
        {
            return 2;
        }

        var pipeline = DefaultPipeline.Create(resources);
        var loader = new InputLoader(new IngestLimits(), CliReaders.Create());
        var failed = false;
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };

        foreach (var path in InputLoader.Expand(paths.Length == 0 ? ["-"] : paths))
        {
            var read = await loader.LoadAsync(path, inputFormat, null, cancellationToken);
            foreach (var problem in read.Problems)
            {
                failed = true;
                await Console.Error.WriteLineAsync(problem.ToString());
            }

            var documents = read.Reports
                .Select(r => (r.Published is null && fallbackPublished is not null ? r with { Published = fallbackPublished } : r).ToDocument(explain))
                .ToList();
            foreach (var result in PipelineRunner.RunMany(pipeline, documents, cancellationToken))
            {
                var contract = ContractMapper.Map(result.Document, includeText, explain);
                if (!result.Succeeded)
                {
                    failed = true;
                    var message = $"SITREP-EXTRACT-001: stage '{result.FailedStage}' failed: {result.Error!.Message}";
                    await Console.Error.WriteLineAsync($"{message}: {result.Document.Id}");
                    contract = contract with { Error = message };
                }

                await stdout.WriteLineAsync(ContractJson.Serialize(contract));
            }
        }

        await stdout.FlushAsync(cancellationToken);
        return failed ? 1 : 0;
    }
}
