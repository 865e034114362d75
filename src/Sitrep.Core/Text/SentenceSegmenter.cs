using System.Collections.Frozen;
using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Text;

/// <summary>
/// Splits the normalized text into sentences: at '.', '!' or '?' (with closing quotes and brackets)
/// followed by space and an upper-case letter, digit or opening quote; at blank lines; and at single
/// line breaks (news text puts headings, bylines and list items on lines of their own). Abbreviations
/// ("Gen.", "U.S.", "Jan.") and initials ("J. Smith") do not end a sentence.
/// </summary>
public sealed class SentenceSegmenter : IPipelineStage
{
    public const string StageName = "sentences";

    private static readonly StageStamp Stamp = new(StageName, "1");

    // Abbreviations that are usually followed by a capitalised word in the same sentence.
    private static readonly FrozenSet<string> Abbreviations = new[]
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "cpl", "pvt", "adm", "cmdr",
        "gov", "sen", "rep", "rev", "st", "mt", "ft", "sr", "jr", "no", "nos", "vs", "v", "etc", "approx", "est",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "inc", "ltd", "co", "corp", "dept", "univ", "fig", "al",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public string Name => StageName;

    public string Version => Stamp.Version;

    public IReadOnlyList<AnnotationLayer> Requires => [AnnotationLayer.Normalized];

    public IReadOnlyList<AnnotationLayer> Assigns => [AnnotationLayer.Sentences];

    public void Process(ReportDocument document, CancellationToken cancellationToken)
    {
        foreach (var span in Split(document.Normalized.Value))
        {
            document.Sentences.Add(new Sentence { Span = span, Stage = Stamp, Confidence = 1.0 });
        }
    }

    /// <summary>Sentence spans, trimmed of surrounding white space; empty lines yield none.</summary>
    public static IEnumerable<TextSpan> Split(string text)
    {
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n' && !IsWrappedLine(text, start, i))
            {
                if (Trim(text, start, i) is { } line)
                {
                    yield return line;
                }

                start = i + 1;
            }
            else if (c is '.' or '!' or '?' && IsSentenceEnd(text, i, out var end))
            {
                if (Trim(text, start, end) is { } sentence)
                {
                    yield return sentence;
                }

                start = end;
                i = end;
                continue;
            }

            i++;
        }

        if (Trim(text, start, text.Length) is { } last)
        {
            yield return last;
        }
    }

    /// <summary>
    /// A line break inside a hard-wrapped paragraph ("... 12 December 2022, when a group\npresenting itself
    /// as ..."): the line has text and no closing punctuation, and the next line goes on in lower case. Any
    /// other line break (a blank line, a heading, a list item, a line that ends a sentence) ends the sentence.
    /// </summary>
    private static bool IsWrappedLine(string text, int lineStart, int newline)
    {
        var last = newline - 1;
        while (last >= lineStart && text[last] is ' ' or '\t' or '\r')
        {
            last--;
        }

        var next = newline + 1;
        while (next < text.Length && text[next] is ' ' or '\t')
        {
            next++;
        }

        return last >= lineStart && text[last] is not ('.' or '!' or '?' or ':' or ';') && text[lineStart] != '#'
            && next < text.Length && char.IsLower(text[next]);
    }

    private static bool IsSentenceEnd(string text, int at, out int end)
    {
        end = at + 1;

        // Runs of terminators ("?!", "...") and closing quotes or brackets belong to the sentence.
        while (end < text.Length && text[end] is '.' or '!' or '?' or '"' or '\'' or ')' or ']')
        {
            end++;
        }

        if (end >= text.Length)
        {
            return true;
        }

        if (text[end] is not (' ' or '\t' or '\n'))
        {
            return false; // "3.5", "U.S.-backed", "example.com"
        }

        var next = end;
        while (next < text.Length && text[next] is ' ' or '\t')
        {
            next++;
        }

        if (next >= text.Length || text[next] == '\n')
        {
            return true;
        }

        var following = text[next];
        var startsSentence = char.IsUpper(following) || char.IsDigit(following) || following is '"' or '\'' or '(' or '[' or '-'
            || !char.IsLetter(following) || !IsCased(following);
        if (!startsSentence)
        {
            return false;
        }

        return text[at] != '.' || !IsAbbreviationOrInitial(text, at);
    }

    private static bool IsCased(char c) => char.IsUpper(c) || char.IsLower(c);

    private static bool IsAbbreviationOrInitial(string text, int dot)
    {
        var wordStart = dot;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text[wordStart..dot];
        if (word.Length == 0)
        {
            return false;
        }

        // A single capital ("J. Smith") is an initial; "U.S" style dotted capitals are abbreviations.
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return true;
        }

        return Abbreviations.Contains(word);
    }

    private static TextSpan? Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end > start ? new TextSpan(start, end) : null;
    }
}
