using System.Globalization;
using Sitrep.Actors;
using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Events.Evaluation;

/// <summary>Precision and recall of one actor role, counted over actors (micro-averaged).</summary>
public sealed record RoleScore(int Predicted, int PredictedCorrect, int Gold, int GoldFound)
{
    public double Precision => Predicted == 0 ? 0 : (double)PredictedCorrect / Predicted;

    public double Recall => Gold == 0 ? 0 : (double)GoldFound / Gold;

    public static RoleScore operator +(RoleScore a, RoleScore b) =>
        new(a.Predicted + b.Predicted, a.PredictedCorrect + b.PredictedCorrect, a.Gold + b.Gold, a.GoldFound + b.GoldFound);
}

/// <summary>Figures on the PLOVER gold records.</summary>
public sealed record PloverScore(int Records, double TypeAccuracy, double TopEventTypeAccuracy, RoleScore Source, RoleScore Target, double ArticlesPerSecond, IReadOnlyList<string> Errors)
{
    public RoleScore Actors => Source + Target;
}

/// <summary>Figures on our readable examples: the main (most salient) event of each snippet against its expectations.</summary>
public sealed record ExampleScore(int Examples, double TypeAccuracy, double AcledSubEventWeightedF1, double Actor1Accuracy, double Actor2Accuracy, double ModalityAccuracy, IReadOnlyList<string> Failures);

/// <summary>
/// Scores the event coder. PLOVER: the predicted event is the one whose trigger overlaps a gold EVT
/// phrase of the record's markup (else the most salient one), compared by its PLOVER type; a predicted
/// actor matches a gold actor when their country codes agree (gold IGO/NGO: an IGO or NGO actor) or when
/// the predicted mention overlaps the gold actor text. Examples: the main event against the expectations.
/// </summary>
public static class EventScorer
{
    // CAMEO country codes that differ from ISO 3166-1 alpha-3.
    private static readonly Dictionary<string, string> CameoToIso = new(StringComparer.Ordinal)
    {
        ["JAP"] = "JPN", ["ITL"] = "ITA", ["VTN"] = "VNM", ["GER"] = "DEU", ["ROM"] = "ROU", ["UK"] = "GBR", ["PAL"] = "PSE", ["USR"] = "SUN",
    };

    public static PloverScore ScorePlover(IReadOnlyList<PloverRecord> records, ReportPipeline pipeline, TimeProvider time)
    {
        var typeCorrect = 0;
        var topCorrect = 0;
        var source = new RoleScore(0, 0, 0, 0);
        var target = new RoleScore(0, 0, 0, 0);
        var errors = new List<string>();
        var started = time.GetTimestamp();
        foreach (var record in records)
        {
            var document = pipeline.Process(new ReportDocument(record.Id, record.Text, record.Date));
            var chosen = Choose(document, record);
            var predictedType = chosen?.PloverType ?? "NONE";
            if (predictedType == record.Event)
            {
                typeCorrect++;
            }
            else
            {
                errors.Add($"{record.Id}: gold {record.Event}, predicted {predictedType} ({(chosen is null ? "no event" : document.Slice(chosen.TriggerSpan ?? chosen.Span))})");
            }

            if ((document.Events.FirstOrDefault()?.PloverType ?? "NONE") == record.Event)
            {
                topCorrect++;
            }

            var sourceScore = Roles(document, chosen, chosen?.Actor1All ?? [], record.Sources);
            var targetScore = Roles(document, chosen, chosen?.Actor2All ?? [], record.Targets);
            if (sourceScore.GoldFound < sourceScore.Gold || targetScore.GoldFound < targetScore.Gold || sourceScore.PredictedCorrect < sourceScore.Predicted || targetScore.PredictedCorrect < targetScore.Predicted)
            {
                // Each actor marked: '+' matched, '-' not (a wrong prediction or a missed gold actor).
                string Mark(bool ok) => ok ? "+" : "-";
                var predictedSources = (chosen?.Actor1All ?? []).Select(p => Mark(record.Sources.Any(g => Matches(document, chosen, p, g))) + p);
                var predictedTargets = (chosen?.Actor2All ?? []).Select(p => Mark(record.Targets.Any(g => Matches(document, chosen, p, g))) + p);
                var goldSources = record.Sources.Select(g => Mark((chosen?.Actor1All ?? []).Any(p => Matches(document, chosen, p, g))) + g.Text + "/" + g.Code);
                var goldTargets = record.Targets.Select(g => Mark((chosen?.Actor2All ?? []).Any(p => Matches(document, chosen, p, g))) + g.Text + "/" + g.Code);
                errors.Add($"{record.Id}: actors [{string.Join(", ", predictedSources)}] -> [{string.Join(", ", predictedTargets)}], gold [{string.Join(", ", goldSources)}] -> [{string.Join(", ", goldTargets)}]");
            }

            source += sourceScore;
            target += targetScore;
        }

        var seconds = time.GetElapsedTime(started).TotalSeconds;
        return new PloverScore(records.Count, Ratio(typeCorrect, records.Count), Ratio(topCorrect, records.Count), source, target,
            seconds > 0 ? records.Count / seconds : 0, errors);
    }

