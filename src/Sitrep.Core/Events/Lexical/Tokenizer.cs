namespace Sitrep.Events.Lexical;

/// <summary>
/// Splits text into word and punctuation tokens for the lexicon-driven stages (actors, events, claims).
/// </summary>
/// <remarks>
/// Words keep inner hyphens, apostrophes and dots ("al-Qaeda", "N'Djamena", "U.N."), so names match as one
/// token; a possessive "'s" is split off ("Russia's" -> "Russia", "'s") because roles read it. Stateless
/// and thread-safe.
/// </remarks>
public static class Tokenizer
{
    public static List<Token> Tokenize(string text, int start, int end)
    {
        var tokens = new List<Token>(Math.Max(4, (end - start) / 5));
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                var j = i + 1;
                while (j < end)
                {
                    var d = text[j];
                    if (char.IsLetterOrDigit(d))
                    {
                        j++;
                        continue;
                    }

                    // Possessive: "Russia's", "rebels'" stay apart from their word.
                    if (d == '\'' && j + 1 < end && (text[j + 1] is 's' or 'S') && (j + 2 >= end || !char.IsLetterOrDigit(text[j + 2])))
                    {
                        break;
                    }

                    if (d is '-' or '\'' or '.' or '&' && j + 1 < end && char.IsLetterOrDigit(text[j + 1]))
                    {
                        j += 2;
                        continue;
                    }

                    break;
                }

                // "U.S." keeps its final dot when the word is dotted initials.
                if (j < end && text[j] == '.' && j - i >= 3 && text[j - 2] == '.')
                {
                    j++;
                }

                Add(tokens, text, i, j, true);
                i = j;
                continue;
            }

            if (c == '\'' && i + 1 < end && (text[i + 1] is 's' or 'S') && (i + 2 >= end || !char.IsLetterOrDigit(text[i + 2])) && tokens.Count > 0 && tokens[^1].End == i)
            {
                Add(tokens, text, i, i + 2, true);
                i += 2;
                continue;
            }

            Add(tokens, text, i, i + 1, false);
            i++;
        }

        return tokens;
    }

    // Punctuation tokens share one string per character instead of allocating one each.
    private static readonly string[] Ascii = [.. Enumerable.Range(0, 128).Select(c => ((char)c).ToString())];

    private static void Add(List<Token> tokens, string text, int start, int end, bool isWord)
    {
        if (!isWord && end - start == 1 && text[start] < 128)
        {
            var single = Ascii[text[start]];
            tokens.Add(new Token(start, end, single, single, false));
            return;
        }

        var value = text[start..end];
        var lower = value;
        foreach (var c in value)
        {
            if (char.IsUpper(c))
            {
                lower = value.ToLowerInvariant();
                break;
            }
        }

        tokens.Add(new Token(start, end, value, lower, isWord));
    }
}
