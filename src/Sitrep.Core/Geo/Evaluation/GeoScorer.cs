using Sitrep.Documents;
using Sitrep.Geo.Resolution;

namespace Sitrep.Geo.Evaluation;

/// <summary>The figures of one corpus run (<c>sitrep eval geo</c>).</summary>
public sealed record GeoScores
{
    public required int Articles { get; init; }

    public required int GoldRecognition { get; init; }

    public required int Predicted { get; init; }

    public required double Precision { get; init; }

    public required double Recall { get; init; }

    public required double F1 { get; init; }

    /// <summary>Gold toponyms with coordinates that an overlapping prediction placed within 161 km, over all such gold toponyms.</summary>
    public required double EndToEndAccuracy161 { get; init; }

    public required int GoldResolution { get; init; }

    /// <summary>With the gold spans given.</summary>
    public required double Accuracy161 { get; init; }

    public required double MeanErrorKm { get; init; }

    public required double MedianErrorKm { get; init; }

    /// <summary>Area under the curve of sorted log errors (Gritta et al. 2018): 0 is perfect, 1 every answer at the antipode.</summary>
    public required double Auc { get; init; }

    public required double SecondsElapsed { get; init; }
}

/// <summary>
/// Scores the geoparser on a gold corpus. Which gold toponyms count:
/// <list type="bullet">
/// <item>Recognition: GeoVirus locations; in GeoWebNews the types a geoparser should find: Literal, Mixed,
/// Literal_Modifier, Embedded_Literal, Non_Literal_Modifier, Embedded_Non_Lit, Metonymic and Demonym. Its
/// common-noun expressions (Literal_Expression, Non_Lit_Expression), Non_Toponym and Homonym are not places;
/// Language and Coercion are left out of both sides (a prediction overlapping them is neither right nor wrong).</item>
/// <item>Resolution (gold spans and end to end): the counted toponyms that carry coordinates.</item>
/// </list>
/// A prediction matches a gold toponym when their spans overlap (one to one, in order).
/// </summary>
public static class GeoScorer
{
    public const double AccuracyKm = 161;
    private const double MaxErrorKm = 20_039;

    private static readonly HashSet<string> RecognitionTypes = new(StringComparer.Ordinal)
    {
        "Literal", "Mixed", "Literal_Modifier", "Embedded_Literal", "Non_Literal_Modifier", "Embedded_Non_Lit", "Metonymic", "Demonym",
    };

    private static readonly HashSet<string> IgnoredTypes = new(StringComparer.Ordinal) { "Language", "Coercion" };

    public static bool CountsForRecognition(GoldToponym toponym) => RecognitionTypes.Contains(toponym.Type);

