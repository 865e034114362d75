namespace Sitrep.Store.Knowledge;

/// <summary>
/// One actor across all reports: the registry entry analysts see. An emerging actor is one the registry
/// that ships with Sitrep does not know, recognised from how a report introduced it.
/// </summary>
public sealed record KnownActor
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>The contract's actor type: state, government, military, armed_group, igo, ngo, media, ...</summary>
    public required string Type { get; init; }

    /// <summary>Every other name reports used for it, and the aliases analysts added.</summary>
    public required IReadOnlyList<string> Aliases { get; init; }

    public DateOnly? FirstSeen { get; init; }

    public DateOnly? LastSeen { get; init; }

    /// <summary>How many reports name it.</summary>
    public required int Reports { get; init; }

    public required bool Emerging { get; init; }

    /// <summary>The report it first appeared in, and that report's outlet or channel.</summary>
    public required string FirstReport { get; init; }

    public string? FirstChannel { get; init; }
}
