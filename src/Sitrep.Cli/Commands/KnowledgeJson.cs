using Sitrep.Situation;
using Sitrep.Situation.Review;
using Sitrep.Store.Knowledge;

namespace Sitrep.Cli.Commands;

/// <summary>The JSON shapes of the knowledge-base commands (docs/contract.md, "Knowledge base").</summary>
internal static class KnowledgeJson
{
    public static MergedEvent Merge(ReviewedCluster reviewed) => MergedEvent.From(reviewed.Cluster) with { ReviewState = reviewed.Review };

    public static object Event(MergedEvent e) => new
    {
        e.Id,
        e.Type,
        Date = AreasCommand.Date(e.Start),
        e.Sources,
        SourceCount = e.Sources.Count,
        e.Confidence,
        MergeEvidence = e.MergeEvidence,
        Dates = Values(e.Dates),
        Places = Values(e.Places),
        Actor1 = Values(e.Actor1),
        Actor2 = Values(e.Actor2),
        Quantities = e.Quantities.SelectMany(q => q.Value.Select(v => new { Category = q.Key, v.Value, v.Sources })),
        e.Supplies,
        Latitude = e.Latitude,
        Longitude = e.Longitude,
        Disagreement = e.HasDisagreement,
        Evidence = Values(e.Evidence),
        e.Keys,
        Review = new
        {
            Status = AreasCommand.Snake(e.ReviewState.Status.ToString()),
            Corrections = e.ReviewState.Corrections.Select(c => new { c.Field, c.Extracted, c.Value, c.Analyst, At = c.At.ToString("O", System.Globalization.CultureInfo.InvariantCulture) }),
        },
    };

    public static object Actor(KnownActor a) => new
    {
        a.Id,
        a.Name,
        a.Type,
        a.Aliases,
        FirstSeen = AreasCommand.Date(a.FirstSeen),
        LastSeen = AreasCommand.Date(a.LastSeen),
        a.Reports,
        a.Emerging,
        a.FirstReport,
        a.FirstChannel,
    };

    public static object Decision(ReviewDecision d) => new
    {
        d.Id,
        Kind = KnowledgeBase.KindName(d.Kind),
        d.Target,
        d.Other,
        d.Field,
        d.Value,
        d.Note,
        d.Analyst,
        At = d.At.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static IEnumerable<object> Values<T>(IReadOnlyList<SourcedValue<T>> values) => values.Select(v => new { v.Value, v.Sources });
}
