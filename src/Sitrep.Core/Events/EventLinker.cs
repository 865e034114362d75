using System.Globalization;
using Sitrep.Documents;
using Sitrep.Events.Lexical;
using Sitrep.Geo;
using Sitrep.Time;

namespace Sitrep.Events;

/// <summary>
/// Ties an event to the other layers of its sentence: the time expression nearest its trigger (else the
/// publication date), the place where it happened (a literal toponym, preferably introduced by "in", "at",
/// "near"), the quantities of the sentence and the supply categories it names.
/// </summary>
internal static class EventLinker
{
    private static readonly HashSet<string> PlacePrepositions = new(StringComparer.Ordinal)
    {
        "in", "at", "near", "into", "to", "outside", "inside", "around", "across", "on", "towards", "toward", "reached", "reaching", "entered", "besieged", "shelled", "struck", "hit",
    };

    public static void Link(EventCandidate candidate, ReportDocument document, TextSpan sentence, List<Token> tokens, List<ActorSlot> slots)
    {
        LinkDate(candidate, document, sentence);
        LinkPlace(candidate, document, sentence, tokens, slots);
        foreach (var quantity in document.Quantities)
        {
            if (sentence.Contains(quantity.Span))
            {
                candidate.Quantities.Add(quantity.Span);
            }
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].IsWord)
            {
                continue;
            }

            if (i + 1 < tokens.Count && Words.Supplies.TryGetValue(tokens[i].Lower + " " + tokens[i + 1].Lower, out var pair))
            {
                candidate.Supplies.Add(pair);
            }
            else if (Words.Supplies.TryGetValue(tokens[i].Lower, out var single))
            {
                candidate.Supplies.Add(single);
            }
        }
    }

    private static void LinkDate(EventCandidate candidate, ReportDocument document, TextSpan sentence)
    {
        Timex? best = null;
        var bestDistance = int.MaxValue;
        foreach (var time in document.Times)
        {
            if (!sentence.Contains(time.Span) || time.Type is not (TimexType.Date or TimexType.Time) || (time.RangeStart ?? time.Value) is null
                || time.Value is "PRESENT_REF" or "PAST_REF" or "FUTURE_REF")
            {
                continue;
            }

            // "Azerbaijan, which has controlled the checkpoint since April, refused ...": "since" dates the onset
            // of a state; only a lasting state (a blockade, a closure) takes it as its own date.
            if (time.RangeStart is not null && time.RangeEnd is null && !EventStage.IsLastingState(candidate.Type.Code) && IsAfterSince(document.Normalized.Value, time.Span.Start))
            {
                continue;
            }

            var distance = time.Span.Start >= candidate.TriggerSpan.End
                ? time.Span.Start - candidate.TriggerSpan.End
                : candidate.TriggerSpan.Start - time.Span.End;
            if (distance < bestDistance)
            {
                best = time;
                bestDistance = distance;
            }
        }

        if (best is not null)
        {
            candidate.Date = best.RangeStart ?? best.Value;
            candidate.DateSource = "text";
        }
        else if (document.Published is { } published)
        {
            candidate.Date = published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            candidate.DateSource = "published";
        }
    }

    private static bool IsAfterSince(string text, int start)
    {
        var before = text.AsSpan(0, start).TrimEnd();
        return before.EndsWith("since", StringComparison.OrdinalIgnoreCase) && (before.Length == 5 || !char.IsLetter(before[^6]));
    }

    private static void LinkPlace(EventCandidate candidate, ReportDocument document, TextSpan sentence, List<Token> tokens, List<ActorSlot> slots)
    {
        PlaceMention? best = null;
        var bestScore = double.MinValue;
        foreach (var place in document.Places)
        {
            if (!sentence.Contains(place.Span) || place.Kind != PlaceMentionKind.Literal
                || slots.Any(s => !s.Mention.IsLocative && s.Mention.Span.Overlaps(place.Span) && s.Mention.Type != Actors.ActorType.State)
                || slots.Any(s => s.Mention.Span.Overlaps(place.Span) && Actors.ActorRegistry.Default.IsHistorical(s.Mention.CountryCode)))
            {
                continue;
            }

            // "Officials in Yerevan said the closure left ...": where the speaker is, not where it happened.
            if (place.Span.End <= candidate.TriggerSpan.Start && tokens.Any(t => t.Start >= place.Span.End && t.End <= candidate.TriggerSpan.Start && Words.ReportingVerbs.Contains(t.Lower)))
            {
                continue;
            }

            var score = 0.0;
            var index = tokens.FindIndex(t => t.Start >= place.Span.Start);
            for (var k = index - 1; k >= 0 && k >= index - 3; k--)
            {
                if (PlacePrepositions.Contains(tokens[k].Lower))
                {
                    score += 2;
                    break;
                }
            }

            var distance = place.Span.Start >= candidate.TriggerSpan.End ? place.Span.Start - candidate.TriggerSpan.End : Math.Max(0, candidate.TriggerSpan.Start - place.Span.End);
            score -= distance / 60.0;
            score += place.IsResolved ? 0.5 : 0;

            // A closure or opening happens at the corridor or crossing the sentence names, wherever it stands
            // ("the only road linking Armenia with Nagorno-Karabakh has been closed ... on the Lachin corridor").
            if (candidate.Type.Code is "CROSSING_CLOSED" or "CROSSING_OPENED" && place.FeatureCode is "CORR" or "CRSG")
            {
                score += 3;
            }

            // A place inside a passive trigger's subject ("the road linking Armenia with ...") is where the road
            // goes, not where it was closed.
            else if (candidate.TriggerSpan.Contains(place.Span) && candidate.TriggerSpan.Length > 40)
            {
                score -= 1;
            }

            if (score > bestScore)
            {
                best = place;
                bestScore = score;
            }
        }

        candidate.Place = best?.Span;
    }
}
