namespace Sitrep.Store.Postgres;

/// <summary>
/// What PostgreSQL's text cannot hold: NUL, and UTF-16 lone surrogates (not encodable as UTF-8). SQLite
/// stores both; here each becomes U+FFFD, one UTF-16 unit for one, so offsets into the text stay valid.
/// </summary>
internal static class PostgresText
{
    public static string Clean(string text)
    {
        if (FirstBad(text) is not { } first)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = first; i < chars.Length; i++)
        {
            if (IsPair(text, i))
            {
                i++;
            }
            else if (chars[i] == '\0' || char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }

    public static object Nullable(string? text) => text is null ? DBNull.Value : Clean(text);

    private static int? FirstBad(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsPair(text, i))
            {
                i++;
            }
            else if (text[i] == '\0' || char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return null;
    }

    private static bool IsPair(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
}
