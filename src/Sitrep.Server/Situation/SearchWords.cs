using System.Globalization;

namespace Sitrep.Server.Situation;

/// <summary>
/// The words of the events table's search: runs of letters and digits, lower-cased (invariant), so "Lachin
/// corridor's" holds "lachin", "corridor" and "s". The index and the reference filter both use it.
/// </summary>
internal static class SearchWords
{
    public static IEnumerable<string> Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && IsWordChar(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return text[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }

    // Combining marks (Arabic harakat, Armenian and Cyrillic accents) belong to their word.
    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
