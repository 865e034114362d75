using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Sitrep.Tests.Events;

/// <summary>The actor, event and claim stages read untrusted text: whatever it is, they finish and keep spans inside it.</summary>
public sealed class EventPropertyTests
{
    private static readonly string[] Words =
    [
        "the", "army", "Azerbaijani", "blockade", "of", "\"", ",", ".", "said", "by", "was", "attacked", "a", "new", "group", "-", "Anarchist",
        "Artsakh", "According", "to", "DW", "'s", "killed", "\n", "siege", "lifted", "UN", "called", "itself", "if", "not", "allow", "aid", "Baku",
    ];

    [Property(MaxTest = 200)]
    public Property AnyText_IsProcessed_WithSpansInsideTheText() =>
        Prop.ForAll(
            Gen.Elements(Words).ListOf().Select(w => string.Join(' ', w)).ToArbitrary(),
            text =>
            {
                var document = EventTestKit.Run(text);
                var length = document.Normalized.Value.Length;
                return document.Actors.All(a => a.Span.Start >= 0 && a.Span.End <= length && a.Span.Length > 0)
                    && document.Events.All(e => e.Span.End <= length && e.TriggerSpan is { } t && e.Span.Contains(t))
                    && document.Claims.All(c => c.Span.Start >= 0 && c.Span.End <= length);
            });
}
