using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sitrep.Events;
using Sitrep.Events.Evaluation;
using Sitrep.Pipeline;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep eval events --corpus FILE</c>: the event coder on PLOVER gold records (a JSON array) or on our
/// readable examples file (Markdown, <c>```example</c> blocks).
/// </summary>
internal static class EvalEventsCommand
{
    public static Command Create()
    {
        var corpus = new Option<FileInfo>("--corpus") { Description = "PLOVER_GSR_CAMEO.json, or an examples file (.md)", Required = true };
        var json = CommonOptions.Json();
        var errors = new Option<int>("--show-errors") { Description = "Print up to N misclassified records", DefaultValueFactory = _ => 0 };
        var command = new Command("events", "Event type accuracy and actor precision/recall (PLOVER), ACLED sub-event weighted F1 (examples)") { corpus, json, errors };
        command.SetAction(parse => Run(parse.GetValue(corpus)!, parse.GetValue(json), parse.GetValue(errors)));
        return command;
    }

    private static int Run(FileInfo corpus, bool json, int showErrors)
    {
        if (!corpus.Exists)
        {
            Console.Error.WriteLine($"SITREP-EVAL-001: corpus not found: {corpus.FullName}");
            return 2;
        }

        var pipeline = DefaultPipeline.Create(PipelineResources.FromEnvironment());
        var content = File.ReadAllText(corpus.FullName);
        if (corpus.Extension.Equals(".md", StringComparison.OrdinalIgnoreCase))
        {
            var score = EventScorer.ScoreExamples(EventExample.Parse(content), pipeline, Ontology.Default);
            if (json)
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    corpus = corpus.Name,
                    examples = score.Examples,
                    typeAccuracy = Math.Round(score.TypeAccuracy, 4),
                    acledSubEventWeightedF1 = Math.Round(score.AcledSubEventWeightedF1, 4),
                    actor1Accuracy = Math.Round(score.Actor1Accuracy, 4),
                    actor2Accuracy = Math.Round(score.Actor2Accuracy, 4),
                    modalityAccuracy = Math.Round(score.ModalityAccuracy, 4),
                }));
            }
            else
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"examples: {score.Examples}"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"main event type accuracy:        {score.TypeAccuracy:F3}"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ACLED sub-event weighted F1:     {score.AcledSubEventWeightedF1:F3}"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"actor1 / actor2 accuracy:        {score.Actor1Accuracy:F3} / {score.Actor2Accuracy:F3}"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"modality accuracy:               {score.ModalityAccuracy:F3}"));
                foreach (var failure in score.Failures.Take(showErrors))
                {
                    Console.WriteLine("  " + failure);
                }
            }

            return 0;
        }

        var plover = EventScorer.ScorePlover(PloverRecord.Read(content), pipeline, TimeProvider.System);
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                corpus = corpus.Name,
                records = plover.Records,
                typeAccuracy = Math.Round(plover.TypeAccuracy, 4),
                topEventTypeAccuracy = Math.Round(plover.TopEventTypeAccuracy, 4),
                sourcePrecision = Math.Round(plover.Source.Precision, 4),
                sourceRecall = Math.Round(plover.Source.Recall, 4),
                targetPrecision = Math.Round(plover.Target.Precision, 4),
                targetRecall = Math.Round(plover.Target.Recall, 4),
                actorPrecision = Math.Round(plover.Actors.Precision, 4),
                actorRecall = Math.Round(plover.Actors.Recall, 4),
            }));
        }
        else
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"records: {plover.Records} ({plover.ArticlesPerSecond:F0} records/s)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"PLOVER type accuracy (gold event): {plover.TypeAccuracy:F3}   (most salient event: {plover.TopEventTypeAccuracy:F3})"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"source actors P / R:  {plover.Source.Precision:F3} / {plover.Source.Recall:F3}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"target actors P / R:  {plover.Target.Precision:F3} / {plover.Target.Recall:F3}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"all actors P / R:     {plover.Actors.Precision:F3} / {plover.Actors.Recall:F3}"));
            foreach (var error in plover.Errors.Take(showErrors))
            {
                Console.WriteLine("  " + error);
            }
        }

        return 0;
    }
}
