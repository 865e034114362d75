using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sitrep.Geo;
using Sitrep.Geo.Evaluation;
using Sitrep.Geo.Gazetteer;
using Sitrep.Pipeline;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep eval geo --corpus FILE</c>: recognition precision/recall/F1 (overlapping spans), end-to-end
/// acc@161 km, and with the gold spans given acc@161 km, mean/median error and AUC.
/// </summary>
internal static class EvalGeoCommand
{
    private const string Help =
        "Score the geoparser on a gold XML corpus (GeoVirus, GeoWebNews or the <gaztag> layout). " +
        "Recognition counts GeoVirus locations and, in GeoWebNews, the toponym types Literal, Mixed, Literal_Modifier, " +
        "Embedded_Literal, Non_Literal_Modifier, Embedded_Non_Lit, Metonymic and Demonym; Language and Coercion spans are ignored " +
        "(neither right nor wrong); common-noun expressions, Non_Toponym and Homonym are not places. Resolution figures use the " +
        "counted toponyms that have coordinates; a prediction matches a gold toponym when the spans overlap.";

    public static Command Create()
    {
        var corpus = new Option<FileInfo>("--corpus") { Description = "Gold corpus XML file", Required = true };
        var json = CommonOptions.Json();
        var details = new Option<FileInfo?>("--details") { Description = "Write every miss (FP, FN, resolution error > 161 km) to this TSV file" };
        var command = new Command("geo", Help) { corpus, json, details };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var resources = PipelineResources.FromEnvironment();
            if (!await SetupCommand.EnsurePreparedAsync(resources, cancellationToken))
            {
                return 2;
            }

            var file = parse.GetValue(corpus)!;
            if (!file.Exists)
            {
                await Console.Error.WriteLineAsync($"SITREP-EVAL-001: corpus not found: {file.FullName}");
                return 2;
            }

            var detailsFile = parse.GetValue(details);
            using var writer = detailsFile is null ? null : new StreamWriter(detailsFile.FullName);
            var scores = Run(file.FullName, resources, writer);
            Console.WriteLine(parse.GetValue(json) ? JsonSerializer.Serialize(scores) : Format(file.Name, scores));
            return 0;
        });
        return command;
    }

    public static GeoScores Run(string corpusPath, PipelineResources resources, TextWriter? details = null)
    {
        var pipeline = DefaultPipeline.Create(resources);
        var geoparser = new Geoparser(GazetteerCache.Get(resources.DataDirectory));
        return GeoScorer.Score(GeoCorpus.Load(corpusPath), document => pipeline.Process(document).Places, geoparser, details);
    }

    private static string Format(string name, GeoScores s) => string.Create(CultureInfo.InvariantCulture, $"""
        {name}: {s.Articles} articles
          recognition  P {s.Precision:F3}  R {s.Recall:F3}  F1 {s.F1:F3}  ({s.Predicted} predicted, {s.GoldRecognition} gold)
          end to end   acc@161km {s.EndToEndAccuracy161:F3}
          gold spans   acc@161km {s.Accuracy161:F3}  mean {s.MeanErrorKm:F0} km  median {s.MedianErrorKm:F0} km  AUC {s.Auc:F3}  ({s.GoldResolution} toponyms)
          time         {s.SecondsElapsed:F1} s
        """);
}
