using System.Globalization;
using Sitrep.Contract;
using Sitrep.Server.Situation;
using Sitrep.Situation;
using Sitrep.Situation.Needs;

namespace Sitrep.Server.Api;

// The JSON shapes of events, areas and actors. Areas are those of `sitrep areas --json` (docs/contract.md)
// with coordinates, events and the days under blockade added.

public sealed record SourcedTextJson(string Value, IReadOnlyList<string> Sources);

public sealed record SourcedNumberJson(double Value, IReadOnlyList<string> Sources);

public sealed record SourcedQuantityJson(string Category, double Value, IReadOnlyList<string> Sources);

public sealed record SpanJson(int Start, int End);

/// <summary>A merged event in lists: every reported value with its sources, the first one the most reported.</summary>
public sealed record EventJson(
    string Id,
    string Type,
    string? AcledEventType,
    string? AcledSubEventType,
    string? Date,
    IReadOnlyList<SourcedTextJson> Dates,
    IReadOnlyList<SourcedTextJson> Places,
    IReadOnlyList<SourcedTextJson> Actor1,
    IReadOnlyList<SourcedTextJson> Actor2,
    IReadOnlyList<SourcedQuantityJson> Quantities,
    IReadOnlyList<string> Supplies,
    IReadOnlyList<string> Modalities,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> SourceNames,
    int SourceCount,
    double Confidence,
    double? Latitude,
    double? Longitude,
    IReadOnlyList<string> Areas,
    bool HasDisagreement,
    string Evidence,
    string Review)
{
    public static EventJson From(SituationEventRecord e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var m = e.Merged;
        return new(
            m.Id, m.Type, e.AcledEventType, e.AcledSubEventType, IsoDates.Of(m.Start),
            Texts(m.Dates), Texts(m.Places), Texts(m.Actor1), Texts(m.Actor2),
            [.. m.Quantities.SelectMany(q => q.Value.Select(v => new SourcedQuantityJson(q.Key, v.Value, v.Sources)))],
            m.Supplies, e.Modalities, m.Sources, e.SourceNames, m.Sources.Count, Math.Round(m.Confidence, 3), m.Latitude, m.Longitude, e.Areas,
            m.HasDisagreement, e.Mentions.FirstOrDefault()?.EvidenceText ?? string.Empty, EventQuery.StatusName(m.ReviewState.Status));
    }

    internal static IReadOnlyList<SourcedTextJson> Texts(IEnumerable<SourcedValue<string>> values) => [.. values.Select(v => new SourcedTextJson(v.Value, v.Sources))];
}

/// <summary>How many events fall in one month ("2023-07").</summary>
public sealed record MonthCountJson(string Month, int Count);

public sealed record EventPageJson(int Total, int Offset, int Limit, IReadOnlyList<EventJson> Items);

/// <summary>One report's telling of an event: the evidence as code point offsets into that report's text.</summary>
public sealed record EventMentionJson(string Key, string ReportId, string? Source, string? Title, string? Published, string Modality, SpanJson? Evidence, string EvidenceText, double Confidence);

/// <summary>A field an analyst corrected: what extraction said, what the analyst says, who and when.</summary>
public sealed record CorrectionJson(string Field, string? Extracted, string Value, string Analyst, string At);

/// <summary>A decision behind an event's review state: what, who and when (notes stay in the audit log).</summary>
public sealed record ReviewStepJson(string Kind, string? Field, string? Value, string Analyst, string At);

/// <summary>One merged event in full: why its reports were merged, each report's evidence, analysts' corrections and decisions.</summary>
public sealed record EventDetailJson(EventJson Event, IReadOnlyList<string> MergeEvidence, IReadOnlyList<EventMentionJson> Mentions, IReadOnlyList<CorrectionJson> Corrections)
{
    /// <summary>The confirm, correct, reject and restore decisions about any member, oldest first.</summary>
    public IReadOnlyList<ReviewStepJson> ReviewHistory { get; init; } = [];

    public static EventDetailJson From(SituationEventRecord e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(
            EventJson.From(e),
            e.Merged.MergeEvidence,
            [.. e.Mentions.Select(m => new EventMentionJson(
                m.Key, m.ReportId, m.Source, m.Title, IsoDates.Of(m.Published), m.Modality,
                m.EvidenceStart is { } s && m.EvidenceEnd is { } end ? new SpanJson(s, end) : null, m.EvidenceText, Math.Round(m.Confidence, 3)))],
            [.. e.Merged.ReviewState.Corrections.Select(c => new CorrectionJson(c.Field, c.Extracted, c.Value, c.Analyst, c.At.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture)))])
        {
            ReviewHistory = [.. e.Merged.ReviewState.History.Select(d => new ReviewStepJson(
                d.Kind.ToString().ToLowerInvariant(), d.Field, d.Value, d.Analyst, d.At.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture)))],
        };
    }
}

public sealed record StatusSegmentJson(string From, string? To, string Status, IReadOnlyList<string> Evidence);

public sealed record CorridorJson(string Name, string Status, string? Since, IReadOnlyList<string> Sources, IReadOnlyList<StatusSegmentJson> History);

public sealed record DeliveryJson(string EventId, string? Date, string? Actor, IReadOnlyList<SourcedQuantityJson> Quantities, IReadOnlyList<string> Supplies, IReadOnlyList<string> Sources, double? Trucks, double? Tonnes);

/// <summary>How long the area has been besieged or partially besieged, counted through the latest dated event the reports give.</summary>
public sealed record BlockadeDaysJson(int Days, string? Through);

