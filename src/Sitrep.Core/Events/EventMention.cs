using Sitrep.Documents;

namespace Sitrep.Events;

/// <summary>How an event is presented: as fact, as someone's claim, denied, threatened, ...</summary>
public enum Modality
{
    Asserted,
    Claimed,
    Denied,
    Threatened,
    Planned,
    Hypothetical,
}

/// <summary>
/// One event coded in the ontology (docs/ontology.md): who did what to whom, where, when, with which
/// quantities and supplies. <see cref="Annotation.Span"/> is the evidence: the text that supports it.
/// </summary>
public sealed record EventMention : Annotation
{
    /// <summary>Unique within the document ("e1", "e2", ...), ordered most salient first.</summary>
    public required string EventId { get; init; }

    /// <summary>Ontology type code (PLOVER-based, e.g. "BLOCKADE", "AID_DELIVERED", "ASSAULT").</summary>
    public required string Type { get; init; }

    public string? AcledEventType { get; init; }

    public string? AcledSubEventType { get; init; }

    public string? CameoRoot { get; init; }

    public Modality Modality { get; init; }

    public bool Negated { get; init; }

    /// <summary>Actor registry id (or name of a new actor) of the one who acts.</summary>
    public string? Actor1 { get; init; }

    /// <summary>Actor registry id (or name) of the one acted upon.</summary>
    public string? Actor2 { get; init; }

    /// <summary>The place where it happened (one of the document's place mentions), or null.</summary>
    public TextSpan? PlaceSpan { get; init; }

    /// <summary>TIMEX3 value of when it happened; from the sentence, else the publication date.</summary>
    public string? Date { get; init; }

    /// <summary>Spans of linked quantities (into <see cref="ReportDocument.Quantities"/>).</summary>
    public IReadOnlyList<TextSpan> QuantitySpans { get; init; } = [];

    /// <summary>Supply categories concerned: food, fuel, medical, water, power, ...</summary>
    public IReadOnlyList<string> Supplies { get; init; } = [];

    /// <summary>The PLOVER event type, with PLOVER's reading of mode: a planned cooperative act is an AGREE, a threatened or planned coercive act a THREATEN, a refused cooperative act a REJECT.</summary>
    public string? PloverType { get; init; }

    /// <summary>The words that evoked the event (inside the evidence span).</summary>
    public TextSpan? TriggerSpan { get; init; }

    /// <summary>Every actor on the acting side when several are coordinated ("Israel and the Palestinians"); <see cref="Actor1"/> is the first.</summary>
    public IReadOnlyList<string> Actor1All { get; init; } = [];

    /// <summary>Every actor acted upon; <see cref="Actor2"/> is the first.</summary>
    public IReadOnlyList<string> Actor2All { get; init; } = [];

    /// <summary>An act done together ("held talks with", "A and B renewed negotiations"): <see cref="Actor1All"/> lists every party as a co-participant and <see cref="Actor2All"/> is empty.</summary>
    public bool Reciprocal { get; init; }

    /// <summary>Where <see cref="Date"/> comes from: "text" (a time expression of the sentence) or "published".</summary>
    public string? DateSource { get; init; }
}
