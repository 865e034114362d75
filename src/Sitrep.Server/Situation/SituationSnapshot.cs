using Sitrep.Situation;
using Sitrep.Store.Knowledge;

namespace Sitrep.Server.Situation;

/// <summary>
/// The whole picture at one <see cref="KnowledgeVersion"/>: every merged event (rejected ones too, for
/// those who ask), indexed; the areas and the actors, from the events analysts have not rejected.
/// </summary>
internal sealed record SituationSnapshot(
    KnowledgeVersion Version,
    long Generation,
    EventIndex Index,
    IReadOnlyDictionary<string, SituationEventRecord> EventsById,
    IReadOnlyList<AreaPicture> Areas,
    IReadOnlyList<ActorSummary> Actors)
{
    /// <summary>Whole responses of reads made from this snapshot (<see cref="SituationReader.ResponseAsync"/>).</summary>
    public ResponseCache Responses { get; } = new();

    public static async Task<SituationSnapshot> ReadAsync(KnowledgeBase knowledge, KnowledgeVersion version, long generation, CancellationToken cancellationToken)
    {
        var titles = await knowledge.ReportTitlesAsync(cancellationToken);
        var clusters = await knowledge.ClustersAsync(cancellationToken);
        var merged = clusters.Select(SituationEventRecord.Merge).ToList();
        var areas = AreaPictureBuilder.Build([.. clusters.Select((c, i) => (c.Cluster, merged[i])).Where((_, i) => !clusters[i].IsRejected)]);
        var areaOf = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var area in areas)
        {
            foreach (var id in area.Events)
            {
                if (!areaOf.TryGetValue(id, out var names))
                {
                    areaOf[id] = names = [];
                }

                names.Add(area.Name);
            }
        }

        var events = EventIndex.Order(clusters.Select((c, i) => SituationEventRecord.From(c.Cluster, merged[i], areaOf.GetValueOrDefault(c.Cluster.Id) ?? [], titles))).ToList();
        var eventsNaming = events
            .Where(e => e.Merged.ReviewState.Status != Sitrep.Situation.Review.ReviewStatus.Rejected)
            .SelectMany(e => e.Merged.Actor1.Concat(e.Merged.Actor2).Select(a => a.Value).Distinct(StringComparer.Ordinal))
            .GroupBy(a => a, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var actors = (await knowledge.ActorsAsync(cancellationToken))
            .Select(a => ActorSummary.From(a, eventsNaming.GetValueOrDefault(a.Id)))
            .ToList();
        return new SituationSnapshot(
            version,
            generation,
            new EventIndex(events),
            events.ToDictionary(e => e.Id, StringComparer.Ordinal),
            areas,
            actors);
    }
}
