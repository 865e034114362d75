using Sitrep.Documents;
using Sitrep.Events.Lexical;

namespace Sitrep.Events;

/// <summary>
/// Reads how an event is presented from the words that govern its trigger ("threatened to", "plans to",
/// "could", "allegedly", "denied"), negation ("did not", "refused to"), and whether it sits inside a quoted
/// statement; and projects the result onto PLOVER's reading of mode.
/// </summary>
internal static class EventModality
{
    private const int Window = 6;

    public static void Read(EventCandidate candidate, List<Token> tokens, IReadOnlyList<TextSpan> statements)
    {
        var first = candidate.Trigger.First;
        var modality = Modality.Asserted;
        var negated = false;
        var governedBySpeechAct = candidate.Type.Code is "THREATEN" or "DEMAND" or "REJECT" or "DISAPPROVE";
        for (var k = first - 1; k >= 0 && k >= first - Window; k--)
        {
            var token = tokens[k];
            if (token.Text is ";" or ":" or "\"" or "(" or ")" || token.Text == "." || Words.ClauseBoundaries.Contains(token.Lower) && token.Lower is not ("if" or "unless"))
            {
                break;
            }

            var lower = token.Lower;
            if (Words.Negations.Contains(lower))
            {
                negated = true;
                continue;
            }

            if (modality != Modality.Asserted || governedBySpeechAct)
            {
                continue;
            }

            if (Words.Threatened.Contains(lower))
            {
                modality = Modality.Threatened;
            }
            else if (Words.Denied.Contains(lower))
            {
                modality = Modality.Denied;
            }
            else if (Words.Claimed.Contains(lower))
            {
                modality = Modality.Claimed;
            }
            else if (Words.Hypothetical.Contains(lower))
            {
                modality = Modality.Hypothetical;
            }
            else if (Words.Planned.Contains(lower))
            {
                modality = Modality.Planned;
            }
        }

        // "a convoy of ten trucks ... has been unable to enter": a negation between the trigger's words governs its verb.
        for (var k = first + 1; k < candidate.Trigger.Last; k++)
        {
            if (!candidate.Trigger.Literals.Contains(k) && Words.Negations.Contains(tokens[k].Lower) && tokens[k].Lower is not ("without" or "no"))
            {
                negated = true;
            }
        }

        if (modality == Modality.Planned && tokens.Skip(first).Any(t => t.Lower == "unless"))
        {
            modality = Modality.Threatened;
        }

        // "... would ... if ...": a condition makes a plan hypothetical.
        if (modality == Modality.Planned && tokens.Any(t => t.Lower == "if") && tokens.Any(t => t.Lower is "would" or "could"))
        {
            modality = Modality.Hypothetical;
        }

        if (modality == Modality.Asserted && statements.Any(q => q.Contains(candidate.TriggerSpan)))
        {
            modality = Modality.Claimed;
            candidate.Reasons.Add("inside a quoted statement");
        }

        candidate.Modality = modality;
        candidate.Negated = negated;
    }

    /// <summary>
    /// PLOVER codes intentions by their kind: a promised or planned cooperative act is an AGREE, a planned,
    /// threatened or conditional coercive one a THREATEN, a refused cooperative one a REJECT.
    /// </summary>
    public static string Plover(EventType type, Modality modality, bool negated)
    {
        if (modality == Modality.Threatened && type.Code != "THREATEN")
        {
            return "THREATEN";
        }

        if (modality is Modality.Planned or Modality.Hypothetical)
        {
            if (type.IsCooperative && !negated)
            {
                return "AGREE";
            }

            if (type.IsMaterialConflict)
            {
                return "THREATEN";
            }
        }

        if (negated && type.IsCooperative)
        {
            return "REJECT";
        }

        return type.Plover;
    }
}
