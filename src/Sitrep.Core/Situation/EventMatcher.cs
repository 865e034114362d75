namespace Sitrep.Situation;

/// <summary>Why two reported events were judged to be the same event, and how sure.</summary>
public sealed record MergeReason(double Confidence, IReadOnlyList<string> Evidence);

/// <summary>
/// Decides whether two reports describe the same event. Symmetric and free of state, so the clusters it
/// induces do not depend on the order reports arrive in.
/// </summary>
/// <remarks>
/// Hard constraints first: the same type; dates that overlap or lie within <see cref="MaxGapDays"/>; places
/// within <see cref="MaxDistanceKm"/> when both are known; no contradiction between known actors. Then the
/// supporting evidence (same day, same place, same actors, similar wording) must add up to
/// <see cref="Threshold"/>: two events of one type on one day with nothing else in common stay apart.
/// </remarks>
public sealed class EventMatcher
{
    public const int MaxGapDays = 1;
    public const double MaxDistanceKm = 50;
    public const double Threshold = 0.6;

    public MergeReason? Match(SituationEvent a, SituationEvent b)
    {
        if (a.ReportId == b.ReportId || !string.Equals(a.Type, b.Type, StringComparison.Ordinal))
        {
            return null;
        }

        var evidence = new List<string> { $"same type {a.Type}" };
        var score = 0.0;

        // Time: known dates must agree; unknown ones fall back on publication dates, more loosely.
        if (a.When is { } wa && b.When is { } wb)
        {
            var gap = wa.GapDays(wb);
            if (gap > MaxGapDays)
            {
                return null;
            }

            score += gap == 0 ? 0.3 : 0.15;
            evidence.Add(gap == 0 ? "dates overlap" : $"dates {gap} day apart");
        }
        else if (a.AnchorDate is { } da && b.AnchorDate is { } db)
        {
            var gap = Math.Abs(da.DayNumber - db.DayNumber);
            if (gap > MaxGapDays + 2)
            {
                return null;
            }

            score += 0.1;
            evidence.Add($"reported {gap} day(s) apart");
        }

        if (a.Latitude is { } latA && a.Longitude is { } lonA && b.Latitude is { } latB && b.Longitude is { } lonB)
        {
            var km = Geo.Resolution.GeoMath.DistanceKm(latA, lonA, latB, lonB);
            if (km > MaxDistanceKm)
            {
                return null;
            }

            score += km < 5 ? 0.3 : 0.15;
            evidence.Add(km < 5 ? $"same place ({a.PlaceName ?? b.PlaceName})" : $"places {km:F0} km apart");
        }

        var first = ActorAgreement(a.Actor1, a.Actor1Country, b.Actor1, b.Actor1Country);
        var second = ActorAgreement(a.Actor2, a.Actor2Country, b.Actor2, b.Actor2Country);
        if (first < 0 || second < 0)
        {
            return null;
        }

        var actorScore = first + second;
        if (actorScore > 0)
        {
            score += 0.15 * actorScore;
            evidence.Add("same actors");
        }

        var similarity = WordSimilarity.Jaccard(a.EvidenceText, b.EvidenceText);
        if (similarity >= 0.2)
        {
            score += Math.Min(0.4, similarity);
            evidence.Add($"similar wording ({similarity:F2})");
        }

        return score >= Threshold ? new MergeReason(Math.Min(1.0, score), evidence) : null;
    }

    // +1 when both name the same actor; 0 when either is unknown, or when one names a state and the other one
    // of its own bodies ("Russian aid" and "the Russian Red Cross", "Azerbaijan" and "the Azerbaijani
    // government": a report often names the state for its agency); -1 (a contradiction) otherwise.
    private static int ActorAgreement(string? x, string? xCountry, string? y, string? yCountry)
    {
        if (x is null || y is null)
        {
            return 0;
        }

        if (string.Equals(x, y, StringComparison.Ordinal))
        {
            return 1;
        }

        // Registry ids: a state is its bare alpha-3 code ("RUS"), its bodies extend it ("RUS-RC", "RUS-GOV").
        var sameCountry = xCountry is not null && string.Equals(xCountry, yCountry, StringComparison.Ordinal);
        return sameCountry && (!x.Contains('-', StringComparison.Ordinal) || !y.Contains('-', StringComparison.Ordinal)) ? 0 : -1;
    }
}
