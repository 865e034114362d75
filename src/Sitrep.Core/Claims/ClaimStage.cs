using Sitrep.Actors;
using Sitrep.Documents;
using Sitrep.Events.Lexical;
using Sitrep.Pipeline;

namespace Sitrep.Claims;

/// <summary>
/// Pipeline stage <c>claims</c>: direct quotes and reported speech with their speaker and chain of
/// attribution. "According to DW, the Russian Foreign Ministry claimed ..." gives speaker Russian Foreign
/// Ministry via [DW]; a quoted statement takes the actor that "stated", "said" or "wrote" it (with "the group"
/// resolved to the group the report introduced); a Telegram post is a statement of its channel.
/// </summary>
public sealed class ClaimStage : IPipelineStage
{
    public const string StageName = "claims";

    private static readonly StageStamp Stamp = new(StageName, "1");

    private static readonly HashSet<string> SpeechVerbs = new(StringComparer.Ordinal)
    {
        "said", "says", "say", "stated", "states", "told", "tells", "claimed", "claims", "announced", "announces", "wrote", "writes", "posted",
        "added", "adds", "declared", "declares", "warned", "warns", "insisted", "insists", "alleged", "alleges", "argued", "noted", "reported",
        "reports", "confirmed", "confirms", "denied", "denies", "accused", "accuses", "tweeted", "explained", "stressed", "urged", "urges", "asserted", "quoted",
    };

    public string Name => StageName;

    public string Version => Stamp.Version;

    public IReadOnlyList<AnnotationLayer> Requires => [AnnotationLayer.Sentences, AnnotationLayer.Actors];

    public IReadOnlyList<AnnotationLayer> Assigns => [AnnotationLayer.Claims];

    public void Process(ReportDocument document, CancellationToken cancellationToken)
    {
        var text = document.Normalized.Value;
        var actors = document.Actors.Where(a => !a.IsLocative).OrderBy(a => a.Span.Start).ToList();
        var claims = new List<Claim>();
        var channel = document.Metadata.Channel;

        foreach (var quote in QuoteSpans.Find(text).Where(q => QuoteSpans.IsStatement(text, q)))
        {
            if (QuoteSpeaker(document, text, quote, actors) is { } speaker)
            {
                claims.Add(Make(quote, speaker.Name, speaker.Actor, speaker.Via, 0.8));
            }
        }

        foreach (var sentence in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (claims.Any(c => c.Span.Overlaps(sentence.Span) && c.Span.Length > sentence.Span.Length / 2))
            {
                continue;
            }

            if (ReportedSpeech(document, text, sentence.Span, actors) is { } claim)
            {
                claims.Add(claim);
            }
        }

        if (channel is not null)
        {
            // A channel post speaks for the channel; what it quotes reached us through it.
            var speaker = actors.FirstOrDefault(a => string.Equals(a.Name, channel, StringComparison.OrdinalIgnoreCase));
            claims = [.. claims.Select(c => c with { Via = [channel, .. c.Via] })];
            var whole = new TextSpan(0, text.Length);
            var trimmed = Trim(text, whole);
            if (trimmed.Length > 0)
            {
                claims.Insert(0, Make(trimmed, speaker?.Name ?? channel, speaker?.ActorId, [], 0.9));
            }
        }

        claims.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        document.Claims.AddRange(claims);
        if (document.Explain)
        {
            foreach (var claim in claims)
            {
                document.Explanations.Add(new ExplainNote(Stamp, claim.Span, $"claim by {claim.Speaker}{(claim.Via.Count > 0 ? " via " + string.Join(" > ", claim.Via) : "")}"));
            }
        }
    }

    private static Claim Make(TextSpan span, string speaker, string? actorId, IReadOnlyList<string> via, double confidence) => new()
    {
        Span = span,
        Stage = Stamp,
        Confidence = confidence,
        Speaker = speaker,
        SpeakerActorId = actorId,
        Via = via,
    };

