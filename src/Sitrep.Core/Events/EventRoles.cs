using Sitrep.Events.Lexical;

namespace Sitrep.Events;

/// <summary>
/// Who did it (actor1) and to whom (actor2), read from word order without a parser: the subject of the
/// clause for active verbs, "by X" for passives and nominalisations, a possessor or adjective before a noun
/// trigger ("Azerbaijan's blockade", "the Azerbaijani blockade"), the first actor after the trigger as the
/// one acted upon. Sources of the sentence (", officials said") are never participants.
/// </summary>
internal static class EventRoles
{
    public static void MarkSpeakers(List<Token> tokens, List<ActorSlot> slots)
    {
        foreach (var slot in slots)
        {
            // "..., a Jordanian official confirmed." / "..., according to DW" / "X said on Monday."
            var after = slot.Last + 1;
            var verbAfter = after < tokens.Count && Words.ReportingVerbs.Contains(tokens[after].Lower)
                            || after + 1 < tokens.Count && tokens[after].IsWord && Words.ReportingVerbs.Contains(tokens[after + 1].Lower) && tokens[after].Lower is not ("to" or "of");
            var before = slot.First - 1;
            var precededByComma = before >= 0 && tokens[before].Text is "," || before >= 1 && tokens[before - 1].Text == "," && tokens[before].Lower is "a" or "an" or "the";
            var accordingTo = before >= 1 && tokens[before].Lower == "to" && tokens[before - 1].Lower == "according"
                              || before >= 2 && tokens[before].Lower == "the" && tokens[before - 1].Lower == "to" && tokens[before - 2].Lower == "according";
            var sentenceFinal = verbAfter && RestIsTail(tokens, after);
            if (accordingTo || verbAfter && (precededByComma || sentenceFinal) && slot.First > 0)
            {
                slot.IsSpeaker = true;
            }

            // The media of the sentence ("Itar-Tass news agency said", "the official CTK news agency said") are sources, not participants.
            if (slot.Mention.Type == Actors.ActorType.Media && (verbAfter || ReportingVerbWithin(tokens, after, 3)))
            {
                slot.IsSpeaker = true;
            }
        }
    }

