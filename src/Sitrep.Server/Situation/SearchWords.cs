using System.Globalization;

namespace Sitrep.Server.Situation;

/// <summary>
/// The words of the events table's search: runs of letters and digits (with their combining marks), so
/// "Lachin corridor's" holds "Lachin", "corridor" and "s". Words compare without regard to case
/// (<see cref="StringComparer.OrdinalIgnoreCase"/>). The index and the reference filter both use it.
/// </summary>
internal static class SearchWords
{
    public static IEnumerable<string> Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var (start, length) in Ranges(text))
        {
            yield return text.Substring(start, length);
        }
    }

    /// <summary>Where the words are, so the index can look them up as spans without a string per word.</summary>
    public static IEnumerable<(int Start, int Length)> Ranges(string text)
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
                yield return (start, i - start);
                start = -1;
            }
        }
    }

    // Combining marks (Arabic harakat, Armenian and Cyrillic accents) belong to their word.
    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
