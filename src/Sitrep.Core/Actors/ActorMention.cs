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

    /// <summary>For a new actor: when it was first seen (the report's publication date).</summary>
    public DateOnly? FirstSeen { get; init; }

    /// <summary>For a new actor: the channel or outlet of the report it was first seen in.</summary>
    public string? FirstSeenChannel { get; init; }

    /// <summary>The office a person holds that makes them speak for <see cref="ActorId"/> ("President of Azerbaijan").</summary>
    public string? Office { get; init; }

    /// <summary>
    /// A state or capital named as a place ("fighting in Azerbaijan", "arrived in Baku"): kept for event
    /// roles (news coders often code the place as the target) but not listed as an actor in the contract.
    /// </summary>
    public bool IsLocative { get; init; }

    /// <summary>A bare demonym used as an adjective ("the Azerbaijani blockade"): the state as the agent of a noun.</summary>
    public bool IsDemonym { get; init; }
}
