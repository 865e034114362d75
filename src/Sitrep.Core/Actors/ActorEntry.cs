namespace Sitrep.Actors;

/// <summary>How a registry alias refers to its actor.</summary>
public enum ActorEntryKind
{
    /// <summary>A named organisation or person ("ICRC", "Ilham Aliyev").</summary>
    Named,

    /// <summary>A state's name ("Azerbaijan").</summary>
    State,

    /// <summary>A demonym or adjective ("Azerbaijani", "Armenians"); the noun after it says which body.</summary>
    Demonym,

    /// <summary>A capital used as a metonym for the government ("Baku said ...").</summary>
    Capital,
}

/// <summary>One actor of the registry: the code events carry, its canonical name, type and country.</summary>
/// <param name="Id">"AZE-GOV", "ICRC", "AZE" (the state).</param>
/// <param name="CountryCode">ISO 3166-1 alpha-2, or null for IGOs and transnational groups.</param>
/// <param name="Office">For people: the office that makes them speak for <paramref name="Id"/>.</param>
public sealed record ActorEntry(string Id, string Name, ActorType Type, string? CountryCode, ActorEntryKind Kind, string? Office = null)
{
    /// <summary>For demonyms: true when the alias is a plural noun for the people ("Armenians").</summary>
    public bool IsPlural { get; init; }
}

/// <summary>A state as the registry knows it.</summary>
public sealed record CountryInfo(string Iso2, string Iso3, string Name)
{
    /// <summary>For a historical state (the Soviet Union), the year it was dissolved; it is coded as itself, never as a successor.</summary>
    public int? Dissolved { get; init; }
}
