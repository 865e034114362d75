using Sitrep.Documents;

namespace Sitrep.Actors;

public enum ActorType
{
    State,
    Government,
    Military,
    Police,
    ArmedGroup,
    Rebels,
    Militia,
    PoliticalParty,
    Igo,
    Ngo,
    Media,
    Person,
    Civilians,
    Business,
    Religious,
    Other,
}

/// <summary>A mention of an actor, linked to the registry entry it refers to (or marked as new).</summary>
public sealed record ActorMention : Annotation
{
    /// <summary>Stable registry id ("AZE-GOV", "ICRC") or, for an actor not in the registry, one derived from its name.</summary>
    public required string ActorId { get; init; }

    /// <summary>The registry's canonical name.</summary>
    public required string Name { get; init; }

    public required ActorType Type { get; init; }

    /// <summary>ISO 3166-1 alpha-2 code of the country the actor belongs to, or null (IGOs, unknown).</summary>
    public string? CountryCode { get; init; }

    /// <summary>True for organisations the registry does not know, recognised from how the text introduces them.</summary>
    public bool IsNew { get; init; }
}