    /// <summary>The speaker of a quote: "X stated, "..."", "X said: "..."", ""...," X said", ""...," said X".</summary>
    private static (string Name, string? Actor, IReadOnlyList<string> Via)? QuoteSpeaker(ReportDocument document, string text, TextSpan quote, List<ActorMention> actors)
    {
        // Before the opening quote, in the same sentence.
        var sentence = document.Sentences.FirstOrDefault(s => s.Span.Start <= quote.Start - 1 && quote.Start - 1 < s.Span.End)?.Span
                       ?? new TextSpan(Math.Max(0, quote.Start - 200), quote.Start);
        var before = Tokenizer.Tokenize(text, sentence.Start, Math.Max(sentence.Start, quote.Start - 1));
        var verb = before.FindLastIndex(t => SpeechVerbs.Contains(t.Lower));
        if (verb >= 0)
        {
            var speaker = actors.LastOrDefault(a => a.Span.End <= before[verb].Start && a.Span.Start >= sentence.Start);
            if (speaker is not null)
            {
                return (SpeakerName(document, speaker), speaker.ActorId, Via(document, text, sentence, speaker, actors));
            }

            var subject = before.Take(verb).Where(t => t.IsWord).Take(6).ToList();
            if (subject.Count > 0)
            {
                return (text[subject[0].Start..subject[^1].End], null, []);
            }
        }

        // After the closing quote: ", X said" / ", said X".
        var after = Tokenizer.Tokenize(text, Math.Min(text.Length, quote.End + 1), Math.Min(text.Length, quote.End + 120));
        var afterVerb = after.FindIndex(t => SpeechVerbs.Contains(t.Lower) || t.Text is "." or "\n");
        if (afterVerb >= 0 && afterVerb < 10 && SpeechVerbs.Contains(after[afterVerb].Lower))
        {
            var window = new TextSpan(quote.End, after[Math.Min(after.Count - 1, afterVerb + 8)].End);
            var speaker = actors.FirstOrDefault(a => window.Contains(a.Span));
            if (speaker is not null)
            {
                return (SpeakerName(document, speaker), speaker.ActorId, []);
            }

            var words = after.Take(afterVerb).Where(t => t.IsWord).ToList();
            if (words.Count > 0)
            {
                return (text[words[0].Start..words[^1].End], null, []);
            }
        }

        return null;
    }

    /// <summary>"According to DW, the ministry claimed X" / "X, officials said." / "The UN said that X".</summary>
    private static Claim? ReportedSpeech(ReportDocument document, string text, TextSpan sentence, List<ActorMention> actors)
    {
        var tokens = Tokenizer.Tokenize(text, sentence.Start, sentence.End);
        var via = new List<string>();
        var start = 0;

        // "According to DW, ..." - the outer source.
        if (tokens.Count > 3 && tokens[0].Lower == "according" && tokens[1].Lower == "to")
        {
            var comma = tokens.FindIndex(t => t.Text == ",");
            if (comma > 2)
            {
                var outer = actors.FirstOrDefault(a => a.Span.Start >= tokens[2].Start && a.Span.End <= tokens[comma].Start);
                via.Add(outer is not null ? Surface(document, outer) : text[tokens[2].Start..tokens[comma - 1].End]);
                start = comma + 1;
            }
        }

        // "X said/claimed (that) CONTENT"
        for (var i = start; i < tokens.Count - 2; i++)
        {
            if (!SpeechVerbs.Contains(tokens[i].Lower))
            {
                continue;
            }

            var mention = actors.LastOrDefault(a => a.Span.Start >= tokens[start].Start && a.Span.End <= tokens[i].Start
                && !Words.Prepositions.Contains(PreviousWord(tokens, a.Span.Start)));
            (string Name, string? Id) speaker;
            if (mention is not null)
            {
                speaker = (SpeakerName(document, mention), mention.ActorId);
            }
            else if (UnnamedSource(tokens, start, i) is { } unnamed)
            {
                // "A local official told Reuters that ...": a source the registry cannot name.
                speaker = (text[unnamed.Start..unnamed.End], null);
            }
            else
            {
                continue;
            }

            var contentStart = ContentStart(document, tokens, i, actors, speaker.Id, via, out var quoted);
            if (quoted is not null)
            {
                // "Itar-Tass quoted the ministry as saying ...": the one quoted speaks, through the one quoting.
                via.Add(speaker.Name);
                speaker = (SpeakerName(document, quoted), quoted.ActorId);
            }

            // Nested reports: "X told DW that the ministry said Y", "the ministry said the Armenian side claimed Y".
            for (var j = contentStart; j < tokens.Count - 2; j++)
            {
                if (!SpeechVerbs.Contains(tokens[j].Lower) || tokens[j].Lower is "accused" or "accuses" or "urged" or "urges" or "denied" or "denies")
                {
                    continue;
                }

                var inner = actors.LastOrDefault(a => a.Span.Start >= tokens[contentStart].Start && a.Span.End <= tokens[j].Start
                    && !Words.Prepositions.Contains(PreviousWord(tokens, a.Span.Start)) && a.Span.End >= tokens[Math.Max(contentStart, j - 6)].Start);
                if (inner is null || inner.ActorId == speaker.Id)
                {
                    continue;
                }

                via.Add(speaker.Name);
                speaker = (SpeakerName(document, inner), inner.ActorId);
                contentStart = ContentStart(document, tokens, j, actors, speaker.Id, via, out _);
                j = contentStart - 1;
            }

            if (contentStart >= tokens.Count - 1)
            {
                break;
            }

            var span = Trim(text, new TextSpan(tokens[contentStart].Start, sentence.End));
            return Make(span, speaker.Name, speaker.Id, via, via.Count > 0 ? 0.8 : 0.7);
        }

        // "CONTENT, X said." / "CONTENT, according to X."
        var lastComma = tokens.FindLastIndex(t => t.Text == ",");
        if (lastComma > 2)
        {
            var tail = tokens.Skip(lastComma + 1).ToList();
            var hasVerb = tail.Any(t => SpeechVerbs.Contains(t.Lower)) || tail.Count > 1 && tail[0].Lower == "according";
            var speaker = actors.FirstOrDefault(a => a.Span.Start > tokens[lastComma].Start);
            if (hasVerb && tail.Count <= 12 && speaker is not null)
            {
                var span = Trim(text, new TextSpan(sentence.Start, tokens[lastComma].Start));
                return Make(span, SpeakerName(document, speaker), speaker.ActorId, via, 0.7);
            }
        }

        if (via.Count == 1 && start < tokens.Count)
        {
            // "According to DW, CONTENT": DW is the speaker itself.
            var span = Trim(text, new TextSpan(tokens[start].Start, sentence.End));
            return Make(span, via[0], actors.FirstOrDefault(a => a.Span.Start >= tokens[2].Start && a.Span.End <= tokens[start].Start)?.ActorId, [], 0.7);
        }

        return null;
    }

