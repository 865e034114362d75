using System.Globalization;
using System.Text;

namespace Sitrep.Geo.Gazetteer;

/// <summary>
/// The one way names and text are compared: lower case, Latin diacritics removed, one character for one
/// character (so folded text keeps the offsets of the original), and a shared tokenization into runs of
/// letters and digits. "Nagorno-Karabakh", "nagorno karabakh" and "Nagórno Karabakh" all fold to the
/// key "nagorno karabakh".
/// </summary>
public static class NameFold
{
    private static readonly char[] Table = BuildTable();

    /// <summary>The folded form of one character (lower case, base letter without diacritics).</summary>
    public static char Fold(char c) => Table[c];

    /// <summary>Whether a character belongs to a token (letters, digits and combining marks).</summary>
    public static bool IsTokenChar(char c) =>
        c < 128 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    /// <summary>Marks are kept inside tokens but left out of keys, so vocalised and plain Arabic match.</summary>
    public static bool IsMark(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
        || c == '\u0640';

    /// <summary>The lookup key of a name: its folded tokens joined by single spaces ("" when it has none).</summary>
    public static string Key(string name)
    {
        var builder = new StringBuilder(name.Length);
        var inToken = false;
        foreach (var c in name)
        {
            if (IsTokenChar(c))
            {
                if (!inToken && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                inToken = true;
                if (!IsMark(c))
                {
                    builder.Append(Fold(c));
                }
            }
            else
            {
                inToken = false;
            }
        }

        return builder.ToString();
    }

    /// <summary>Number of tokens in a key.</summary>
    public static int TokenCount(string key) => key.Length == 0 ? 0 : key.Count(c => c == ' ') + 1;

    private static char[] BuildTable()
    {
        var table = new char[char.MaxValue + 1];
        Span<char> one = stackalloc char[1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            table[i] = c;
            if (char.IsSurrogate(c))
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            var baseChar = lower;
            if (lower > 0x7F && char.IsLetter(lower))
            {
                var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
                if (decomposed.Length > 0 && decomposed[0] < 0x250 && char.IsLetter(decomposed[0]))
                {
                    baseChar = decomposed[0];
                }
            }

            table[i] = baseChar switch
            {
                'ı' => 'i',
                'ł' => 'l',
                'ø' => 'o',
                'đ' => 'd',
                'ħ' => 'h',
                'ə' => 'e',
                'ʻ' or 'ʼ' => '\'',
                _ => baseChar,
            };
        }

        return table;
    }
}