    public static ExampleScore ScoreExamples(IReadOnlyList<EventExample> examples, ReportPipeline pipeline, Ontology ontology)
    {
        var typeCorrect = 0;
        var actor1 = (Right: 0, Total: 0);
        var actor2 = (Right: 0, Total: 0);
        var modality = (Right: 0, Total: 0);
        var pairs = new List<(string, string)>();
        var failures = new List<string>();
        foreach (var example in examples)
        {
            var published = example.Expected.TryGetValue("published", out var p) ? DateOnly.Parse(p, CultureInfo.InvariantCulture) : new DateOnly(2024, 1, 15);
            var document = pipeline.Process(new ReportDocument("example-" + example.Line.ToString(CultureInfo.InvariantCulture), example.Text, published));
            var main = document.Events.FirstOrDefault();
            var problems = new List<string>();
            var expectedType = example.Type ?? "NONE";
            if ((main?.Type ?? "NONE") == expectedType)
            {
                typeCorrect++;
            }
            else
            {
                problems.Add($"type {main?.Type ?? "NONE"} != {expectedType}");
            }

            var goldSub = example.Expected.GetValueOrDefault("sub") ?? (ontology.ByCode.TryGetValue(expectedType, out var t) ? t.AcledSubEventType : "None");
            pairs.Add((goldSub, main?.AcledSubEventType ?? "None"));
            Check("actor1", main?.Actor1, ref actor1);
            Check("actor2", main?.Actor2, ref actor2);
            if (example.Expected.TryGetValue("modality", out var m))
            {
                modality.Total++;
                if (string.Equals(main?.Modality.ToString(), m, StringComparison.OrdinalIgnoreCase))
                {
                    modality.Right++;
                }
                else
                {
                    problems.Add($"modality {main?.Modality.ToString().ToLowerInvariant()} != {m}");
                }
            }

            if (problems.Count > 0)
            {
                failures.Add($"line {example.Line} ({example.Title}): {string.Join("; ", problems)}");
            }

            void Check(string key, string? predicted, ref (int Right, int Total) score)
            {
                if (!example.Expected.TryGetValue(key, out var expected))
                {
                    return;
                }

                score.Total++;
                var options = expected.Split('|', StringSplitOptions.TrimEntries);
                if (options.Contains(predicted ?? "-", StringComparer.Ordinal))
                {
                    score.Right++;
                }
                else
                {
                    problems.Add($"{key} {predicted ?? "-"} != {expected}");
                }
            }
        }

        return new ExampleScore(examples.Count, Ratio(typeCorrect, examples.Count), WeightedF1.Compute(pairs),
            Ratio(actor1.Right, actor1.Total), Ratio(actor2.Right, actor2.Total), Ratio(modality.Right, modality.Total), failures);
    }

    /// <summary>The event the gold record describes: the one whose trigger overlaps a gold EVT phrase, else the most salient.</summary>
    private static EventMention? Choose(ReportDocument document, PloverRecord record)
    {
        var text = document.Normalized.Value;
        foreach (var phrase in record.TriggerWords)
        {
            foreach (var word in phrase.Split([' ', '.'], StringSplitOptions.RemoveEmptyEntries))
            {
                var at = IndexOfWord(text, word);
                if (at < 0)
                {
                    continue;
                }

                var span = new TextSpan(at, at + word.Length);
                var hit = document.Events.FirstOrDefault(e => e.TriggerSpan is { } t && t.Overlaps(span));
                if (hit is not null)
                {
                    return hit;
                }
            }
        }

        return document.Events.FirstOrDefault();
    }

    private static int IndexOfWord(string text, string word)
    {
        var from = 0;
        while (from < text.Length)
        {
            var at = text.IndexOf(word, from, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return -1;
            }

            var end = at + word.Length;
            if ((at == 0 || !char.IsLetter(text[at - 1])) && (end >= text.Length || !char.IsLetter(text[end]) || word.Length >= 4))
            {
                return at;
            }

            from = at + 1;
        }

        return -1;
    }

    private static RoleScore Roles(ReportDocument document, EventMention? e, IReadOnlyList<string> predicted, IReadOnlyList<PloverActor> gold)
    {
        var predictedCorrect = predicted.Count(p => gold.Any(g => Matches(document, e, p, g)));
        var goldFound = gold.Count(g => predicted.Any(p => Matches(document, e, p, g)));
        return new RoleScore(predicted.Count, predictedCorrect, gold.Count, goldFound);
    }

    private static bool Matches(ReportDocument document, EventMention? e, string predictedId, PloverActor gold)
    {
        var mentions = document.Actors.Where(a => a.ActorId == predictedId && (e is null || e.Span.Contains(a.Span))).ToList();
        var code = CameoToIso.GetValueOrDefault(gold.Code, gold.Code);
        foreach (var mention in mentions)
        {
            var iso3 = ActorRegistry.Default.Iso3(mention.CountryCode);
            if (iso3 is not null && iso3 == code
                || code is "IGO" or "NGO" && mention.Type is ActorType.Igo or ActorType.Ngo
                || code is "IMG" && mention.Type is ActorType.ArmedGroup && mention.CountryCode is null)
            {
                return true;
            }

            var head = gold.Text.Split("...", StringSplitOptions.TrimEntries)[0];
            var at = head.Length > 0 ? document.Normalized.Value.IndexOf(head, StringComparison.OrdinalIgnoreCase) : -1;
            if (at >= 0 && mention.Span.Overlaps(new TextSpan(at, at + head.Length)))
            {
                return true;
            }
        }

        return false;
    }

    private static double Ratio(int right, int total) => total == 0 ? 0 : (double)right / total;
}
