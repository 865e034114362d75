using System.Globalization;

namespace Sitrep.Situation;

/// <summary>
/// Builds the picture of every besieged, blockaded or cut-off area from the merged events: finds the
/// areas, assigns each event to the area (or corridor) it happened in, and replays the access events in
/// date order into a status timeline.
/// </summary>
/// <remarks>
/// Containment is by distance, not by polygons: a region (GeoNames ADM1/ADM2, the supplement's regions)
/// holds what lies within <see cref="RegionRadiusKm"/> of its centre, a town what lies within
/// <see cref="TownRadiusKm"/>. Coarse, but enough to put Stepanakert inside Nagorno-Karabakh and keep
/// Madaya apart from Foua; the gazetteer carries no shapes. Only asserted or claimed events change a
/// status; denied, threatened or hypothetical ones are evidence, not facts.
/// </remarks>
public static class AreaPictureBuilder
{
    public const double RegionRadiusKm = 75;
    public const double TownRadiusKm = 15;
    public const double CorridorReachKm = 100;

    private static readonly HashSet<string> RegionCodes = new(StringComparer.Ordinal)
    {
        "ADM1", "ADM2", "ADM3", "ADMD", "RGN", "RGNE", "PCLI", "PCLS", "PCLD", "PCL", "TERR", "ZN", "AREA", "DSTR", "PRSH",
    };

    private static readonly HashSet<string> CorridorCodes = new(StringComparer.Ordinal) { "CORR", "CRSG", "RD", "RDJCT", "BDG", "PSTB", "GAP", "PASS" };

