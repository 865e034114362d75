using Sitrep.Geo.Gazetteer;

namespace Sitrep.Geo.Recognition;

/// <summary>A run of letters and digits in the text, with the case facts recognition needs.</summary>
internal readonly record struct TextToken(int Start, int End, TokenCase Case, bool Initial)
{
    public int Length => End - Start;
}

internal enum TokenCase : byte
{
    Lower,
    Capitalized,
    AllCaps,
    Caseless,
    Digit,
}

/// <summary>Splits normalized text into <see cref="TextToken"/>s in one pass.</summary>
internal static class TextTokens
{
    public static List<TextToken> Tokenize(string text)
    {
        var tokens = new List<TextToken>(text.Length / 5);
        var previousEnd = -1;
        var i = 0;
        while (i < text.Length)
        {
            if (!NameFold.IsTokenChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var upper = 0;
            var lower = 0;
            while (i < text.Length && NameFold.IsTokenChar(text[i]))
            {
                var c = text[i];
                if (char.IsUpper(c))
                {
                    upper++;
                }
                else if (char.IsLower(c))
                {
                    lower++;
                }

                i++;
            }

            var first = text[start];
            TokenCase kind;
            if (char.IsDigit(first))
            {
                kind = TokenCase.Digit;
            }
            else if (char.IsUpper(first) || char.GetUnicodeCategory(first) == System.Globalization.UnicodeCategory.TitlecaseLetter)
            {
                kind = lower == 0 && upper > 1 ? TokenCase.AllCaps : TokenCase.Capitalized;
            }
            else if (char.IsLower(first))
            {
                kind = TokenCase.Lower;
            }
            else
            {
                kind = TokenCase.Caseless;
            }

            tokens.Add(new TextToken(start, i, kind, IsInitial(text, previousEnd, start)));
            previousEnd = i;
        }

        return tokens;
    }

    /// <summary>First token of a sentence, a line, a quote or a parenthesis: its capital says nothing.</summary>
    private static bool IsInitial(string text, int previousEnd, int start)
    {
        if (previousEnd < 0)
        {
            return true;
        }

        for (var k = previousEnd; k < start; k++)
        {
            switch (text[k])
            {
                case '.' when !(k + 1 < start && text[k + 1] != ' ' && text[k + 1] != '\n') && !IsAbbreviationDot(text, previousEnd, k):
                case '!' or '?' or ':' or '"' or '\n' or '(' or '[' or '*' or '|' or '•':
                    return true;
                default:
                    break;
            }
        }

        return false;
    }

    /// <summary>"St. Louis", "Gen. Lee", "U.S. forces": a dot after one or two letters ends no sentence.</summary>
    private static bool IsAbbreviationDot(string text, int previousEnd, int dot)
    {
        var wordStart = previousEnd;
        while (wordStart > 0 && NameFold.IsTokenChar(text[wordStart - 1]))
        {
            wordStart--;
        }

        return dot == previousEnd && previousEnd - wordStart <= 3 && char.IsUpper(text[wordStart]);
    }
}
