using Sitrep.Actors;
using Sitrep.Documents;

namespace Sitrep.Events;

/// <summary>An actor mention placed on the sentence's tokens.</summary>
internal sealed record ActorSlot(ActorMention Mention, int First, int Last)
{
    /// <summary>Reported as the source of the sentence (", officials said"), not a participant.</summary>
    public bool IsSpeaker { get; set; }
}

/// <summary>An event being coded in one sentence, before it is ranked and frozen into an <see cref="EventMention"/>.</summary>
internal sealed class EventCandidate
{
    public required EventType Type { get; set; }

    public required TriggerMatch Trigger { get; init; }

    public required int SentenceIndex { get; init; }

    public required TextSpan Evidence { get; init; }

    public required TextSpan TriggerSpan { get; init; }

    public Modality Modality { get; set; }

    public bool Negated { get; set; }

    public List<ActorSlot> Actor1 { get; } = [];

    public List<ActorSlot> Actor2 { get; } = [];

    public TextSpan? Place { get; set; }

    public string? Date { get; set; }

    public string? DateSource { get; set; }

    public List<TextSpan> Quantities { get; } = [];

    public SortedSet<string> Supplies { get; } = new(StringComparer.Ordinal);

    public double Salience { get; set; }

    public int Mentions { get; set; } = 1;

    /// <summary>How deeply the trigger sits in subordinate material ("after ...", "to allow ...", "accused of ..."); 0 for the main clause.</summary>
    public int Depth { get; set; }

    /// <summary>A participle used as an adjective ("the besieged town"): a description rather than a report of the event.</summary>
    public bool Adjectival { get; set; }

    /// <summary>An act done together ("held talks with"): <see cref="Actor1"/> lists every party, <see cref="Actor2"/> is empty.</summary>
    public bool Reciprocal { get; set; }

    public List<string> Reasons { get; } = [];

    public string? Actor1Id => Actor1.Count > 0 ? Actor1[0].Mention.ActorId : null;

    public string? Actor2Id => Actor2.Count > 0 ? Actor2[0].Mention.ActorId : null;

    public ActorType? Actor1Type => Actor1.Count > 0 ? Actor1[0].Mention.Type : null;

    public ActorType? Actor2Type => Actor2.Count > 0 ? Actor2[0].Mention.Type : null;
}