    /// <summary>
    /// Where the reported content begins after the speech verb at <paramref name="verb"/>: past "that", a time, the
    /// addressee of "told" (a medium told is the outlet the report reached us through: added to <paramref name="via"/>
    /// before the speaker) and "X as saying" after "quoted" (X is the one who speaks).
    /// </summary>
    private static int ContentStart(ReportDocument document, List<Token> tokens, int verb, List<ActorMention> actors, string? speakerId, List<string> via, out ActorMention? quoted)
    {
        quoted = null;
        var k = verb + 1;
        if (tokens[verb].Lower is "told" or "tells" or "quoted" && k < tokens.Count
            && actors.FirstOrDefault(a => a.Span.Start >= tokens[k].Start && a.Span.Start <= tokens[Math.Min(tokens.Count - 1, k + 1)].Start) is { } addressee)
        {
            var after = tokens.FindIndex(k, t => t.Start >= addressee.Span.End);
            if (tokens[verb].Lower == "quoted" && after >= 0 && after + 1 < tokens.Count && tokens[after].Lower == "as" && tokens[after + 1].Lower is "saying" or "stating" or "telling")
            {
                quoted = addressee;
                return after + 2;
            }

            if (addressee.Type == ActorType.Media && addressee.ActorId != speakerId)
            {
                via.Add(Surface(document, addressee));
            }

            k = after >= 0 ? after : tokens.Count;
        }

        while (k < tokens.Count && (tokens[k].Lower is "that" or "on" or "," or ":" || IsTimeWord(tokens[k].Lower)))
        {
            k++;
        }

        return k;
    }

    /// <summary>"A local official", "two rebel commanders": a short indefinite noun phrase that opens the sentence and ends at the verb.</summary>
    private static TextSpan? UnnamedSource(List<Token> tokens, int start, int verb)
    {
        if (verb - start is < 2 or > 5 || tokens[start].Lower is not ("a" or "an" or "one" or "two" or "three" or "several" or "some")
            || tokens.Skip(start).Take(verb - start).Any(t => !t.IsWord || Words.Prepositions.Contains(t.Lower) || Words.BeForms.Contains(t.Lower)))
        {
            return null;
        }

        return new TextSpan(tokens[start].Start, tokens[verb - 1].End);
    }

    private static string PreviousWord(List<Token> tokens, int start)
    {
        var index = tokens.FindIndex(t => t.Start >= start);
        return index > 0 ? tokens[index - 1].Lower : "";
    }

    private static bool IsTimeWord(string lower) => lower is "monday" or "tuesday" or "wednesday" or "thursday" or "friday" or "saturday" or "sunday" or "today" or "yesterday" or "earlier";

    /// <summary>The surface name ("Russian Foreign Ministry") for state bodies, the registry name for named actors.</summary>
    private static string SpeakerName(ReportDocument document, ActorMention actor)
    {
        if (actor.IsNew || actor.Type is ActorType.Igo or ActorType.Ngo or ActorType.Media || actor.Office is null && !actor.ActorId.Contains('-', StringComparison.Ordinal))
        {
            return actor.Name;
        }

        var surface = document.Slice(actor.Span);
        return surface.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? surface[4..] : surface;
    }

    /// <summary>How the report names a source ("DW"), without its article.</summary>
    private static string Surface(ReportDocument document, ActorMention actor)
    {
        var surface = document.Slice(actor.Span);
        return surface.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? surface[4..] : surface;
    }

    /// <summary>Outer attributions in the quote's sentence ("According to DW, X stated ...").</summary>
    private static List<string> Via(ReportDocument document, string text, TextSpan sentence, ActorMention speaker, List<ActorMention> actors)
    {
        var via = new List<string>();
        var head = text[sentence.Start..speaker.Span.Start];
        if (head.Contains("according to", StringComparison.OrdinalIgnoreCase))
        {
            var source = actors.FirstOrDefault(a => a.Span.Start >= sentence.Start && a.Span.End <= speaker.Span.Start);
            if (source is not null)
            {
                via.Add(Surface(document, source));
            }
        }

        return via;
    }

    private static TextSpan Trim(string text, TextSpan span)
    {
        var start = span.Start;
        var end = span.End;
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] is '"' or ','))
        {
            start++;
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is '"' or ',' or '.'))
        {
            end--;
        }

        return new TextSpan(start, end);
    }
}