    /// <summary>A reporting verb among the next few words, with nothing but words before it ("CTK news agency said").</summary>
    private static bool ReportingVerbWithin(List<Token> tokens, int from, int words)
    {
        for (var k = from; k < tokens.Count && k <= from + words; k++)
        {
            if (!tokens[k].IsWord)
            {
                return false;
            }

            if (Words.ReportingVerbs.Contains(tokens[k].Lower))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>After a reporting verb only a time, a place or an outlet remains ("said on Tuesday.").</summary>
    private static bool RestIsTail(List<Token> tokens, int verb)
    {
        var words = 0;
        for (var k = verb + 1; k < tokens.Count; k++)
        {
            if (tokens[k].Text is "," or "." or ";" or "\"" or "'")
            {
                return true;
            }

            if (tokens[k].Lower is "that" or "it" or "they" or "he" or "she")
            {
                return false;
            }

            if (++words > 5)
            {
                return false;
            }
        }

        return true;
    }

    public static void Assign(EventCandidate candidate, List<Token> tokens, List<ActorSlot> slots)
    {
        var first = candidate.Trigger.First;
        var last = candidate.Trigger.Last;
        var clauseStart = ClauseStart(tokens, first, afterReportingVerb: candidate.Type.IsMaterialConflict || candidate.Type.Code.StartsWith("AID", StringComparison.Ordinal));
        var clauseEnd = ClauseEnd(tokens, last);
        var participants = slots.Where(s => !s.IsSpeaker && !Enumerable.Range(s.First, s.Last - s.First + 1).All(candidate.Trigger.Literals.Contains)).ToList();

        // "X said (that) Y must ...": Y is asked, X asks.
        if (tokens[first].Lower is "must" or "should")
        {
            var asked = participants.LastOrDefault(s => s.Last < first);
            var asker = slots.FirstOrDefault(s => s.Last < first && s != asked && (s.First == 0 || !Words.Prepositions.Contains(tokens[s.First - 1].Lower)));
            if (asker is not null)
            {
                candidate.Actor1.Add(asker);
            }

            if (asked is not null)
            {
                candidate.Actor2.AddRange(Coordinated(tokens, participants, asked));
            }

            candidate.Reasons.Add("'X said Y must': X demands of Y");
            return;
        }

        ActorSlot? byAgent = participants.FirstOrDefault(s => s.First > last && s.First <= clauseEnd + 10 && PrecededBy(tokens, s, "by"));
        var preposition = Words.Prepositions.Contains(tokens[first].Lower);

        // "the road ... has been closed": a pattern from the subject noun to its passive verb is passive too.
        var passive = IsPassive(tokens, first) || (last > first && IsPassive(tokens, last) && !preposition);
        var nominal = preposition ? null : NominalAgent(tokens, participants, first);

        // "the besieged city", "in Besieged Artsakh": a participle used as an adjective describes a state of affairs.
        if (first > 0 && tokens[first].Lower.EndsWith("ed", StringComparison.Ordinal)
            && (tokens[first - 1].Lower is "the" or "a" or "an" or "in" or "of" or "its" or "their" or "to" or "from"
                || first == last && first + 1 < tokens.Count && tokens[first + 1].Lower is "town" or "city" or "village" or "enclave" or "region" or "area" or "district" or "suburb" or "camp" or "neighbourhood" or "neighborhood" or "towns" or "cities" or "villages" or "areas"))
        {
            candidate.Reasons.Add("adjectival participle: no roles");
            candidate.Adjectival = true;
            return;
        }

        if (preposition && candidate.Type.Code == "BLOCKADE")
        {
            // "kept the population under blockade": the one held under it stands before "under".
            if (participants.LastOrDefault(s => s.Last < first) is { } held && Subject(tokens, participants, clauseStart, first) is { } holder && held != holder)
            {
                candidate.Actor1.Add(holder);
                candidate.Actor2.Add(held);
                candidate.Reasons.Add("'X kept Y under blockade'");
                return;
            }
        }

        if (candidate.Type.Code == "GROUP_FORMED" && slots.FirstOrDefault(s => s.Mention.IsNew) is { } created)
        {
            candidate.Actor1.Add(created);
            candidate.Reasons.Add("actor1: the new group");
        }
        else if (passive || nominal is null && byAgent is not null && !ParticipleBetween(tokens, last, byAgent.First) && IsNounLike(tokens, first))
        {
            if (byAgent is not null)
            {
                candidate.Actor1.Add(byAgent);
            }

            if ((Subject(tokens, participants, clauseStart, first) ?? participants.FirstOrDefault(s => s.First >= clauseStart && s.Last < first && !s.Mention.IsLocative)) is { } subject)
            {
                candidate.Actor2.AddRange(Coordinated(tokens, participants, subject));
            }

            candidate.Reasons.Add(passive ? "passive: actor1 after 'by', actor2 the subject" : "nominal: actor1 after 'by'");
            return;
        }
        else if (nominal is not null)
        {
            candidate.Actor1.Add(nominal);
            candidate.Reasons.Add("nominal: actor1 before the noun");
        }
        else if (ReferenceAfterNoun(tokens, first))
        {
            // "a key player in the conflict", "the anniversary of the war": the clause is about something else
            // and neither its subject nor what follows took part in what the trigger names.
            candidate.Reasons.Add("a noun's complement ('player in the conflict'): no roles");
            return;
        }
        else if (Subject(tokens, participants, clauseStart, first) is { } subject)
        {
            candidate.Actor1.AddRange(Coordinated(tokens, participants, subject));
            candidate.Reasons.Add("active: actor1 the clause subject");
        }
        else if (ReportedSubject(tokens, slots, first) is { } speaker)
        {
            // "Syria says it is willing to withdraw": the speaker speaks of itself.
            candidate.Actor1.Add(speaker);
            candidate.Reasons.Add("actor1: the speaker of a reported clause");
        }

        // "A convoy of the Red Cross reached Madaya", "trucks of the WFP": whose the convoy is, sends it.
        if (candidate.Actor1.Count == 0 && candidate.Type.Code.StartsWith("AID", StringComparison.Ordinal)
            && participants.FirstOrDefault(s => s.First > first && s.First <= first + 3 && PrecededBy(tokens, s, "of") && !s.Mention.IsLocative) is { } sender)
        {
            candidate.Actor1.Add(sender);
            candidate.Reasons.Add("'a convoy of X': X sends it");
        }

        var objects = participants.Where(s => s.First > first && s.First <= clauseEnd && !candidate.Trigger.Literals.Contains(s.First) && !candidate.Actor1.Contains(s) && s != byAgent
            && !IsOwnForces(candidate, s)).ToList();
        var target = objects.FirstOrDefault(s => !s.Mention.IsLocative) ?? objects.FirstOrDefault(s => !IsPath(tokens, s));
        if (target is not null)
        {
            candidate.Actor2.AddRange(Coordinated(tokens, objects, target));
        }
    }

    /// <summary>
    /// A definite noun trigger completing another noun: "a key player in the conflict", "the anniversary of the
    /// war", "the end of the siege". The noun before the preposition is recognised by its determiner within
    /// three words ("a key player", "the second anniversary"); after a verb ("took part in the fighting") the
    /// subject keeps its role.
    /// </summary>
    private static bool ReferenceAfterNoun(List<Token> tokens, int trigger)
    {
        if (trigger < 3 || tokens[trigger - 1].Lower != "the" || tokens[trigger - 2].Lower is not ("in" or "of" or "to" or "over" or "about"))
        {
            return false;
        }

        for (var k = trigger - 3; k >= 0 && k >= trigger - 5; k--)
        {
            var lower = tokens[k].Lower;
            if (!tokens[k].IsWord || Words.BeForms.Contains(lower) || Words.Prepositions.Contains(lower) || lower.EndsWith("ed", StringComparison.Ordinal) || lower.EndsWith("ing", StringComparison.Ordinal))
            {
                return false;
            }

            if (lower is "a" or "an" or "the" or "its" or "their" or "his" or "her")
            {
                return k < trigger - 3;
            }
        }

        return false;
    }

    /// <summary>"an investigation into crimes committed by X": the "by" belongs to the participle, not to the noun trigger.</summary>
    private static bool ParticipleBetween(List<Token> tokens, int from, int to)
    {
        for (var k = from + 1; k < to; k++)
        {
            // "a ceasefire was brokered by Russia": the trigger's own passive verb keeps its agent.
            if (tokens[k].Lower.Length > 4 && tokens[k].Lower.EndsWith("ed", StringComparison.Ordinal) && k > from + 1 && !Words.BeForms.Contains(tokens[k - 1].Lower))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"through Azerbaijani territory", "via Turkey": a place passed through is no target.</summary>
    private static bool IsPath(List<Token> tokens, ActorSlot slot) => slot.First > 0 && tokens[slot.First - 1].Lower is "through" or "via" or "across";

    /// <summary>
    /// "Britain mobilized army reservists", "withdrew forces from Panama", "refused to deploy peacekeepers in Iraq": troops named
    /// without a country after a state's act are its own forces, the instrument of the act rather than the one acted upon.
    /// </summary>
    private static bool IsOwnForces(EventCandidate candidate, ActorSlot slot) =>
        candidate.Actor1.Count > 0 && slot.Mention.Type == Actors.ActorType.Military
        && (slot.Mention.ActorId == "MILITARY" || slot.Mention.CountryCode is not null && candidate.Actor1.Any(a => a.Mention.CountryCode == slot.Mention.CountryCode))
        && candidate.Actor1.Any(a => a.Mention.CountryCode is not null || a.Mention.Type is Actors.ActorType.Igo);

    /// <summary>Words of dialogue: "A held talks with B", "A telephoned B" make A and B co-participants.</summary>
    private static readonly HashSet<string> DialogueWords = new(StringComparer.Ordinal)
    {
        "talks", "negotiations", "negotiated", "negotiating", "telephoned", "phoned", "consultations",
    };

    /// <summary>Words of acts done together, for coordinated parties ("Czechia and Albania upgraded their ties").</summary>
    private static readonly HashSet<string> ReciprocalWords = new(StringComparer.Ordinal)
    {
        "talks", "negotiations", "negotiated", "negotiating", "telephoned", "phoned", "consultations", "met", "meeting", "meetings", "ties",
        "relations", "exercises", "drills", "games", "cooperation", "co-operation", "cooperate", "cooperated", "partnership", "agreement", "accord", "deal", "truce",
    };

    /// <summary>
    /// Acts done together have co-participants rather than an agent and a target; PLOVER codes them as both
    /// sources and targets. Coordinated parties acting together ("Israel and Lebanon renewed negotiations",
    /// "Hungarian and Romanian officials agreed that their countries ...") and a dialogue with a partner ("A held
    /// talks with B", "A telephoned B") list every party in actor1 and leave actor2 empty. A one-sided act with
    /// a partner ("shared evidence with the U.S.", "offered to negotiate with") keeps its direction.
    /// </summary>
    public static void Reciprocate(EventCandidate candidate, List<Token> tokens)
    {
        var code = candidate.Type.Code;
        if (code is not ("CONSULT" or "COOPERATE" or "AGREE" or "SUPPORT" or "FIGHT" or "REJECT") || candidate.Actor1.Count == 0
            || tokens[candidate.Trigger.First].Lower is "must" or "should")
        {
            return;
        }

        if (code is "CONSULT" or "COOPERATE" && candidate.Actor2.Count > 0 && candidate.Actor2[0].First - candidate.Trigger.Last <= 5
            && candidate.Trigger.Literals.Any(l => DialogueWords.Contains(tokens[l].Lower)))
        {
            candidate.Actor1.AddRange(candidate.Actor2.Where(a => !a.Mention.IsLocative));
            candidate.Actor2.Clear();
            candidate.Reciprocal = true;
            candidate.Reasons.Add("reciprocal: a dialogue, the parties are co-participants");
        }
        else if (candidate.Actor1.Count >= 2 && (code is "CONSULT" or "COOPERATE" || candidate.Trigger.Literals.Any(l => ReciprocalWords.Contains(tokens[l].Lower))
                 || candidate.Actor2.All(t => candidate.Actor1.Any(a => a.Mention.CountryCode == t.Mention.CountryCode))))
        {
            candidate.Actor2.Clear();
            candidate.Reciprocal = true;
            candidate.Reasons.Add("reciprocal: coordinated parties act together");
        }
    }

    /// <summary>
    /// How many subordinating steps lie between the sentence start and the trigger: a subordinating conjunction
    /// ("after", "if", "when"), an infinitive "to", a participle clause after a comma, or a preposition that makes
    /// a noun trigger the object of something else ("accused of abuses", "an inquiry into the shelling").
    /// </summary>
    public static int Depth(List<Token> tokens, int trigger)
    {
        var depth = 0;
        for (var k = 0; k < trigger; k++)
        {
            var lower = tokens[k].Lower;
            if (lower is "after" or "before" or "because" or "following" or "if" or "unless" or "when" or "while" or "amid" or "during" or "until" or "whether" or "which" or "who")
            {
                depth++;
            }
            else if (lower == "to" && k + 1 < tokens.Count && tokens[k + 1].IsWord && !IsDeterminer(tokens[k + 1]) && !char.IsUpper(tokens[k + 1].Text[0]))
            {
                depth++;
            }
        }

        var word = tokens[trigger].Lower;
        if (trigger > 0 && tokens[trigger - 1].Text == "," && word.EndsWith("ing", StringComparison.Ordinal))
        {
            depth++;
        }

        var p = trigger - 1;
        while (p >= 0 && p >= trigger - 3 && (IsDeterminer(tokens[p]) || tokens[p].IsWord && !Words.Prepositions.Contains(tokens[p].Lower) && p < trigger - 1 && !Words.BeForms.Contains(tokens[p].Lower) && tokens[p].Lower.Length > 2 && IsModifier(tokens[p])))
        {
            p--;
        }

        if (p >= 0 && tokens[p].Lower is "of" or "for" or "into" or "over" or "in" or "about" or "against" or "on" or "with")
        {
            depth++;
        }

        return depth;
    }

    private static bool IsDeterminer(Token token) =>
        token.Lower is "a" or "an" or "the" or "its" or "their" or "his" or "her" or "this" or "that" or "these" or "those" or "our" or "some" or "any"
        || token.Text.Length > 0 && char.IsDigit(token.Text[0]);

    private static bool IsModifier(Token token) => !token.Lower.EndsWith("ed", StringComparison.Ordinal) || token.Lower is "alleged" or "suspected" or "renewed" or "armed";

    private static bool IsPassive(List<Token> tokens, int trigger)
    {
        var word = tokens[trigger].Lower;
        if (!(word.EndsWith("ed", StringComparison.Ordinal) || word.EndsWith("en", StringComparison.Ordinal) || word is "shot" or "held" or "hit" or "struck" or "cut" or "seized" or "set" or "led" or "fought" or "overrun"))
        {
            return false;
        }

        for (var k = trigger - 1; k >= 0 && k >= trigger - 3; k--)
        {
            var lower = tokens[k].Lower;
            if (Words.BeForms.Contains(lower))
            {
                return true;
            }

            if (!(lower.EndsWith("ly", StringComparison.Ordinal) || lower is "been" or "reportedly" or "allegedly" or "also" or "then" or "later" or "not"))
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsNounLike(List<Token> tokens, int trigger) =>
        trigger > 0 && tokens[trigger - 1].Lower is "the" or "a" or "an" or "its" or "their" or "his" or "her" or "'s" or "of"
        || trigger + 1 < tokens.Count && tokens[trigger + 1].Lower == "of";

    /// <summary>"Azerbaijan's blockade", "the ongoing Azerbaijani blockade", "Turkish military aid".</summary>
    private static ActorSlot? NominalAgent(List<Token> tokens, List<ActorSlot> slots, int trigger)
    {
        var k = trigger - 1;
        var modifiers = 0;
        while (k >= 0 && modifiers <= 2)
        {
            var possessive = slots.FirstOrDefault(s => s.Last == k - 1 && tokens[k].Lower == "'s");
            if (possessive is not null)
            {
                return possessive.Mention.IsLocative ? null : possessive;
            }

            // "the Azerbaijani blockade", "Turkish military aid" - but not the subject of a verb ("officials agreed").
            var slot = slots.FirstOrDefault(s => s.Last == k);
            if (slot is not null)
            {
                if (!slot.Mention.IsDemonym && k + 1 < trigger && tokens[k + 1].Lower.EndsWith("ed", StringComparison.Ordinal))
                {
                    return null;
                }

                var verbLike = tokens[trigger].Lower.EndsWith("ed", StringComparison.Ordinal) || tokens[trigger].Lower is "held" or "met" or "fought" or "took" or "sent" or "gave" or "struck" or "shot";
                return slot.Mention.IsLocative || !slot.Mention.IsDemonym && verbLike ? null : slot;
            }

            var lower = tokens[k].Lower;
            if (!tokens[k].IsWord || lower is "the" or "a" or "an" || Words.Prepositions.Contains(lower) || Words.BeForms.Contains(lower)
                || lower is "has" or "have" or "had" or "will" or "would" or "to" or "and")
            {
                return null;
            }

            modifiers++;
            k--;
        }

        return null;
    }

    private static ActorSlot? Subject(List<Token> tokens, List<ActorSlot> slots, int clauseStart, int trigger)
    {
        foreach (var slot in slots)
        {
            if (slot.First < clauseStart || slot.Last >= trigger)
            {
                continue;
            }

            var before = slot.First > 0 && tokens[slot.First - 1].Lower == "the" ? slot.First - 2 : slot.First - 1;
            var groupOf = before > 0 && tokens[before].Lower == "of" && Words.Quantifiers.Contains(tokens[before - 1].Lower);
            if (slot.Mention.IsLocative || before >= 0 && Words.Prepositions.Contains(tokens[before].Lower) && !groupOf)
            {
                continue;
            }

            return slot;
        }

        return null;
    }

    /// <summary>
    /// "Syria says it is willing to withdraw", "Militants loyal to X said they attempted ...", "The RUF announced
    /// it will return weapons": the subject of the reporting verb, when a pronoun right after the verb takes
    /// it up as the subject of the reported clause.
    /// </summary>
    private static ActorSlot? ReportedSubject(List<Token> tokens, List<ActorSlot> slots, int trigger)
    {
        for (var v = trigger - 1; v > 0; v--)
        {
            if (!Words.ReportingVerbs.Contains(tokens[v].Lower))
            {
                continue;
            }

            for (var k = v + 1; k < trigger && k <= v + 4; k++)
            {
                if (tokens[k].Lower is "it" or "they" or "he" or "she" or "we")
                {
                    var clause = ClauseStart(tokens, v, afterReportingVerb: false);
                    return slots.FirstOrDefault(s => s.IsSpeaker && s.First >= clause && s.Last < v)
                        ?? Subject(tokens, slots, clause, v);
                }
            }

            return null;
        }

        return null;
    }

    /// <summary>The slot and those joined to it by "and" or commas ("Israel and the Palestinians").</summary>
    private static IEnumerable<ActorSlot> Coordinated(List<Token> tokens, List<ActorSlot> slots, ActorSlot head)
    {
        yield return head;
        var current = head;
        while (true)
        {
            var k = current.Last + 1;
            if (k >= tokens.Count || tokens[k].Lower is not ("and" or "," or "&"))
            {
                yield break;
            }

            // A comma continues a list ("Iran, Libya and Sudan") only if an "and" follows; otherwise it opens an apposition.
            if (tokens[k].Text == "," && !tokens.Skip(k + 1).TakeWhile(t => t.Text is not ("." or ";")).Take(12).Any(t => t.Lower == "and"))
            {
                yield break;
            }

            k++;
            if (k < tokens.Count && tokens[k].Lower is "and")
            {
                k++;
            }

            if (k < tokens.Count && tokens[k].Lower is "the")
            {
                k++;
            }

            var next = slots.FirstOrDefault(s => s.First == k);
            if (next is null || next.IsSpeaker)
            {
                yield break;
            }

            yield return next;
            current = next;
        }
    }

    private static bool PrecededBy(List<Token> tokens, ActorSlot slot, string word)
    {
        var k = slot.First - 1;
        if (k >= 0 && tokens[k].Lower is "the" or "a" or "an")
        {
            k--;
        }

        return k >= 0 && tokens[k].Lower == word;
    }

    /// <param name="afterReportingVerb">For material acts (a blockade, an attack, a delivery), a reporting verb
    /// ends the speaker's clause: "officials said the closure left ..." is not done by the officials. A verbal
    /// act ("X said removing sanctions is out of the question") is the speaker's own.</param>
    private static int ClauseStart(List<Token> tokens, int trigger, bool afterReportingVerb)
    {
        var (asideStart, asideEnd) = RelativeAside(tokens, trigger);
        for (var k = trigger - 1; k >= 0; k--)
        {
            if (k >= asideStart && k <= asideEnd)
            {
                continue;
            }

            if (tokens[k].Text is ";" or ":" or "\"" || Words.ClauseBoundaries.Contains(tokens[k].Lower) && k > 0)
            {
                return k + 1;
            }

            // What follows a reporting verb is a clause of its own, whose subject is not the speaker ("X said it
            // ..." is read by ReportedSubject); "announced", "confirmed" and "stated" take an object as often as a
            // clause ("announced the closure of ..."), so only before "that" or a pronoun.
            if (afterReportingVerb && k > 0 && k < trigger - 1
                && (tokens[k].Lower is "said" or "says" or "told" or "added" or "stressed" or "noted" or "insisted" or "explained"
                    || tokens[k].Lower is "announced" or "confirmed" or "stated" && tokens[k + 1].Lower is "that" or "it" or "they" or "he" or "she" or "we"))
            {
                return k + 1 < trigger && tokens[k + 1].Lower == "that" ? k + 2 : k + 1;
            }
        }

        return 0;
    }

    /// <summary>
    /// "Azerbaijan, which has controlled the checkpoint since April, refused ...": a relative clause set off by
    /// commas and closed before the trigger is an aside, from its opening comma to its closing one; the
    /// trigger's clause goes on before it. (-1, -1) when there is none.
    /// </summary>
    private static (int Start, int End) RelativeAside(List<Token> tokens, int trigger)
    {
        var pronoun = trigger < 2 ? -1 : tokens.FindLastIndex(trigger - 1, trigger, t => t.Lower is "which" or "who");
        if (pronoun < 1 || tokens[pronoun - 1].Text != ",")
        {
            return (-1, -1);
        }

        var closing = tokens.FindIndex(pronoun + 1, trigger - pronoun - 1, t => t.Text == ",");
        return closing < 0 ? (-1, -1) : (pronoun - 1, closing);
    }

    private static int ClauseEnd(List<Token> tokens, int trigger)
    {
        for (var k = trigger + 1; k < tokens.Count; k++)
        {
            if (tokens[k].Text is ";" or ":" or "\"" || Words.ClauseBoundaries.Contains(tokens[k].Lower) && tokens[k].Lower is not ("as" or "following" or "after" or "before"))
            {
                return k - 1;
            }
        }

        return tokens.Count - 1;
    }
}
