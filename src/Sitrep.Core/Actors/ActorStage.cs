using Sitrep.Documents;
using Sitrep.Events.Lexical;
using Sitrep.Pipeline;

namespace Sitrep.Actors;

/// <summary>
/// Pipeline stage <c>actors</c>: finds who is named in each sentence and links each mention to the actor
/// registry, or marks it as a new actor the text introduces (first seen: this report). "The group" refers
/// back to the last new group of the document.
/// </summary>
public sealed class ActorStage(ActorRegistry registry) : IPipelineStage
{
    public const string StageName = "actors";

    private static readonly StageStamp Stamp = new(StageName, "1");

    private readonly ActorRecognizer _recognizer = new(registry);

    public ActorStage()
        : this(ActorRegistry.Default)
    {
    }

    public string Name => StageName;

    public string Version => Stamp.Version;

    public IReadOnlyList<AnnotationLayer> Requires => [AnnotationLayer.Sentences];

    public IReadOnlyList<AnnotationLayer> Assigns => [AnnotationLayer.Actors];

    public void Process(ReportDocument document, CancellationToken cancellationToken)
    {
        var text = document.Normalized.Value;
        var book = new NewActorBook();
        foreach (var sentence in document.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var tokens = Tokenizer.Tokenize(text, sentence.Span.Start, sentence.Span.End);
            var hits = _recognizer.Recognize(tokens, book);
            AddGroupReferences(tokens, hits, book);
            hits.Sort((a, b) => a.First.CompareTo(b.First));
            foreach (var hit in hits)
            {
                var span = new TextSpan(tokens[hit.First].Start, tokens[hit.Last].End);
                document.Actors.Add(new ActorMention
                {
                    Span = span,
                    Stage = Stamp,
                    Confidence = hit.Confidence,
                    ActorId = hit.Entry.Id,
                    Name = hit.Entry.Name,
                    Type = hit.Entry.Type,
                    CountryCode = hit.Entry.CountryCode,
                    Office = hit.Entry.Office,
                    IsNew = hit.IsNew,
                    IsLocative = hit.IsLocative,
                    IsDemonym = hit.IsDemonym,
                    FirstSeen = hit.IsNew ? document.Published : null,
                    FirstSeenChannel = hit.IsNew ? document.Metadata.Channel ?? document.Metadata.Outlet : null,
                });
                if (document.Explain)
                {
                    var why = hit.IsNew ? "new actor introduced by the text" : hit.IsLocative ? "state named as a place" : "registry/pattern match";
                    document.Explanations.Add(new ExplainNote(Stamp, span, $"{document.Slice(span)} -> {hit.Entry.Id} ({hit.Entry.Type}): {why}"));
                }

                if (hit.IsNew)
                {
                    book.LastGroup = hit.Entry;
                }
            }
        }
    }

    /// <summary>"The group, in their first post ..." -> the last new group the document introduced.</summary>
    private static void AddGroupReferences(List<Token> tokens, List<ActorHit> hits, NewActorBook book)
    {
        if (book.LastGroup is null)
        {
            return;
        }

        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].Lower == "the" && tokens[i + 1].Lower is "group" or "movement" or "militia" or "organisation" or "organization" or "collective"
                && !hits.Any(h => h.First <= i + 1 && i + 1 <= h.Last))
            {
                hits.Add(new ActorHit(i, i + 1, book.LastGroup, 0.6, true, false));
            }
        }
    }
}
