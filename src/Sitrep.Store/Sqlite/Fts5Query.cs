using System.Text;

namespace Sitrep.Store.Sqlite;

/// <summary>
/// Turns what a user typed into a safe FTS5 MATCH expression. Every word or "quoted phrase" becomes a
/// quoted FTS5 string, so characters that are FTS5 syntax (<c>- : ( ) * ^ NEAR AND NOT</c>) are plain
/// text; words are ANDed. Two conveniences are kept: <c>OR</c> between two terms, and a trailing
/// <c>*</c> on a word for a prefix search (<c>besieg*</c>).
/// </summary>
internal static class Fts5Query
{
    /// <summary>The MATCH expression, or null when the query holds no searchable word.</summary>
    public static string? From(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return null;
        }

        var parts = new List<string>();
        var pendingOr = false;
        foreach (var (term, quoted) in Terms(WithoutLoneSurrogates(query)))
        {
            if (!quoted && term == "OR")
            {
                pendingOr = parts.Count > 0;
                continue;
            }

            var prefix = !quoted && term.Length > 1 && term.EndsWith('*');
            var words = prefix ? term.TrimEnd('*') : term;
            if (!words.Any(char.IsLetterOrDigit))
            {
                continue;
            }

            var literal = "\"" + words.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" + (prefix ? "*" : "");
            if (pendingOr)
            {
                parts.Add("OR");
                pendingOr = false;
            }

            parts.Add(literal);
        }

        return parts.Count == 0 ? null : string.Join(' ', parts);
    }

    /// <summary>Lone UTF-16 surrogates cannot be encoded for SQLite; they become spaces, pairs are kept.</summary>
    private static string WithoutLoneSurrogates(string query)
    {
        var chars = query.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }

    private static IEnumerable<(string Term, bool Quoted)> Terms(string query)
    {
        var current = new StringBuilder();
        var inQuotes = false;
        foreach (var c in query)
        {
            if (c == '"')
            {
                if (current.Length > 0)
                {
                    yield return (current.ToString(), inQuotes);
                    current.Clear();
                }

                inQuotes = !inQuotes;
            }
            else if (char.IsControl(c))
            {
                // NUL ends a string for SQLite (an unterminated FTS5 string); control characters are never part of a word.
                if (current.Length > 0)
                {
                    yield return (current.ToString(), inQuotes);
                    current.Clear();
                }
            }
            else if (char.IsWhiteSpace(c) && !inQuotes)
            {
                if (current.Length > 0)
                {
                    yield return (current.ToString(), false);
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            yield return (current.ToString(), inQuotes);
        }
    }
}
