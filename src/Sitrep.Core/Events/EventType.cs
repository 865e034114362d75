namespace Sitrep.Events;

/// <summary>
/// One type of the ontology (docs/ontology.md, <c>Data/ontology.tsv</c>): its code, the PLOVER type it
/// refines, the ACLED event / sub-event type and CAMEO root code it maps to, and how much it weighs when
/// ranking a report's events.
/// </summary>
public sealed record EventType(
    string Code,
    string Plover,
    string AcledEventType,
    string AcledSubEventType,
    string CameoRoot,
    int Severity,
    string Definition,
    string Example)
{
    /// <summary>PLOVER's cooperative types: a planned one is an AGREE, a negated one a REJECT.</summary>
    public bool IsCooperative => Plover is "AGREE" or "CONSULT" or "SUPPORT" or "COOPERATE" or "AID" or "CONCEDE" or "RETREAT";

    /// <summary>Material conflict: a planned one is a THREATEN in PLOVER terms.</summary>
    public bool IsMaterialConflict => Plover is "COERCE" or "ASSAULT" or "FIGHT" or "SANCTION" or "PROTEST" or "MOBILIZE";
}
