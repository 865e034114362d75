namespace Sitrep.Situation.Review;

/// <summary>
/// Which unreviewed events need an analyst most: those that change the access picture (sieges, corridors,
/// deliveries) first, then those whose sources disagree, then the least certain. The same order for
/// <c>sitrep review queue</c> and the dashboard's queue.
/// </summary>
public static class ReviewQueue
{
    /// <summary>The unreviewed events among <paramref name="events"/>, most in need of review first.</summary>
    public static IEnumerable<T> Rank<T>(IEnumerable<T> events, Func<T, MergedEvent> merged)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(merged);
        return events
            .Where(e => merged(e).ReviewState.Status == ReviewStatus.Unreviewed)
            .OrderByDescending(e => AccessEffects.Of(merged(e).Type) != AccessEffect.None)
            .ThenBy(e => merged(e).HasDisagreement ? 0 : 1)
            .ThenBy(e => merged(e).Confidence)
            .ThenBy(e => merged(e).Id, StringComparer.Ordinal);
    }

    /// <summary>Why the event is where it is in the queue, in a few words for the analyst.</summary>
    public static IReadOnlyList<string> Reasons(MergedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var reasons = new List<string>();
        if (AccessEffects.Of(e.Type) != AccessEffect.None)
        {
            reasons.Add("changes access");
        }

        if (e.HasDisagreement)
        {
            reasons.Add("sources disagree");
        }

        if (e.Confidence < 0.5)
        {
            reasons.Add("low confidence");
        }

        if (e.Sources.Count == 1)
        {
            reasons.Add("single source");
        }

        return reasons;
    }
}