public sealed record AreaJson(
    string Id,
    string Name,
    IReadOnlyList<string> Aliases,
    string Status,
    string? Since,
    IReadOnlyList<string> Besiegers,
    IReadOnlyList<string> BlockedSupplies,
    IReadOnlyList<SourcedNumberJson> Population,
    IReadOnlyList<CorridorJson> Corridors,
    IReadOnlyList<DeliveryJson> Deliveries,
    IReadOnlyList<StatusSegmentJson> Timeline,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> Events,
    double? Latitude,
    double? Longitude,
    BlockadeDaysJson UnderBlockade)
{
    /// <summary>How many events the area has; events lists their ids unless the list is asked for without them.</summary>
    public int EventCount { get; init; }

    /// <summary>What a list or a map of areas needs; the lists of the full form are empty, the counts stay.</summary>
    public static AreaJson Summary(AreaPicture a) =>
        From(a) with { Aliases = [], Population = [], Corridors = [], Deliveries = [], Timeline = [], Sources = [], Events = [] };

    public static AreaJson From(AreaPicture a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(
            a.Id, a.Name, a.Aliases, Snake(a.Status), IsoDates.Of(a.Since),
            [.. a.Besiegers.Select(b => b.Value)], [.. a.BlockedSupplies.Select(b => b.Value)],
            [.. a.Population.Select(p => new SourcedNumberJson(p.Value, p.Sources))],
            [.. a.Corridors.Select(c => new CorridorJson(c.Name, Snake(c.Status), IsoDates.Of(c.Since), c.Sources, [.. c.History.Select(Segment)]))],
            [.. a.Deliveries.Select(d => new DeliveryJson(
                d.EventId, IsoDates.Of(d.Date), d.Actors.FirstOrDefault()?.Value,
                [.. d.Quantities.SelectMany(q => q.Value.Select(v => new SourcedQuantityJson(q.Key, v.Value, v.Sources)))],
                d.Supplies, d.Sources, d.Trucks, d.Tonnes))],
            [.. a.Timeline.Select(Segment)], a.Sources, a.Events, a.Latitude, a.Longitude, BlockadeDays(a))
        {
            EventCount = a.Events.Count,
        };
    }

    /// <summary>
    /// Days the area spent besieged or partially besieged: closed stretches in full, the open one through
    /// the latest dated event of the area (never the wall clock: reports may simply have stopped).
    /// </summary>
    internal static BlockadeDaysJson BlockadeDays(AreaPicture a)
    {
        var through = a.Timeline.Select(t => t.To ?? t.From)
            .Concat(a.Deliveries.Select(d => d.Date).OfType<DateOnly>())
            .Concat(a.Corridors.SelectMany(c => c.History.Select(h => h.To ?? h.From)))
            .DefaultIfEmpty()
            .Max();
        var days = a.Timeline
            .Where(t => t.Status != AccessStatus.Accessible)
            .Sum(t => Math.Max(0, (t.To ?? through).DayNumber - t.From.DayNumber));
        return new BlockadeDaysJson(days, a.Timeline.Count == 0 ? null : IsoDates.Of(through));
    }

    private static StatusSegmentJson Segment<T>(StatusSegment<T> s)
        where T : struct, Enum => new(IsoDates.Of(s.From)!, IsoDates.Of(s.To), Snake(s.Status), s.Evidence);

    internal static string Snake<T>(T value)
        where T : struct, Enum => ContractMapper.SnakeCase(value.ToString());
}

/// <summary>The needs estimate of <c>sitrep area NAME --json</c>: always labelled an estimate, with its assumptions.</summary>
public sealed record NeedsJson(
    bool Estimate,
    double Population,
    string From,
    string To,
    int Days,
    double FoodTonnesNeeded,
    double FoodTruckloadsNeeded,
    double WaterCubicMetresNeeded,
    double FoodTonnesDelivered,
    double FoodCoverage,
    IReadOnlyList<string> Assumptions)
{
    public static NeedsJson? Of(NeedsEstimate? n) => n is null ? null : new(
        true, n.Population, IsoDates.Of(n.From)!, IsoDates.Of(n.To)!, n.Days, Math.Round(n.FoodTonnesNeeded, 1), Math.Round(n.FoodTruckloadsNeeded, 1),
        Math.Round(n.WaterCubicMetresNeeded, 1), Math.Round(n.FoodTonnesDelivered, 1), Math.Round(n.FoodCoverage, 4), [.. n.Assumptions.Describe()]);
}

public sealed record AreaDetailJson(AreaJson Area, NeedsJson? Needs, IReadOnlyList<EventJson> Events);

public sealed record ActorJson(
    string Id,
    string Name,
    string Type,
    string? CountryCode,
    IReadOnlyList<string> Aliases,
    int Reports,
    int Events,
    string? FirstSeen,
    string? LastSeen,
    bool Emerging,
    string FirstReport,
    string? FirstChannel)
{
    public static ActorJson From(ActorSummary a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Id, a.Name, a.Type, a.CountryCode, a.Aliases, a.Reports, a.Events, IsoDates.Of(a.FirstSeen), IsoDates.Of(a.LastSeen), a.Emerging, a.FirstReport, a.FirstChannel);
    }
}

public sealed record ActorDetailJson(ActorJson Actor, IReadOnlyList<string> ReportIds, IReadOnlyList<EventJson> Events);

internal static class IsoDates
{
    public static string? Of(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
