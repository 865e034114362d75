namespace Sitrep.Ingest;

/// <summary>Splits a leading <c>---</c> ... <c>---</c> block of <c>key: value</c> lines from a text.</summary>
public static class FrontMatter
{
    public static (Dictionary<string, string> Fields, string Body) Split(string content)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!content.StartsWith("---\n", StringComparison.Ordinal) && !content.StartsWith("---\r\n", StringComparison.Ordinal))
        {
            return (fields, content);
        }

        var firstBreak = content.IndexOf('\n', StringComparison.Ordinal);
        var close = content.IndexOf("\n---", firstBreak, StringComparison.Ordinal);
        if (close < 0)
        {
            return (fields, content);
        }

        foreach (var line in content[(firstBreak + 1)..close].Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return (new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), content); // not front matter after all
            }

            var value = line[(colon + 1)..].Trim().Trim('"', '\'');
            if (value.Length > 0)
            {
                fields[line[..colon].Trim()] = value;
            }
        }

        var bodyStart = content.IndexOf('\n', close + 4);
        return (fields, bodyStart < 0 ? string.Empty : content[(bodyStart + 1)..]);
    }
}
