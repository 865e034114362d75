using Sitrep.Documents;
using Sitrep.Geo.Gazetteer;
using Sitrep.Geo.Recognition;
using Sitrep.Geo.Resolution;
using Sitrep.Pipeline;

namespace Sitrep.Geo;

/// <summary>
/// The <c>places</c> stage: recognises toponyms in the normalized text and resolves each to a gazetteer
/// entry, or leaves it unresolved when no candidate is convincing. Thread-safe.
/// </summary>
public sealed class PlacesStage(PlaceGazetteer gazetteer) : IPipelineStage
{
    private readonly ToponymRecognizer _recognizer = new(gazetteer);
    private readonly ToponymResolver _resolver = new(gazetteer);

    public string Name => "places";

    public string Version => "1.0";

    public IReadOnlyList<AnnotationLayer> Requires { get; } = [AnnotationLayer.Sentences];

    public IReadOnlyList<AnnotationLayer> Assigns { get; } = [AnnotationLayer.Places];

    public void Process(ReportDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var toponyms = _recognizer.Recognize(document.Normalized.Value);
        var resolutions = _resolver.Resolve(toponyms, document.Explain);
        var stamp = new StageStamp(Name, Version);
        document.Places.AddRange(ToMentions(toponyms, resolutions, stamp, document.Explain));
        if (document.Explain)
        {
            for (var t = 0; t < toponyms.Count; t++)
            {
                var ranked = string.Join("; ", resolutions[t].Ranked.Select(r => $"{r.Entry.Name} ({r.Entry.CountryCode} {r.Entry.FeatureCode} {r.Entry.Id}): {r.Reason}"));
                document.Explanations.Add(new ExplainNote(stamp, toponyms[t].Span, $"'{document.Slice(toponyms[t].Span)}' -> {(resolutions[t].Entry?.Name ?? "unresolved")}; candidates: {ranked}"));
            }
        }
    }

    /// <summary>
    /// One sense per discourse: every mention of a name takes the most confident decision made for that
    /// name in the document (a qualified "Pandi, Bulacan" settles the later bare "Pandi").
    /// </summary>
    internal static IEnumerable<PlaceMention> ToMentions(IReadOnlyList<Toponym> toponyms, IReadOnlyList<Resolution.Resolution> resolutions, StageStamp stamp, bool explain)
    {
        var bestByKey = new Dictionary<string, Resolution.Resolution>(StringComparer.Ordinal);
        for (var t = 0; t < toponyms.Count; t++)
        {
            if (resolutions[t].Entry is not null && (!bestByKey.TryGetValue(toponyms[t].Key, out var seen) || resolutions[t].Score > seen.Score))
            {
                bestByKey[toponyms[t].Key] = resolutions[t];
            }
        }

        for (var t = 0; t < toponyms.Count; t++)
        {
            var resolution = bestByKey.GetValueOrDefault(toponyms[t].Key, resolutions[t]);
            yield return ToMention(toponyms[t].Span, toponyms[t].Kind, resolution, stamp, explain);
        }
    }

    internal static PlaceMention ToMention(TextSpan span, PlaceMentionKind kind, Resolution.Resolution resolution, StageStamp stamp, bool explain)
    {
        var entry = resolution.Entry;
        return new PlaceMention
        {
            Span = span,
            Stage = stamp,
            Confidence = resolution.Score,
            Score = resolution.Score,
            Kind = kind,
            GeonameId = entry?.Id,
            Name = entry?.Name,
            Latitude = entry is null ? null : Math.Round(entry.Latitude, 5),
            Longitude = entry is null ? null : Math.Round(entry.Longitude, 5),
            CountryCode = entry is null || entry.CountryCode.Length == 0 ? null : entry.CountryCode,
            FeatureCode = entry?.FeatureCode,
            Candidates = explain
                ? [.. resolution.Ranked.Select(r => new PlaceCandidateScore(r.Entry.Id, r.Entry.Name, r.Entry.CountryCode, r.Entry.FeatureCode, Math.Round(r.Score, 4), r.Reason))]
                : [],
        };
    }
}
