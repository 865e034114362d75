namespace Sitrep.Situation;

public enum AccessStatus
{
    Accessible,
    PartiallyBesieged,
    Besieged,
}

public enum CorridorStatus
{
    Open,
    Restricted,
    Closed,
}

/// <summary>A stretch of time with one status, and the merged events that started it.</summary>
public sealed record StatusSegment<TStatus>(DateOnly From, DateOnly? To, TStatus Status, IReadOnlyList<string> Evidence)
    where TStatus : struct, Enum;

public sealed record CorridorPicture
{
    public required string Name { get; init; }

    public required CorridorStatus Status { get; init; }

    public required DateOnly? Since { get; init; }

    public required IReadOnlyList<StatusSegment<CorridorStatus>> History { get; init; }

    public required IReadOnlyList<string> Sources { get; init; }
}

public sealed record DeliveryPicture
{
    public required string EventId { get; init; }

    public required DateOnly? Date { get; init; }

    public required IReadOnlyList<SourcedValue<string>> Actors { get; init; }

    public required IReadOnlyDictionary<string, IReadOnlyList<SourcedValue<double>>> Quantities { get; init; }

    public required IReadOnlyList<string> Supplies { get; init; }

    public required IReadOnlyList<string> Sources { get; init; }

    /// <summary>Trucks the delivery counted (the figure most sources gave), or null when none was given.</summary>
    public double? Trucks { get; init; }

    /// <summary>Tonnes the delivery carried (the figure most sources gave), or null when none was given.</summary>
    public double? Tonnes { get; init; }
}

/// <summary>
/// The current and past access situation of one area that reports describe as besieged, blockaded or
/// cut off: status over time, who besieges it, what is blocked, who lives there, the corridors that serve
/// it and the aid that reached it, every item with the reports behind it.
/// </summary>
public sealed record AreaPicture
{
    /// <summary>Stable id: "geonames:ID" or "name:NAME" for places the gazetteer could not resolve.</summary>
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required IReadOnlyList<string> Aliases { get; init; }

    public required AccessStatus Status { get; init; }

    public required DateOnly? Since { get; init; }

    public required IReadOnlyList<SourcedValue<string>> Besiegers { get; init; }

    public required IReadOnlyList<SourcedValue<string>> BlockedSupplies { get; init; }

    public required IReadOnlyList<SourcedValue<double>> Population { get; init; }

    public required IReadOnlyList<CorridorPicture> Corridors { get; init; }

    public required IReadOnlyList<DeliveryPicture> Deliveries { get; init; }

    public required IReadOnlyList<StatusSegment<AccessStatus>> Timeline { get; init; }

    /// <summary>The merged events (cluster ids) assigned to this area, in date order.</summary>
    public required IReadOnlyList<string> Events { get; init; }

    public required IReadOnlyList<string> Sources { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }
}
