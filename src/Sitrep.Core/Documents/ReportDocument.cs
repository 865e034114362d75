using System.Text;
using Sitrep.Actors;
using Sitrep.Claims;
using Sitrep.Events;
using Sitrep.Geo;
using Sitrep.Quantities;
using Sitrep.Text;
using Sitrep.Time;

namespace Sitrep.Documents;

/// <summary>
/// The one object that flows through the pipeline: a report's text and metadata, and the annotation
/// layers that stages add to it.
/// </summary>
/// <remarks>
/// Not thread-safe: one document is processed by one thread at a time. The pipeline itself is shared.
/// </remarks>
public sealed class ReportDocument
{
    public ReportDocument(string id, string text, DateOnly? published, ReportMetadata? metadata = null)
    {
        Id = id;
        Text = text;
        Published = published;
        Metadata = metadata ?? ReportMetadata.Empty;
        Normalized = NormalizedText.Identity(text);
    }

    /// <summary>The report's id as the caller knows it (JSONL id, Telegram channel/message, file name).</summary>
    public string Id { get; }

    /// <summary>The source text exactly as given; contract offsets count code points into this.</summary>
    public string Text { get; }

    /// <summary>Publication date: the anchor for relative time expressions. Null leaves them unresolved.</summary>
    public DateOnly? Published { get; }

    public ReportMetadata Metadata { get; }

    /// <summary>The text stages read, with a map back to <see cref="Text"/>. Set by the normalizer.</summary>
    public NormalizedText Normalized { get; set; }

    public List<Sentence> Sentences { get; } = [];

    public List<Timex> Times { get; } = [];

    public List<Quantity> Quantities { get; } = [];

    public List<PlaceMention> Places { get; } = [];

    public List<ActorMention> Actors { get; } = [];

    public List<EventMention> Events { get; } = [];

    public List<Claim> Claims { get; } = [];

    /// <summary>Free-form reasoning that stages leave for <c>--explain</c>; empty unless requested.</summary>
    public List<ExplainNote> Explanations { get; } = [];

    /// <summary>Whether stages should record <see cref="Explanations"/> (costly; off by default).</summary>
    public bool Explain { get; init; }

    /// <summary>The normalized text under a span.</summary>
    public string Slice(TextSpan span) => Normalized.Value[span.Start..span.End];

    /// <summary>
    /// Projects a normalized-text span onto the source text and counts it in Unicode code points,
    /// the unit of the public contract.
    /// </summary>
    public (int Start, int End) ToSourceCodePoints(TextSpan span)
    {
        var source = Normalized.ToSource(span);
        _codePointIndex ??= CodePointIndex.For(Text);
        return (_codePointIndex.ToCodePoint(source.Start), _codePointIndex.ToCodePoint(source.End));
    }

    private CodePointIndex? _codePointIndex;

    /// <summary>The source text under a normalized span (what the contract's <c>text</c> fields show).</summary>
    public string SourceSlice(TextSpan span)
    {
        var source = Normalized.ToSource(span);
        return Text[source.Start..source.End];
    }

    public override string ToString()
    {
        var builder = new StringBuilder();
        builder.Append(Id).Append(": ").Append(Text.Length > 60 ? Text[..60] + "..." : Text);
        return builder.ToString();
    }
}
