using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Events;
using Sitrep.Situation;
using Sitrep.Situation.Review;

namespace Sitrep.Server.Situation;

/// <summary>
/// One merged event as the server shows it: the knowledge base's <see cref="MergedEvent"/>, the reports'
/// own mentions of it (with their evidence spans, for highlighting), the areas it counts for, and the
/// ontology's ACLED mapping.
/// </summary>
public sealed partial record SituationEventRecord
{
    public required MergedEvent Merged { get; init; }

    public required IReadOnlyList<EventMention> Mentions { get; init; }

    public required IReadOnlyList<string> Areas { get; init; }

    public string Id => Merged.Id;

    public string Type => Merged.Type;

    public string? AcledEventType { get; init; }

    public string? AcledSubEventType { get; init; }

    /// <summary>The GeoNames feature code of the place (PPL, ADM1, ...), for the precision of the coordinates.</summary>
    public string? FeatureCode { get; init; }

    /// <summary>Every modality a source gave it (most events: one).</summary>
    public required IReadOnlyList<string> Modalities { get; init; }

    /// <summary>The outlets and channels that reported it.</summary>
    public required IReadOnlyList<string> SourceNames { get; init; }

    /// <summary>Evidence, places and actors in one string, for the table's word search.</summary>
    public required string SearchText { get; init; }

    /// <summary>
    /// This event as the API lists it, serialized once (by <c>EventPageWriter</c>) and kept as long as the
    /// snapshot: the record is otherwise immutable, and a snapshot's events never change.
    /// </summary>
    internal byte[]? ListJson { get; set; }

    /// <summary>The record of one cluster as analysts left it: their corrections in the members, the review state on the merged event.</summary>
    public static SituationEventRecord From(ReviewedCluster reviewed, IReadOnlyList<string> areas, IReadOnlyDictionary<string, string> titles)
    {
        ArgumentNullException.ThrowIfNull(reviewed);
        return From(reviewed.Cluster, Merge(reviewed), areas, titles);
    }

    /// <summary>The merged event of a reviewed cluster, with its review state.</summary>
    public static MergedEvent Merge(ReviewedCluster reviewed)
    {
        ArgumentNullException.ThrowIfNull(reviewed);
        return MergedEvent.From(reviewed.Cluster) with { ReviewState = reviewed.Review };
    }

    /// <summary>The record of a cluster whose merged event (<see cref="Merge"/>) is already made.</summary>
    public static SituationEventRecord From(EventCluster cluster, MergedEvent merged, IReadOnlyList<string> areas, IReadOnlyDictionary<string, string> titles)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(merged);
        var type = Ontology.Default.ByCode.GetValueOrDefault(merged.Type);
        var mentions = cluster.Members.Select(m => EventMention.From(m, titles.GetValueOrDefault(m.ReportId))).ToList();
        return new SituationEventRecord
        {
            Merged = merged,
            Mentions = mentions,
            Areas = areas,
            AcledEventType = type?.AcledEventType,
            AcledSubEventType = type?.AcledSubEventType,
            FeatureCode = cluster.Members.FirstOrDefault(m => m.Latitude is not null)?.FeatureCode,
            Modalities = [.. cluster.Members.Select(m => m.Modality).Distinct(StringComparer.Ordinal)],
            SourceNames = [.. cluster.Members.Select(m => m.Source).OfType<string>().Distinct(StringComparer.Ordinal)],
            SearchText = string.Join(
                '\n',
                cluster.Members.Select(m => m.EvidenceText)
                    .Concat(merged.Places.Select(p => p.Value))
                    .Concat(merged.Actor1.Concat(merged.Actor2).Select(a => a.Value))
                    .Concat(mentions.Select(m => m.Source).OfType<string>())),
        };
    }
}

/// <summary>One report's telling of a merged event: where in the report the evidence is.</summary>
public sealed partial record EventMention
{
    public required string Key { get; init; }

    public required string ReportId { get; init; }

    public string? Source { get; init; }

    public string? Title { get; init; }

    public DateOnly? Published { get; init; }

    public required string Modality { get; init; }

    /// <summary>The evidence sentence in code points into the report's text (docs/contract.md), when known.</summary>
    public int? EvidenceStart { get; init; }

    public int? EvidenceEnd { get; init; }

    public required string EvidenceText { get; init; }

    public double Confidence { get; init; }

    public static EventMention From(SituationEvent member, string? title)
    {
        ArgumentNullException.ThrowIfNull(member);

        // The key is "<hash>#TYPE@start-end" with the evidence's code point offsets (docs/contract.md, areas).
        var span = EvidenceSpan().Match(member.Key);
        return new EventMention
        {
            Key = member.Key,
            ReportId = member.ReportId,
            Source = member.Source,
            Title = title,
            Published = member.Published,
            Modality = member.Modality,
            EvidenceStart = span.Success ? int.Parse(span.Groups[1].ValueSpan, CultureInfo.InvariantCulture) : null,
            EvidenceEnd = span.Success ? int.Parse(span.Groups[2].ValueSpan, CultureInfo.InvariantCulture) : null,
            EvidenceText = member.EvidenceText,
            Confidence = member.Confidence,
        };
    }

    [GeneratedRegex(@"@(\d{1,9})-(\d{1,9})$", RegexOptions.CultureInvariant)]
    private static partial Regex EvidenceSpan();
}