    public static GeoScores Score(IReadOnlyList<GoldArticle> articles, Func<ReportDocument, IReadOnlyList<Geo.PlaceMention>> extract, Geoparser geoparser, TextWriter? details = null)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        int goldRecognition = 0, predicted = 0, truePositives = 0, matchedGold = 0, goldResolution = 0, endToEndCorrect = 0;
        var errors = new List<double>();
        foreach (var article in articles)
        {
            var document = new ReportDocument(article.Id, article.Text, null);
            var places = extract(document);
            var counted = article.Toponyms.Where(CountsForRecognition).OrderBy(t => t.Start).ToList();
            var ignored = article.Toponyms.Where(t => IgnoredTypes.Contains(t.Type)).ToList();
            var predictions = places.Select(p => (Mention: p, Span: document.ToSourceCodePoints(p.Span))).OrderBy(p => p.Span.Start).ToList();

            var used = new bool[counted.Count];
            foreach (var (mention, span) in predictions)
            {
                var match = -1;
                for (var g = 0; g < counted.Count; g++)
                {
                    if (!used[g] && counted[g].Start < span.End && span.Start < counted[g].End)
                    {
                        match = g;
                        break;
                    }
                }

                if (match < 0)
                {
                    details?.WriteLine($"FP\t{article.Id}\t{span.Start}\t{document.SourceSlice(mention.Span)}\t{mention.Name}\t{mention.CountryCode}\t{mention.FeatureCode}");
                    if (!ignored.Any(t => t.Start < span.End && span.Start < t.End))
                    {
                        predicted++;
                    }

                    continue;
                }

                predicted++;
                truePositives++;
                used[match] = true;
                var gold = counted[match];
                if (gold.HasCoordinates && mention.IsResolved
                    && GeoMath.DistanceKm(gold.Latitude!.Value, gold.Longitude!.Value, mention.Latitude!.Value, mention.Longitude!.Value) <= AccuracyKm)
                {
                    endToEndCorrect++;
                }
            }

            for (var g = 0; g < counted.Count; g++)
            {
                if (!used[g])
                {
                    details?.WriteLine($"FN\t{article.Id}\t{counted[g].Start}\t{counted[g].Name}\t{counted[g].Type}");
                }
            }

            goldRecognition += counted.Count;
            matchedGold += used.Count(u => u);

            // Gold spans given: resolution alone. Offsets are code points; the geoparser works in UTF-16 units.
            var withCoordinates = counted.Where(t => t.HasCoordinates).ToList();
            goldResolution += withCoordinates.Count;
            if (withCoordinates.Count == 0)
            {
                continue;
            }

            var spans = withCoordinates.Select(t => new TextSpan(ToUtf16(article.Text, t.Start), ToUtf16(article.Text, t.End))).ToList();
            var resolved = geoparser.ResolveSpans(article.Text, spans);
            for (var i = 0; i < withCoordinates.Count; i++)
            {
                var gold = withCoordinates[i];
                var answer = resolved[i];
                var error = answer.IsResolved
                    ? GeoMath.DistanceKm(gold.Latitude!.Value, gold.Longitude!.Value, answer.Latitude!.Value, answer.Longitude!.Value)
                    : MaxErrorKm;
                errors.Add(error);
                if (error > AccuracyKm)
                {
                    details?.WriteLine(System.FormattableString.Invariant($"GEO\t{article.Id}\t{gold.Start}\t{gold.Name}\t{gold.Type}\t{gold.Latitude:F2},{gold.Longitude:F2}\t{answer.GeonameId}\t{answer.Name}\t{answer.CountryCode}\t{answer.FeatureCode}\t{answer.Latitude:F2},{answer.Longitude:F2}\t{error:F0}"));
                }
            }

        }

        var precision = predicted == 0 ? 0 : (double)truePositives / predicted;
        var recall = goldRecognition == 0 ? 0 : (double)matchedGold / goldRecognition;
        var goldWithCoordinates = articles.Sum(a => a.Toponyms.Count(t => CountsForRecognition(t) && t.HasCoordinates));
        errors.Sort();
        return new GeoScores
        {
            Articles = articles.Count,
            GoldRecognition = goldRecognition,
            Predicted = predicted,
            Precision = precision,
            Recall = recall,
            F1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall),
            EndToEndAccuracy161 = goldWithCoordinates == 0 ? 0 : (double)endToEndCorrect / goldWithCoordinates,
            GoldResolution = goldResolution,
            Accuracy161 = errors.Count == 0 ? 0 : (double)errors.Count(e => e <= AccuracyKm) / errors.Count,
            MeanErrorKm = errors.Count == 0 ? 0 : errors.Average(),
            MedianErrorKm = errors.Count == 0 ? 0 : errors[errors.Count / 2],
            Auc = Auc(errors),
            SecondsElapsed = stopwatch.Elapsed.TotalSeconds,
        };
    }

    /// <summary>Trapezoid area under sorted ln(1 + error), scaled by ln(1 + 20,039 km) and the number of steps.</summary>
    internal static double Auc(IReadOnlyList<double> sortedErrors)
    {
        if (sortedErrors.Count < 2)
        {
            return sortedErrors.Count == 1 ? Math.Log(1 + sortedErrors[0]) / Math.Log(1 + MaxErrorKm) : 0;
        }

        var area = 0.0;
        for (var i = 1; i < sortedErrors.Count; i++)
        {
            area += (Math.Log(1 + sortedErrors[i - 1]) + Math.Log(1 + sortedErrors[i])) / 2;
        }

        return area / ((sortedErrors.Count - 1) * Math.Log(1 + MaxErrorKm));
    }

    private static int ToUtf16(string text, int codePoint)
    {
        var position = 0;
        for (var i = 0; i < codePoint && position < text.Length; i++)
        {
            position += char.IsHighSurrogate(text[position]) && position + 1 < text.Length ? 2 : 1;
        }

        return position;
    }
}
