namespace Sitrep.Situation.Review;

/// <summary>What an analyst decided about an event, a pair of events or an actor.</summary>
public enum ReviewKind
{
    /// <summary>The event is right as extracted.</summary>
    Confirm,

    /// <summary>One field of the event is wrong; <see cref="ReviewDecision.Field"/> gets <see cref="ReviewDecision.Value"/>.</summary>
    Correct,

    /// <summary>The event did not happen or is not an event (an extraction error): hidden from the picture.</summary>
    Reject,

    /// <summary>Undoes a rejection.</summary>
    Restore,

    /// <summary>Two events are the same real-world event, whatever the matcher says.</summary>
    Merge,

    /// <summary>The event is not the same as the others in its cluster: it stands alone from now on.</summary>
    Split,

    /// <summary>Another name for an actor.</summary>
    Alias,
}

/// <summary>
/// One analyst decision, as the audit log records it. Events are named by their key
/// (<c>&lt;hash16&gt;#TYPE@start-end</c>), which re-extraction of the same report keeps, so decisions
/// survive every re-extraction and re-merge: the knowledge base replays them over what it derives.
/// </summary>
public sealed record ReviewDecision
{
    public long Id { get; init; }

    public required ReviewKind Kind { get; init; }

    /// <summary>An event key, or an actor id for <see cref="ReviewKind.Alias"/>.</summary>
    public required string Target { get; init; }

    /// <summary>The second event of a <see cref="ReviewKind.Merge"/>.</summary>
    public string? Other { get; init; }

    /// <summary>For <see cref="ReviewKind.Correct"/>: one of <see cref="EventCorrections.Fields"/>.</summary>
    public string? Field { get; init; }

    public string? Value { get; init; }

    public string? Note { get; init; }

    public required string Analyst { get; init; }

    public required DateTimeOffset At { get; init; }
}
