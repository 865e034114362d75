namespace Sitrep.Text;

/// <summary>Converts between UTF-16 offsets and Unicode code point offsets.</summary>
public static class CodePoints
{
    /// <summary>Number of code points in <paramref name="text"/>[start..end) (a surrogate pair counts once).</summary>
    public static int Count(string text, int start, int end)
    {
        var count = 0;
        for (var i = start; i < end; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < end && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }

            count++;
        }

        return count;
    }

    /// <summary>The UTF-16 offset of the <paramref name="codePoint"/>-th code point (clamped to the text's end).</summary>
    public static int ToUtf16(string text, int codePoint)
    {
        var index = 0;
        for (var seen = 0; seen < codePoint && index < text.Length; seen++)
        {
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        }

        return index;
    }
}
