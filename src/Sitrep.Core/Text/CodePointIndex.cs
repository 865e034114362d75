namespace Sitrep.Text;

/// <summary>
/// Maps UTF-16 offsets of one string to code point offsets in O(1). For text without surrogate pairs
/// (the common case) the two are equal and no table is allocated.
/// </summary>
public sealed class CodePointIndex
{
    private static readonly CodePointIndex IdentityIndex = new(null);
    private readonly int[]? _utf16ToCodePoint;

    private CodePointIndex(int[]? table) => _utf16ToCodePoint = table;

    public static CodePointIndex For(string text)
    {
        var hasSurrogates = false;
        foreach (var c in text)
        {
            if (char.IsSurrogate(c))
            {
                hasSurrogates = true;
                break;
            }
        }

        if (!hasSurrogates)
        {
            return IdentityIndex;
        }

        var table = new int[text.Length + 1];
        var codePoint = 0;
        for (var i = 0; i < text.Length; i++)
        {
            table[i] = codePoint;
            if (!(char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])))
            {
                codePoint++;
            }
        }

        table[text.Length] = codePoint;
        return new CodePointIndex(table);
    }

    public int ToCodePoint(int utf16Offset) => _utf16ToCodePoint is null ? utf16Offset : _utf16ToCodePoint[utf16Offset];
}