    public static IReadOnlyList<AreaPicture> Build(IReadOnlyList<EventCluster> clusters)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        return Build([.. clusters.Select(c => (c, MergedEvent.From(c)))]);
    }

    /// <summary>The same, from clusters whose merged events the caller already has (the server's snapshot).</summary>
    public static IReadOnlyList<AreaPicture> Build(IReadOnlyList<(EventCluster Cluster, MergedEvent Merged)> clusters)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        var located = clusters
            .Select(c => Representative(c.Cluster) is { } place ? new Located(c.Cluster, c.Merged, AccessEffects.Of(c.Cluster.Members[0].Type), place) : null)
            .OfType<Located>()
            .ToList();

        var areas = FindAreas(located.Where(x => x.Effect is AccessEffect.Besieged or AccessEffect.SiegeLifted or AccessEffect.Restricted or AccessEffect.AidDenied && !x.IsCorridor));
        var pictures = new List<AreaPicture>();
        foreach (var area in areas)
        {
            var inside = located.Where(x => !x.IsCorridor && Contains(area, x)).OrderBy(x => x.Merged.Start).ThenBy(x => x.Cluster.Id, StringComparer.Ordinal).ToList();
            var corridors = located.Where(x => x.IsCorridor && Distance(area, x, CorridorReachKm) <= CorridorReachKm).ToList();
            pictures.Add(Picture(area.Place, inside, corridors));
        }

        return [.. pictures.OrderBy(p => p.Name, StringComparer.Ordinal)];
    }

    /// <summary>A merged event with its place and what it does to access, the place's facts computed once.</summary>
    private sealed record Located(EventCluster Cluster, MergedEvent Merged, AccessEffect Effect, SituationEvent Place)
    {
        public string AreaId { get; } = AreaIdOf(Place);

        public bool IsRegion { get; } = IsRegionPlace(Place);

        public bool IsCorridor { get; } = IsCorridorPlace(Place);
    }

    private static AreaPicture Picture(
        SituationEvent area,
        List<Located> inside,
        List<Located> corridors)
    {
        // A blockade of the corridor that serves an area ("the blocking of the Lachin corridor") besieges the area.
        var statusEvents = inside
            .Concat(corridors.Where(x => x.Effect == AccessEffect.Besieged))
            .OrderBy(x => x.Merged.Start)
            .ThenBy(x => x.Cluster.Id, StringComparer.Ordinal)
            .ToList();
        var status = AccessStatus.Accessible;
        var timeline = new List<StatusSegment<AccessStatus>>();
        foreach (var (cluster, merged, effect, _) in statusEvents.Where(x => x.Merged.Start is not null && IsFactual(x.Cluster)))
        {
            var next = effect switch
            {
                AccessEffect.Besieged => AccessStatus.Besieged,
                AccessEffect.Restricted or AccessEffect.AidDenied when status == AccessStatus.Accessible => AccessStatus.PartiallyBesieged,
                AccessEffect.SiegeLifted => AccessStatus.Accessible,
                AccessEffect.RestrictionEased when status == AccessStatus.PartiallyBesieged => AccessStatus.Accessible,
                _ => status,
            };

            if (next != status || (timeline.Count == 0 && effect is AccessEffect.Besieged or AccessEffect.Restricted or AccessEffect.AidDenied))
            {
                Close(timeline, merged.Start!.Value);
                timeline.Add(new StatusSegment<AccessStatus>(merged.Start!.Value, null, next, [cluster.Id]));
                status = next;
            }
            else if (timeline.Count > 0 && effect != AccessEffect.None && effect is not (AccessEffect.AidDelivered or AccessEffect.Evacuation))
            {
                // A later report of the same status confirms it: cite it too.
                var last = timeline[^1];
                timeline[^1] = last with { Evidence = [.. last.Evidence, cluster.Id] };
            }
        }

        var siegeEvents = statusEvents.Where(x => x.Effect is AccessEffect.Besieged or AccessEffect.Restricted or AccessEffect.AidDenied).ToList();

        // Whoever closes the corridor that serves the area besieges it too ("Azerbaijan closed the Lachin corridor").
        var closers = corridors.Where(x => x.Effect == AccessEffect.CrossingClosed && IsFactual(x.Cluster)).ToList();

        // Reports that say an area is besieged without saying since when still make it besieged, since unknown.
        var undatedSiege = timeline.Count == 0 && siegeEvents.Any(x => x.Merged.Start is null && x.Effect == AccessEffect.Besieged && IsFactual(x.Cluster));
        var all = inside.Concat(corridors).ToList();
        return new AreaPicture
        {
            Id = AreaIdOf(area),
            Name = area.PlaceName ?? area.PlaceText ?? "?",
            Aliases = [.. inside.SelectMany(x => x.Cluster.Members)
                .SelectMany(m => new[] { m.PlaceText, m.PlaceName })
                .OfType<string>()
                .Where(n => !string.Equals(n, area.PlaceName, StringComparison.Ordinal))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Order(StringComparer.Ordinal)],
            Status = timeline.Count > 0 ? timeline[^1].Status : undatedSiege ? AccessStatus.Besieged : AccessStatus.Accessible,
            Since = timeline.Count == 0 ? null : timeline[^1].From,
            Besiegers = Sourced(siegeEvents.Concat(closers).SelectMany(x => x.Cluster.Members).Where(m => !IsHumanitarianOrCivilian(m.Actor1Type)).Select(m => (m.Actor1Name ?? m.Actor1, m.ReportId))),
            BlockedSupplies = Sourced(siegeEvents.SelectMany(x => x.Cluster.Members).SelectMany(m => m.Supplies.Select(s => ((string?)s, m.ReportId)))),
            // The population at stake: figures given as population anywhere, and the people a siege itself is
            // said to cut off ("left about 120,000 people in the region without food").
            Population = [.. all
                .SelectMany(x => x.Cluster.Members.SelectMany(m => m.Quantities
                    .Where(q => q.Category == "population" || x.Effect == AccessEffect.Besieged && q.Category is "people" or "trapped")
                    .Select(q => (q.Value, m.ReportId))))
                .GroupBy(x => x.Value)
                .Select(g => new SourcedValue<double>(g.Key, [.. g.Select(x => x.ReportId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]))
                .OrderByDescending(v => v.Sources.Count).ThenByDescending(v => v.Value)],
            Corridors = Corridors(corridors),
            Deliveries = [.. inside.Concat(corridors)
                .Where(x => x.Effect == AccessEffect.AidDelivered && IsFactual(x.Cluster))
                .OrderBy(x => x.Merged.Start)
                .Select(x => new DeliveryPicture
                {
                    EventId = x.Cluster.Id,
                    Date = x.Merged.Start,
                    Actors = x.Merged.Actor1,
                    Quantities = x.Merged.Quantities,
                    Supplies = x.Merged.Supplies,
                    Sources = x.Merged.Sources,
                    Trucks = MostReported(x.Cluster, "truck"),
                    Tonnes = MostReported(x.Cluster, "tonne"),
                })],
            Timeline = timeline,
            Events = [.. all.OrderBy(x => x.Merged.Start).Select(x => x.Cluster.Id)],
            Sources = [.. all.SelectMany(x => x.Merged.Sources).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            Latitude = area.Latitude,
            Longitude = area.Longitude,
        };
    }

    private static List<CorridorPicture> Corridors(List<Located> events)
    {
        var result = new List<CorridorPicture>();
        foreach (var group in events.GroupBy(x => x.AreaId, StringComparer.Ordinal))
        {
            var history = new List<StatusSegment<CorridorStatus>>();
            foreach (var (cluster, merged, effect, _) in group.Where(x => x.Merged.Start is not null && IsFactual(x.Cluster)).OrderBy(x => x.Merged.Start))
            {
                CorridorStatus? next = effect switch
                {
                    AccessEffect.CrossingClosed or AccessEffect.Besieged => CorridorStatus.Closed,
                    AccessEffect.CrossingOpened or AccessEffect.SiegeLifted or AccessEffect.AidAllowed => CorridorStatus.Open,
                    // Aid turned back at a closed corridor confirms the closure; it does not ease it to "restricted".
                    AccessEffect.AidDenied when history.Count > 0 && history[^1].Status == CorridorStatus.Closed => CorridorStatus.Closed,
                    AccessEffect.Restricted or AccessEffect.AidDenied => CorridorStatus.Restricted,
                    AccessEffect.RestrictionEased => CorridorStatus.Open,
                    _ => null,
                };
                if (next is not { } status)
                {
                    continue;
                }

                if (history.Count > 0 && history[^1].Status == status)
                {
                    history[^1] = history[^1] with { Evidence = [.. history[^1].Evidence, cluster.Id] };
                    continue;
                }

                Close(history, merged.Start!.Value);
                history.Add(new StatusSegment<CorridorStatus>(merged.Start!.Value, null, status, [cluster.Id]));
            }

            if (history.Count == 0)
            {
                continue;
            }

            var first = group.First().Place;
            result.Add(new CorridorPicture
            {
                Name = first.PlaceName ?? first.PlaceText ?? "?",
                Status = history[^1].Status,
                Since = history[^1].From,
                History = history,
                Sources = [.. group.SelectMany(x => x.Merged.Sources).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            });
        }

        return [.. result.OrderBy(c => c.Name, StringComparer.Ordinal)];
    }

    // Sources of one delivery often repeat one figure; a second figure is a disagreement, not a second load.
    private static double? MostReported(EventCluster cluster, string unit) =>
        cluster.Members
            .SelectMany(m => m.Quantities.Where(q => string.Equals(q.Unit, unit, StringComparison.Ordinal)).Select(q => q.Value))
            .GroupBy(v => v)
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key)
            .Select(g => (double?)g.Key)
            .FirstOrDefault();

    private static void Close<T>(List<StatusSegment<T>> timeline, DateOnly at)
        where T : struct, Enum
    {
        if (timeline.Count > 0 && timeline[^1].To is null)
        {
            timeline[^1] = timeline[^1] with { To = at };
        }
    }

    // Regions first, so towns inside them join the region rather than become areas of their own.
    private static List<Located> FindAreas(IEnumerable<Located> places)
    {
        var areas = new List<Located>();
        foreach (var place in places.OrderBy(p => p.IsRegion ? 0 : 1).ThenBy(p => p.AreaId, StringComparer.Ordinal))
        {
            if (!areas.Any(a => Contains(a, place)))
            {
                areas.Add(place);
            }
        }

        return areas;
    }

    private static SituationEvent? Representative(EventCluster cluster) =>
        cluster.Members.FirstOrDefault(m => m.Latitude is not null && m.Longitude is not null)
        ?? cluster.Members.FirstOrDefault(m => m.PlaceName is not null || m.PlaceText is not null);

    private static bool Contains(Located area, Located place)
    {
        if (string.Equals(area.AreaId, place.AreaId, StringComparison.Ordinal))
        {
            return true;
        }

        var radius = area.IsRegion ? RegionRadiusKm : TownRadiusKm;
        return Distance(area, place, radius) <= radius;
    }

    /// <summary>The distance in km, or infinity when either has no coordinates or they are more than about <paramref name="within"/> km apart in latitude.</summary>
    private static double Distance(Located a, Located b, double within) =>
        a.Place.Latitude is { } latA && a.Place.Longitude is { } lonA && b.Place.Latitude is { } latB && b.Place.Longitude is { } lonB
            && Math.Abs(latA - latB) * KmPerDegreeOfLatitude <= within + 1
            ? Geo.Resolution.GeoMath.DistanceKm(latA, lonA, latB, lonB)
            : double.PositiveInfinity;

    // A degree of latitude is 110.6-111.7 km anywhere on Earth: a pair further apart in latitude is further apart, full stop.
    private const double KmPerDegreeOfLatitude = 110.5;

    private static bool IsRegionPlace(SituationEvent place) => place.FeatureCode is { } code && RegionCodes.Contains(code);

    private static bool IsCorridorPlace(SituationEvent place) =>
        place.FeatureCode is { } code && CorridorCodes.Contains(code)
        || (place.PlaceName ?? place.PlaceText ?? string.Empty) is var name
            && (name.Contains("corridor", StringComparison.OrdinalIgnoreCase) || name.Contains("crossing", StringComparison.OrdinalIgnoreCase));

    // Aid agencies, media and civilians appear as the subject of sentences about a siege ("the ICRC delivered
    // flour ... since the blockade began") but do not besiege anyone.
    private static bool IsHumanitarianOrCivilian(string? actorType) => actorType is "igo" or "ngo" or "media" or "civilians";

    private static bool IsFactual(EventCluster cluster) =>
        cluster.Members.Any(m => m.Modality is "asserted" or "claimed");

    private static string AreaIdOf(SituationEvent place) =>
        place.GeonameId is { } id
            ? "geonames:" + id.ToString(CultureInfo.InvariantCulture)
            : "name:" + (place.PlaceName ?? place.PlaceText ?? "?").ToLowerInvariant();

    private static List<SourcedValue<string>> Sourced(IEnumerable<(string? Value, string ReportId)> values) =>
    [
        .. values
            .Where(v => v.Value is not null)
            .GroupBy(v => v.Value!, StringComparer.Ordinal)
            .Select(g => new SourcedValue<string>(g.Key, [.. g.Select(v => v.ReportId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]))
            .OrderByDescending(v => v.Sources.Count)
            .ThenBy(v => v.Value, StringComparer.Ordinal),
    ];
}
