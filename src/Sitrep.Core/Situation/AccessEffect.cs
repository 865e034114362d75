namespace Sitrep.Situation;

/// <summary>What an event does to the access picture of the area or corridor where it happens.</summary>
public enum AccessEffect
{
    None,
    Besieged,
    SiegeLifted,
    Restricted,
    RestrictionEased,
    CrossingClosed,
    CrossingOpened,
    AidDelivered,
    AidAllowed,
    AidDenied,
    Evacuation,
}

/// <summary>The ontology types (docs/ontology.md) that change access, and how.</summary>
public static class AccessEffects
{
    public static AccessEffect Of(string eventType) => eventType switch
    {
        "BLOCKADE" => AccessEffect.Besieged,
        "BLOCKADE_LIFTED" => AccessEffect.SiegeLifted,
        "RESTRICTION" => AccessEffect.Restricted,
        "RESTRICTION_EASED" => AccessEffect.RestrictionEased,
        "CROSSING_CLOSED" => AccessEffect.CrossingClosed,
        "CROSSING_OPENED" => AccessEffect.CrossingOpened,
        "AID_DELIVERED" => AccessEffect.AidDelivered,
        "AID_ALLOWED" => AccessEffect.AidAllowed,
        "AID_DENIED" => AccessEffect.AidDenied,
        "EVACUATION" => AccessEffect.Evacuation,
        _ => AccessEffect.None,
    };
}
