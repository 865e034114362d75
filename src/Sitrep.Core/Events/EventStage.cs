using System.Globalization;
using Sitrep.Claims;
using Sitrep.Documents;
using Sitrep.Events.Lexical;
using Sitrep.Pipeline;

namespace Sitrep.Events;

/// <summary>
/// Pipeline stage <c>events</c>: finds trigger words in each sentence, classifies them into the ontology,
/// reads actor roles, modality and negation, links the sentence's date, place, quantities and supplies,
/// merges repeated mentions of one event and ranks the report's events, most salient first.
/// </summary>
/// <remarks>
/// Uses <see cref="ReportDocument.Times"/>, <see cref="ReportDocument.Quantities"/> and
/// <see cref="ReportDocument.Places"/> when earlier stages filled them; without them an event takes the
/// publication date and has no place. Thread-safe: the lexicons are immutable.
/// </remarks>
public sealed class EventStage : IPipelineStage
{
    public const string StageName = "events";

    private static readonly StageStamp Stamp = new(StageName, "1");

    private readonly TriggerLexicon _lexicon;

    public EventStage()
    {
        _lexicon = TriggerLexicon.Default;
    }

    public string Name => StageName;

    public string Version => Stamp.Version;

    public IReadOnlyList<AnnotationLayer> Requires => [AnnotationLayer.Sentences, AnnotationLayer.Times, AnnotationLayer.Quantities, AnnotationLayer.Places, AnnotationLayer.Actors];

    public IReadOnlyList<AnnotationLayer> Assigns => [AnnotationLayer.Events];

    public void Process(ReportDocument document, CancellationToken cancellationToken)
    {
        var text = document.Normalized.Value;
        var statements = QuoteSpans.Find(text).Where(q => QuoteSpans.IsStatement(text, q)).ToList();
        var candidates = new List<EventCandidate>();
        var actorIndex = 0;
        var actors = document.Actors.OrderBy(a => a.Span.Start).ToList();
        for (var s = 0; s < document.Sentences.Count; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sentence = document.Sentences[s].Span;
            var tokens = Tokenizer.Tokenize(text, sentence.Start, sentence.End);
            var slots = new List<ActorSlot>();
            while (actorIndex < actors.Count && actors[actorIndex].Span.Start < sentence.Start)
            {
                actorIndex++;
            }

            for (var a = actorIndex; a < actors.Count && actors[a].Span.Start < sentence.End; a++)
            {
                var first = tokens.FindIndex(t => t.Start >= actors[a].Span.Start);
                var last = tokens.FindLastIndex(t => t.End <= actors[a].Span.End);
                if (first >= 0 && last >= first)
                {
                    slots.Add(new ActorSlot(actors[a], first, last));
                }
            }

            EventRoles.MarkSpeakers(tokens, slots);
            var question = IsQuestion(text, sentence);
            var sentenceEvents = new List<EventCandidate>();
            foreach (var match in Resolve(_lexicon.FindAll(tokens), slots, tokens))
            {
                var candidate = new EventCandidate
                {
                    Type = match.Type,
                    Trigger = match,
                    SentenceIndex = s,
                    Evidence = sentence,
                    TriggerSpan = new TextSpan(tokens[match.First].Start, tokens[match.Last].End),
                };
                candidate.Reasons.Add($"trigger '{match.Pattern}' -> {match.Type.Code}");
                candidate.Depth = EventRoles.Depth(tokens, match.First);
                EventRoles.Assign(candidate, tokens, slots);
                EventRoles.Reciprocate(candidate, tokens);
                EventModality.Read(candidate, tokens, statements);
                if (candidate.Type.Code is "AID_DELIVERED" or "AID_ALLOWED" && candidate.Negated)
                {
                    // "the convoy was unable to enter", "aid has not reached the town", "refused to let the trucks
                    // through": access obstructed, not a delivery.
                    candidate.Type = Ontology.Default.ByCode["AID_DENIED"];
                    candidate.Negated = false;
                    candidate.Reasons.Add("aid that did not get through: AID_DENIED");
                }

                if (question && candidate.Modality == Modality.Asserted)
                {
                    // "Russian Mediation?": a question reports nothing.
                    candidate.Modality = Modality.Hypothetical;
                    candidate.Reasons.Add("question: hypothetical");
                }
                sentenceEvents.Add(candidate);
            }

            Govern(sentenceEvents, tokens);
            EventRefiner.Refine(sentenceEvents, tokens);
            foreach (var candidate in sentenceEvents)
            {
                EventLinker.Link(candidate, document, sentence, tokens, slots);
            }

            candidates.AddRange(sentenceEvents);
        }

        var ranked = Rank([.. Merge(candidates).Where(e => !IsUnanchored(e, document.Sentences.Count))], document);
        for (var i = 0; i < ranked.Count; i++)
        {
            var e = ranked[i];
            var id = "e" + (i + 1).ToString(CultureInfo.InvariantCulture);
            document.Events.Add(new EventMention
            {
                Span = e.Evidence,
                Stage = Stamp,
                Confidence = Math.Min(0.95, 0.45 + 0.1 * e.Trigger.LiteralCount + (e.Actor1.Count > 0 ? 0.15 : 0) + (e.Actor2.Count > 0 ? 0.05 : 0)),
                EventId = id,
                Type = e.Type.Code,
                AcledEventType = e.Type.AcledEventType,
                AcledSubEventType = e.Type.AcledSubEventType,
                CameoRoot = e.Type.CameoRoot,
                PloverType = EventModality.Plover(e.Type, e.Modality, e.Negated),
                Modality = e.Modality,
                Negated = e.Negated,
                Actor1 = e.Actor1Id,
                Actor2 = e.Actor2Id,
                Actor1All = [.. e.Actor1.Select(a => a.Mention.ActorId).Distinct(StringComparer.Ordinal)],
                Actor2All = [.. e.Actor2.Select(a => a.Mention.ActorId).Distinct(StringComparer.Ordinal)],
                PlaceSpan = e.Place,
                Date = e.Date,
                DateSource = e.DateSource,
                QuantitySpans = [.. e.Quantities.Distinct()],
                Supplies = [.. e.Supplies],
                TriggerSpan = e.TriggerSpan,
                Reciprocal = e.Reciprocal,
            });
            if (document.Explain)
            {
                document.Explanations.Add(new ExplainNote(Stamp, e.TriggerSpan,
                    $"{id} {e.Type.Code} ({e.Modality}{(e.Negated ? ", negated" : "")}), salience {e.Salience:F2}, mentions {e.Mentions}: {string.Join("; ", e.Reasons)}"));
            }
        }
    }

