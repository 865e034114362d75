namespace Sitrep.Situation.Review;

/// <summary>Where an event stands in review.</summary>
public enum ReviewStatus
{
    Unreviewed,
    Confirmed,
    Corrected,
    Rejected,
}

/// <summary>A field an analyst changed: what extraction said and what the analyst says.</summary>
public sealed record FieldCorrection(string Field, string? Extracted, string Value, string Analyst, DateTimeOffset At);

/// <summary>The review state of one merged event.</summary>
public sealed record EventReview(ReviewStatus Status, IReadOnlyList<FieldCorrection> Corrections, IReadOnlyList<long> Decisions)
{
    public static readonly EventReview None = new(ReviewStatus.Unreviewed, [], []);

    /// <summary>The decisions behind <see cref="Status"/> and <see cref="Corrections"/>, oldest first: who decided what, and when.</summary>
    public IReadOnlyList<ReviewDecision> History { get; init; } = [];
}

/// <summary>A cluster after the analysts' decisions: members with corrected fields, and its review state.</summary>
public sealed record ReviewedCluster(EventCluster Cluster, EventReview Review)
{
    public bool IsRejected => Review.Status == ReviewStatus.Rejected;
}

/// <summary>
/// Replays confirm, correct, reject and restore decisions over clusters derived from the reports. A
/// decision about any member applies to its whole cluster (the real-world event); later decisions win.
/// Merge and split change cluster membership and are applied where clusters are formed.
/// </summary>
public static class ReviewOverlay
{
    public static IReadOnlyList<ReviewedCluster> Apply(IReadOnlyList<EventCluster> clusters, IReadOnlyList<ReviewDecision> decisions)
    {
        var byTarget = decisions
            .Where(d => d.Kind is ReviewKind.Confirm or ReviewKind.Correct or ReviewKind.Reject or ReviewKind.Restore)
            .ToLookup(d => d.Target, StringComparer.Ordinal);
        return [.. clusters.Select(c => Apply(c, [.. c.Members.SelectMany(m => byTarget[m.Key]).OrderBy(d => d.Id)]))];
    }

    public static ReviewedCluster Apply(EventCluster cluster, IReadOnlyList<ReviewDecision> decisions)
    {
        if (decisions.Count == 0)
        {
            return new ReviewedCluster(cluster, EventReview.None);
        }

        var members = cluster.Members.ToList();
        var corrections = new List<FieldCorrection>();
        var status = ReviewStatus.Unreviewed;
        foreach (var decision in decisions)
        {
            switch (decision.Kind)
            {
                case ReviewKind.Confirm:
                    status = corrections.Count > 0 ? ReviewStatus.Corrected : ReviewStatus.Confirmed;
                    break;
                case ReviewKind.Reject:
                    status = ReviewStatus.Rejected;
                    break;
                case ReviewKind.Restore:
                    status = corrections.Count > 0 ? ReviewStatus.Corrected : ReviewStatus.Unreviewed;
                    break;
                case ReviewKind.Correct when decision.Field is { } field && decision.Value is { } value && EventCorrections.Validate(field, value) is null:
                    corrections.RemoveAll(c => c.Field == field);
                    corrections.Add(new FieldCorrection(field, Extracted(cluster.Members[0], field), value, decision.Analyst, decision.At));
                    members = [.. members.Select(m => EventCorrections.Apply(m, field, value))];
                    if (status != ReviewStatus.Rejected)
                    {
                        status = ReviewStatus.Corrected;
                    }

                    break;
            }
        }

        return new ReviewedCluster(cluster with { Members = members }, new EventReview(status, corrections, [.. decisions.Select(d => d.Id)]) { History = decisions });
    }

    private static string? Extracted(SituationEvent item, string field) => field switch
    {
        "type" => item.Type,
        "actor1" => item.Actor1Name ?? item.Actor1,
        "actor2" => item.Actor2Name ?? item.Actor2,
        "date" => item.When is { } when ? MergedEvent.Format(when) : null,
        "modality" => item.Modality,
        "place" => item.PlaceName,
        _ when field.StartsWith("quantity:", StringComparison.Ordinal) =>
            string.Join("; ", item.Quantities.Where(q => q.Category == field["quantity:".Length..]).Select(q => q.Text)),
        _ => null,
    };
}
