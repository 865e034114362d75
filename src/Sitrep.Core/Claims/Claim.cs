using Sitrep.Documents;

namespace Sitrep.Claims;

/// <summary>
/// A direct quote or reported speech: what was said (<see cref="Annotation.Span"/>), who said it, and
/// through whom it reached the report ("according to DW, the Russian Foreign Ministry claimed" ->
/// speaker Russian Foreign Ministry, via DW).
/// </summary>
public sealed record Claim : Annotation
{
    public required string Speaker { get; init; }

    /// <summary>Actor id of the speaker when known.</summary>
    public string? SpeakerActorId { get; init; }

    /// <summary>The chain of attribution, outermost first.</summary>
    public IReadOnlyList<string> Via { get; init; } = [];
}
