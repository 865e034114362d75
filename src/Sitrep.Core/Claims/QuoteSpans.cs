using Sitrep.Documents;

namespace Sitrep.Claims;

/// <summary>
/// Quoted passages of the normalized text (where typographic quotes are already straight '"'): opening
/// and closing quotes are paired in order, so a statement quoted over several paragraphs is one span.
/// </summary>
public static class QuoteSpans
{
    /// <summary>Spans of the quoted text, without the quote marks.</summary>
    public static List<TextSpan> Find(string text)
    {
        var spans = new List<TextSpan>();
        var open = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '"')
            {
                continue;
            }

            if (open < 0)
            {
                open = i;
            }
            else
            {
                if (i > open + 1)
                {
                    spans.Add(new TextSpan(open + 1, i));
                }

                open = -1;
            }
        }

        return spans;
    }

    /// <summary>A quote long enough to be a statement rather than a scare-quoted term ("a first step").</summary>
    public static bool IsStatement(string text, TextSpan span)
    {
        var words = 0;
        for (var i = span.Start; i < span.End; i++)
        {
            if (text[i] == ' ' && i > span.Start && text[i - 1] != ' ')
            {
                words++;
            }
        }

        return words >= 5;
    }
}
