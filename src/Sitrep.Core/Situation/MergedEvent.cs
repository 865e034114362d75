using System.Globalization;

namespace Sitrep.Situation;

/// <summary>A value some sources reported, with those sources: the unit of "shown side by side".</summary>
public sealed record SourcedValue<T>(T Value, IReadOnlyList<string> Sources);

/// <summary>
/// One real-world event as the knowledge base shows it: each field with every distinct value reported
/// and who reported it. Disagreements stay visible (42,000 people per one outlet, 40,000 per another);
/// nothing is silently overwritten.
/// </summary>
public sealed record MergedEvent
{
    public required string Id { get; init; }

    public required string Type { get; init; }

    public required IReadOnlyList<string> Sources { get; init; }

    public required double Confidence { get; init; }

    public required IReadOnlyList<string> MergeEvidence { get; init; }

    /// <summary>Reported dates (TIMEX3-like: the interval start at its precision), most reported first.</summary>
    public required IReadOnlyList<SourcedValue<string>> Dates { get; init; }

    public required IReadOnlyList<SourcedValue<string>> Places { get; init; }

    public required IReadOnlyList<SourcedValue<string>> Actor1 { get; init; }

    public required IReadOnlyList<SourcedValue<string>> Actor2 { get; init; }

    /// <summary>Figures per category ("population", "trucks"): every value with its sources.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<SourcedValue<double>>> Quantities { get; init; }

    public required IReadOnlyList<string> Supplies { get; init; }

    /// <summary>The earliest date any source gives, for sorting and timelines.</summary>
    public DateOnly? Start { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    /// <summary>What analysts decided about this event (unreviewed until they look at it).</summary>
    public Review.EventReview ReviewState { get; init; } = Review.EventReview.None;

    /// <summary>The member events (one per report's telling), by key: what analysts' decisions name.</summary>
    public IReadOnlyList<string> Keys { get; init; } = [];

    /// <summary>Each source's evidence sentence, by report id.</summary>
    public IReadOnlyList<SourcedValue<string>> Evidence { get; init; } = [];

    // Not Quantities.Values: a dictionary keeps the values collection it makes on first use, and the server
    // asks this of events long promoted to the oldest generation, so every first ask marked a card that each
    // young collection had to scan (gen0 pauses of 200-300 ms at a million events).
    public bool HasDisagreement => Dates.Count > 1 || Places.Count > 1 || Quantities.Any(q => q.Value.Count > 1);

    public static MergedEvent From(EventCluster cluster)
    {
        var members = cluster.Members;
        var located = members.FirstOrDefault(m => m.Latitude is not null);
        return new MergedEvent
        {
            Id = cluster.Id,
            Type = members[0].Type,
            Sources = cluster.Sources,
            Confidence = cluster.Confidence,
            MergeEvidence = [.. cluster.Reasons.SelectMany(r => r.Evidence).Distinct(StringComparer.Ordinal)],
            Dates = Side(members, m => m.When is { } w ? Format(w) : null),
            Places = Side(members, m => m.PlaceName),
            Actor1 = Side(members, m => m.Actor1Name ?? m.Actor1),
            Actor2 = Side(members, m => m.Actor2Name ?? m.Actor2),
            Quantities = members
                .SelectMany(m => m.Quantities.Select(q => (m.ReportId, q)))
                .GroupBy(x => x.q.Category, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(
                    g => g.Key,
                    g => (IReadOnlyList<SourcedValue<double>>)[.. g
                        .GroupBy(x => x.q.Value)
                        .Select(v => new SourcedValue<double>(v.Key, [.. v.Select(x => x.ReportId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]))
                        .OrderByDescending(v => v.Sources.Count).ThenBy(v => v.Value)],
                    StringComparer.Ordinal),
            Supplies = [.. members.SelectMany(m => m.Supplies).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            Start = members.Select(m => m.When?.Start ?? m.Published).Where(d => d is not null).Min(),
            Latitude = located?.Latitude,
            Longitude = located?.Longitude,
            Keys = [.. members.Select(m => m.Key)],
            Evidence = Side(members, m => m.EvidenceText.Length > 0 ? m.EvidenceText : null),
        };
    }

    private static List<SourcedValue<string>> Side(IEnumerable<SituationEvent> members, Func<SituationEvent, string?> field) =>
    [
        .. members
            .Select(m => (Value: field(m), m.ReportId))
            .Where(x => x.Value is not null)
            .GroupBy(x => x.Value!, StringComparer.Ordinal)
            .Select(g => new SourcedValue<string>(g.Key, [.. g.Select(x => x.ReportId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]))
            .OrderByDescending(v => v.Sources.Count)
            .ThenBy(v => v.Value, StringComparer.Ordinal),
    ];

    /// <summary>A date as the knowledge base shows it: the interval's start at its precision (2022-12), or start/end.</summary>
    public static string Format(Time.TimexInterval interval) => interval.Precision switch
    {
        Time.DatePrecision.Day => interval.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Time.DatePrecision.Month => interval.Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        Time.DatePrecision.Year => interval.Start.ToString("yyyy", CultureInfo.InvariantCulture),
        _ => $"{interval.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/{interval.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
    };
}
