using System.Text;

namespace Sitrep.Store.Postgres;

/// <summary>
/// Turns what a user typed into safe <c>to_tsquery</c> input, the way <c>Sqlite/Fts5Query</c> does for
/// FTS5, so both stores read a query alike: every word or "quoted phrase" becomes a quoted tsquery
/// lexeme (characters that are tsquery syntax, <c>&amp; | ! ( ) : * &lt;-&gt;</c>, are plain text);
/// terms are ANDed; <c>OR</c> between two terms and a trailing <c>*</c> (prefix search) are kept.
/// </summary>
/// <remarks>
/// <c>to_tsquery</c> runs each quoted string through the text parser and the dictionary, so a phrase
/// becomes <c>'aid' &lt;-&gt; 'convoy'</c> and words are stemmed like the indexed text. NUL and lone
/// surrogates cannot be sent to PostgreSQL; they become spaces.
/// </remarks>
internal static class TsQuery
{
    /// <summary>The <c>to_tsquery</c> text, or null when the query holds no searchable word.</summary>
    public static string? From(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return null;
        }

        var result = new StringBuilder();
        var pendingOr = false;
        foreach (var (term, quoted) in Terms(PostgresText.Clean(query)))
        {
            if (!quoted && term == "OR")
            {
                pendingOr = result.Length > 0;
                continue;
            }

            var prefix = !quoted && term.Length > 1 && term.EndsWith('*');
            var words = prefix ? term.TrimEnd('*') : term;
            if (!words.Any(char.IsLetterOrDigit))
            {
                continue;
            }

            if (result.Length > 0)
            {
                result.Append(pendingOr ? " | " : " & ");
            }

            pendingOr = false;
            result.Append('\'')
                .Append(words.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal))
                .Append('\'');
            if (prefix)
            {
                result.Append(":*");
            }
        }

        return result.Length == 0 ? null : result.ToString();
    }

    private static IEnumerable<(string Term, bool Quoted)> Terms(string query)
    {
        var current = new StringBuilder();
        var inQuotes = false;
        foreach (var c in query)
        {
            var ends = c == '"' || char.IsControl(c) || c == '\uFFFD' || (char.IsWhiteSpace(c) && !inQuotes);
            if (!ends)
            {
                current.Append(c);
                continue;
            }

            if (current.Length > 0)
            {
                yield return (current.ToString(), inQuotes);
                current.Clear();
            }

            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
        }

        if (current.Length > 0)
        {
            yield return (current.ToString(), inQuotes);
        }
    }
}