    private static bool IsQuestion(string text, TextSpan sentence)
    {
        var end = sentence.End;
        while (end > sentence.Start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is ':' or '"' or ')'))
        {
            end--;
        }

        return end > sentence.Start && text[end - 1] == '?';
    }

    /// <summary>Keeps the longest, then most severe, of overlapping triggers; drops those inside an actor's name.</summary>
    private static List<TriggerMatch> Resolve(List<TriggerMatch> matches, List<ActorSlot> slots, List<Token> tokens)
    {
        var taken = new HashSet<int>();
        var accepted = new List<TriggerMatch>();
        foreach (var match in matches.OrderByDescending(m => m.LiteralCount).ThenByDescending(m => m.Type.Severity).ThenBy(m => m.First))
        {
            if (match.Literals.All(l => slots.Any(s => !s.Mention.IsLocative && s.First <= l && l <= s.Last)) || IsSpurious(match, tokens))
            {
                continue;
            }

            if (match.Literals.Any(taken.Contains))
            {
                // Two patterns of one type over the same words ("supplying X with military" + "military aid") are one trigger.
                var same = accepted.FindIndex(a => a.Type == match.Type && a.Literals.Any(match.Literals.Contains));
                if (same >= 0)
                {
                    var union = accepted[same].Literals.Union(match.Literals).Order().ToArray();
                    accepted[same] = accepted[same] with { First = union[0], Last = Math.Max(accepted[same].Last, match.Last), Literals = union };
                    taken.UnionWith(match.Literals);
                }

                continue;
            }

            taken.UnionWith(match.Literals);
            accepted.Add(match);
        }

        accepted.Sort((a, b) => a.First.CompareTo(b.First));
        return accepted;
    }

    /// <summary>
    /// Verbs of intention govern the event they introduce: "agreed to open a corridor", "threatened to close
    /// the road", "warned that a famine could break out" code the corridor, the closure, the famine, with the
    /// modality the governing verb gave them; the verb itself is not a second event, nor is a refusal to let aid
    /// through (one aid denial). A noun trigger that is
    /// the object of another trigger ("cutting off fuel deliveries") is background to it.
    /// </summary>
    private static void Govern(List<EventCandidate> events, List<Token> tokens)
    {
        foreach (var governor in events.ToList())
        {
            var word = tokens[governor.Trigger.First].Lower;
            var intention = governor.Type.Code is "AGREE" or "THREATEN" && governor.Trigger.LiteralCount == 1
                && (word.StartsWith("agree", StringComparison.Ordinal) || word.StartsWith("promis", StringComparison.Ordinal) || word.StartsWith("pledg", StringComparison.Ordinal)
                    || word.StartsWith("offer", StringComparison.Ordinal) || word.StartsWith("threat", StringComparison.Ordinal) || word.StartsWith("warn", StringComparison.Ordinal) || word.StartsWith("vow", StringComparison.Ordinal))

                // "refused to let the trucks through": the refusal is the act it negates (read as negation), not a second event.
                || governor.Type.Code == "REJECT" && governor.Trigger.LiteralCount == 1 && word.StartsWith("refus", StringComparison.Ordinal);
            var next = governor.Trigger.Last + 1;
            if (!intention || next >= tokens.Count || tokens[next].Lower is not ("to" or "that" or "on"))
            {
                continue;
            }

            var governed = events.FirstOrDefault(e => e != governor && e.Trigger.First > governor.Trigger.Last && e.Trigger.First <= governor.Trigger.Last + 8
                && !tokens.Skip(governor.Trigger.Last + 1).Take(e.Trigger.First - governor.Trigger.Last - 1).Any(t => t.Text is "." or ";"));
            // A refusal folds only into the aid it keeps out ("refused to let the trucks through" is one aid
            // denial); "refused to deploy peacekeepers", "refused to commit to assistance" stay refusals (PLOVER's REJECT).
            if (governed is null || governor.Type.Code == "REJECT" && governed.Type.Code != "AID_DENIED")
            {
                continue;
            }

            if (governed.Actor1.Count == 0)
            {
                governed.Actor1.AddRange(governor.Actor1);
            }

            governed.Depth = governor.Depth;
            governed.Reasons.Add($"governed by '{tokens[governor.Trigger.First].Text}'");
            events.Remove(governor);
        }

        foreach (var e in events)
        {
            var word = tokens[e.Trigger.First].Lower;
            if (word.EndsWith("ed", StringComparison.Ordinal) || word.EndsWith("ing", StringComparison.Ordinal))
            {
                continue;
            }

            if (events.Any(o => o != e && o.Trigger.Last < e.Trigger.First && e.Trigger.First - o.Trigger.Last <= 4
                && !tokens.Skip(o.Trigger.Last + 1).Take(e.Trigger.First - o.Trigger.Last - 1).Any(t => !t.IsWord)))
            {
                e.Depth++;
                e.Reasons.Add("object of another trigger");
            }
        }
    }

    /// <summary>
    /// Readings a pattern cannot exclude: aid kept "from reaching" people is not delivered; "conflict" as a
    /// field of expertise is no war (a war is "the conflict", "armed conflict", "the Karabakh conflict").
    /// </summary>
    private static bool IsSpurious(TriggerMatch match, List<Token> tokens)
    {
        if (match.Type.Code == "AID_DELIVERED" && match.Literals.Any(l => l > 0 && tokens[l - 1].Lower == "from"))
        {
            return true;
        }

        // "in order to", "in order that": purpose, not a command.
        if (tokens[match.First].Lower == "order" && match.First > 0 && tokens[match.First - 1].Lower == "in")
        {
            return true;
        }

        if (match.LiteralCount == 1 && tokens[match.First].Lower is "conflict" or "conflicts")
        {
            var previous = match.First > 0 ? tokens[match.First - 1] : default;
            return !(previous.IsWord && (previous.IsCapitalized || previous.Lower is "the" or "a" or "armed" or "ongoing" or "renewed" or "this" or "that" or "bloody" or "deadly" or "violent" or "military" or "first" or "second" or "border"));
        }

        return false;
    }

    /// <summary>One event mentioned several times ("the blockade") is one event, made more salient by repetition.</summary>
    private static List<EventCandidate> Merge(List<EventCandidate> candidates)
    {
        var merged = new List<EventCandidate>();
        foreach (var next in candidates)
        {
            var candidate = next;
            var same = merged.FirstOrDefault(m => m.Type.Code == candidate.Type.Code && m.Negated == candidate.Negated
                && (IsLastingState(m.Type.Code)
                    ? SameParty(m.Actor1, candidate.Actor1) && (m.Actor1.Count == 0 || candidate.Actor1.Count == 0 || SameParty(m.Actor2, candidate.Actor2)) && CompatibleDates(m, candidate)
                      && !(m.Place is null && candidate.Place is not null)
                    : (m.Actor1Id is not null && m.Actor1Id == candidate.Actor1Id && (m.Actor2Id == candidate.Actor2Id || candidate.Actor2Id is null || m.Actor2Id is null)
                       || SameDatedWithoutAgent(m, candidate) || IsBareFollowUp(m, candidate))
                      && (string.Equals(m.DateSource == "text" ? m.Date : null, candidate.DateSource == "text" ? candidate.Date : null, StringComparison.Ordinal) || IsBareFollowUp(m, candidate))
                      && m.Modality == candidate.Modality));
            if (same is null)
            {
                merged.Add(candidate);
                continue;
            }

            // The mention that says most (who and to whom) represents the event, unless it only denies or
            // claims what another mention asserts: then the asserted one stays, and takes its parties.
            if (candidate.Actor1.Count + candidate.Actor2.Count > same.Actor1.Count + same.Actor2.Count
                && (candidate.Modality == Modality.Asserted || same.Modality != Modality.Asserted))
            {
                merged[merged.IndexOf(same)] = candidate;
                (same, var other) = (candidate, same);
                same.Mentions += other.Mentions - 1;
                same.Quantities.AddRange(other.Quantities);
                same.Supplies.UnionWith(other.Supplies);
                same.Place ??= other.Place;
                candidate = other;
            }

            same.Mentions++;

            // A state the report asserts and a statement it quotes claiming it are one event, asserted.
            if (candidate.Modality == Modality.Asserted)
            {
                same.Modality = Modality.Asserted;
            }

            // A lasting state dates from its onset: the earliest date any mention gives it.
            if (same.DateSource != "text" && candidate.DateSource == "text"
                || IsLastingState(same.Type.Code) && candidate.DateSource == "text" && string.CompareOrdinal(candidate.Date, same.Date) < 0)
            {
                (same.Date, same.DateSource) = (candidate.Date, candidate.DateSource);
            }

            // A group's founding is coded with the new group itself rather than a description ("Armenian group rises").
            if (same.Actor1.Count == 0 || candidate.Actor1.Count > 0 && candidate.Actor1[0].Mention.IsNew && !same.Actor1[0].Mention.IsNew)
            {
                same.Actor1.Clear();
                same.Actor1.AddRange(candidate.Actor1);
            }

            if (same.Actor2.Count == 0 && !same.Reciprocal)
            {
                same.Actor2.AddRange(candidate.Actor2);
            }

            same.Place ??= candidate.Place;
            same.Quantities.AddRange(candidate.Quantities);
            same.Supplies.UnionWith(candidate.Supplies);
        }

        return merged;
    }

    /// <summary>
    /// A blockade, a closure or a group's founding is a lasting state or a one-off a report returns to ("the blockade",
    /// "the siege", "the group"): its mentions are one event whatever their modality, when their parties agree. A later
    /// mention that names a place the first did not ("two villages in Idlib province besieged by rebel groups" after
    /// "the town has been cut off") is another siege, not the same one told again.
    /// </summary>
    internal static bool IsLastingState(string code) => code is "BLOCKADE" or "CROSSING_CLOSED" or "RESTRICTION" or "GROUP_FORMED";

    /// <summary>Unknown on one side, or the same actor, or bodies of the same state ("Azerbaijan", "the government of Azerbaijan").</summary>
    private static bool SameParty(List<ActorSlot> a, List<ActorSlot> b) =>
        a.Count == 0 || b.Count == 0 || a[0].Mention.ActorId == b[0].Mention.ActorId
        || a[0].Mention.CountryCode is { } country && country == b[0].Mention.CountryCode && !a[0].Mention.IsNew && !b[0].Mention.IsNew
        || a[0].Mention.IsNew != b[0].Mention.IsNew && (a[0].Mention.IsDemonym || b[0].Mention.IsDemonym);

    /// <summary>
    /// "A truck reached Stepanakert early Tuesday. It is the first delivery to reach the city in weeks.": a later
    /// mention with no actor, place or date of its own takes up the event just told, not another one. So does a
    /// headline's bare mention ("Ceasefire announced in Nagorno-Karabakh") the body's full telling of it.
    /// </summary>
    private static bool IsBareFollowUp(EventCandidate a, EventCandidate b)
    {
        var (earlier, later) = a.TriggerSpan.Start < b.TriggerSpan.Start ? (a, b) : (b, a);
        return IsBare(later) && later.Place is null || IsBare(earlier) && earlier.SentenceIndex == 0;
    }

    private static bool IsBare(EventCandidate e) => e.Actor1.Count == 0 && e.Actor2.Count == 0 && e.DateSource != "text";

    /// <summary>"The war (1991-94)" and "both nations took up arms in 1991": one mention names no agent, both carry the same date of their own.</summary>
    private static bool SameDatedWithoutAgent(EventCandidate a, EventCandidate b) =>
        (a.Actor1.Count == 0 || b.Actor1.Count == 0) && a.DateSource == "text" && b.DateSource == "text" && string.Equals(a.Date, b.Date, StringComparison.Ordinal);

    /// <summary>A lasting state's mentions date it differently ("since December 2022", "now"): within a year of each other they are one state.</summary>
    private static bool CompatibleDates(EventCandidate a, EventCandidate b) =>
        a.DateSource != "text" || b.DateSource != "text" || string.Equals(a.Date, b.Date, StringComparison.Ordinal)
        || Year(a.Date) is { } x && Year(b.Date) is { } y && Math.Abs(x - y) <= 1;

    private static int? Year(string? date) =>
        date is { Length: >= 4 } && int.TryParse(date.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null;

    /// <summary>
    /// In a long report, an event with no actor, no place, no quantity and no date of its own ("we ask you to support us
    /// in our fight") says nothing a situation picture can use: background and rhetoric. Short reports keep every event.
    /// </summary>
    private static bool IsUnanchored(EventCandidate e, int sentences) =>
        sentences >= LongReportSentences && e.Actor1.Count == 0 && e.Actor2.Count == 0 && e.Place is null && e.Quantities.Count == 0 && e.DateSource != "text";

    private const int LongReportSentences = 8;

    private static List<EventCandidate> Rank(List<EventCandidate> events, ReportDocument document)
    {
        var sentences = Math.Max(1, document.Sentences.Count);
        var publishedYear = document.Published?.Year;
        foreach (var e in events)
        {
            var modality = e.Modality switch
            {
                Modality.Asserted => 1.0,
                Modality.Claimed => 0.85,
                Modality.Threatened => 0.75,
                Modality.Planned => 0.7,
                _ => 0.5,
            };
            var score = e.Type.Severity * modality * (e.Negated ? 0.6 : 1.0);
            score += 2.0 * (1.0 - (double)e.SentenceIndex / sentences);
            score += e.Actor1.Count > 0 ? 1.0 : 0;
            score += e.Actor2.Count > 0 ? 0.5 : 0;
            score += Math.Min(3, e.Mentions - 1);
            score -= 5 * Math.Min(2, e.Depth) + (e.Adjectival ? 4 : 0);
            if (e.DateSource == "text" && publishedYear is { } year && e.Date is { Length: >= 4 } date
                && int.TryParse(date.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var eventYear) && eventYear < year - 1)
            {
                score -= 6; // historical background
                e.Reasons.Add("historical background");
            }

            e.Salience = score;
        }

        return [.. events.OrderByDescending(e => e.Salience).ThenBy(e => e.SentenceIndex)];
    }
}
