using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sitrep.Time.Evaluation;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep eval time --corpus DIR</c>: TempEval-3 style scores of the times stage on TimeML files.</summary>
internal static class TimeEvalCommand
{
    public static Command Create()
    {
        var corpus = new Option<string>("--corpus") { Description = "A folder of TimeML (.tml) files, or one file", Required = true };
        var json = CommonOptions.Json();
        var errors = new Option<int>("--errors") { Description = "Also list up to N errors (missed, spurious, wrong value or type)", DefaultValueFactory = _ => 0 };
        var command = new Command("time", "Score temporal expressions (TIMEX3 spans, types, values) on a TimeML corpus") { corpus, json, errors };
        command.SetAction(parse => Run(parse.GetValue(corpus)!, parse.GetValue(json), parse.GetValue(errors)));
        return command;
    }

    private static int Run(string corpus, bool json, int errorCount)
    {
        if (!File.Exists(corpus) && !Directory.Exists(corpus))
        {
            Console.Error.WriteLine($"SITREP-EVAL-001: corpus not found: {corpus}");
            return 2;
        }

        var score = TimexScorer.ScoreCorpus(corpus);
        if (score.Documents == 0)
        {
            Console.Error.WriteLine($"SITREP-EVAL-002: no .tml files in {corpus}");
            return 2;
        }

        if (json)
        {
            var result = new Dictionary<string, object>
            {
                ["documents"] = score.Documents,
                ["gold"] = score.Relaxed.Gold,
                ["predicted"] = score.Relaxed.Predicted,
                ["strict"] = Figures(score.Strict),
                ["relaxed"] = Figures(score.Relaxed),
                ["value"] = Figures(score.Value),
                ["typeAccuracy"] = Math.Round(score.TypeAccuracy, 4),
            };
            Console.WriteLine(JsonSerializer.Serialize(result));
        }
        else
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"TimeML corpus: {corpus} ({score.Documents} documents, {score.Relaxed.Gold} gold TIMEX3, {score.Relaxed.Predicted} found)"));
            Console.WriteLine("measure          P       R       F1");
            Line("strict span", score.Strict);
            Line("relaxed span", score.Relaxed);
            Line("value", score.Value);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"type accuracy    {score.TypeAccuracy:F4}"));
        }

        foreach (var error in score.Errors.Take(errorCount))
        {
            Console.WriteLine($"{error.Kind}\t{error.Document}\t{error.Text}\tgold={error.Gold}\tsystem={error.System}\t{error.Context}");
        }

        return 0;
    }

    private static Dictionary<string, double> Figures(Prf prf) => new()
    {
        ["precision"] = Math.Round(prf.Precision, 4),
        ["recall"] = Math.Round(prf.Recall, 4),
        ["f1"] = Math.Round(prf.F1, 4),
    };

    private static void Line(string name, Prf prf) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-16} {prf.Precision:F4}  {prf.Recall:F4}  {prf.F1:F4}"));
}
