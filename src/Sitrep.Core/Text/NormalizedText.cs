using Sitrep.Documents;

namespace Sitrep.Text;

/// <summary>
/// The text the stages read, and for each of its UTF-16 positions the position in the source text it
/// came from, so every annotation can be traced back to the exact characters of the report.
/// </summary>
public sealed class NormalizedText
{
    private readonly int[]? _toSource;
    private readonly int _sourceLength;

    private NormalizedText(string value, int[]? toSource, int sourceLength)
    {
        Value = value;
        _toSource = toSource;
        _sourceLength = sourceLength;
    }

    public string Value { get; }

    /// <summary>True when normalization changed nothing (positions are the source's).</summary>
    public bool IsIdentity => _toSource is null;

    public static NormalizedText Identity(string text) => new(text, null, text.Length);

    /// <param name="value">The normalized text.</param>
    /// <param name="toSource">For each position of <paramref name="value"/> plus one past its end, the source position.</param>
    /// <param name="sourceLength">The source text's length.</param>
    public static NormalizedText Mapped(string value, int[] toSource, int sourceLength)
    {
        if (toSource.Length != value.Length + 1)
        {
            throw new ArgumentException("The map needs one entry per character plus one for the end.", nameof(toSource));
        }

        return new NormalizedText(value, toSource, sourceLength);
    }

    /// <summary>The source position of a normalized position (the end maps to the source's end).</summary>
    public int ToSource(int position) => _toSource is null ? position : _toSource[position];

    /// <summary>
    /// The source span a normalized span came from: from where its first character came from up to where
    /// the next normalized character came from, so a character that stands for several source characters
    /// (a CRLF pair, a composed letter) covers all of them.
    /// </summary>
    public TextSpan ToSource(TextSpan span)
    {
        if (_toSource is null)
        {
            return span;
        }

        var start = _toSource[span.Start];
        var end = span.End < Value.Length ? _toSource[span.End] : _sourceLength;
        return new TextSpan(start, Math.Max(start, end));
    }
}
