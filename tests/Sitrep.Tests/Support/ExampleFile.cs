namespace Sitrep.Tests.Support;

/// <summary>One example of a Markdown spec file: a heading, key: value lines, a quoted text and a table.</summary>
public sealed record Example(string Title, IReadOnlyDictionary<string, string> Fields, string Text, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows)
{
    public override string ToString() => Title;
}

/// <summary>
/// Reads the readable example files that specify an extractor (Markdig-style specs): each <c>###</c>
/// heading starts an example; <c>key: value</c> lines, one <c>&gt;</c> quoted text and a Markdown table
/// (first row: column names) follow.
/// </summary>
public static class ExampleFile
{
    public static IReadOnlyList<Example> Read(string relativePath)
    {
        var path = Path.Combine(RepositoryRoot(), relativePath);
        var examples = new List<Example>();
        string? title = null;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var text = string.Empty;
        var rows = new List<IReadOnlyDictionary<string, string>>();
        string[]? header = null;

        void Flush()
        {
            if (title is not null)
            {
                examples.Add(new Example(title, new Dictionary<string, string>(fields), text, [.. rows]));
            }

            fields.Clear();
            rows.Clear();
            text = string.Empty;
            header = null;
        }

        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.TrimEnd();
            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                Flush();
                title = line[4..].Trim();
            }
            else if (line.StartsWith("## ", StringComparison.Ordinal) || line.StartsWith("# ", StringComparison.Ordinal))
            {
                Flush();
                title = null;
            }
            else if (title is null)
            {
                continue;
            }
            else if (line.StartsWith("> ", StringComparison.Ordinal))
            {
                text = text.Length == 0 ? line[2..] : text + "\n" + line[2..];
            }
            else if (line.StartsWith('|'))
            {
                var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
                if (header is null)
                {
                    header = cells;
                }
                else if (!cells.All(c => c.Length > 0 && c.All(ch => ch is '-' or ':')))
                {
                    rows.Add(header.Select((h, i) => (h, v: i < cells.Length ? cells[i] : string.Empty)).ToDictionary(p => p.h, p => p.v));
                }
            }
            else if (line.Contains(": ", StringComparison.Ordinal) && !line.StartsWith(' '))
            {
                var colon = line.IndexOf(": ", StringComparison.Ordinal);
                fields[line[..colon].Trim()] = line[(colon + 2)..].Trim();
            }
        }

        Flush();
        return examples;
    }

    /// <summary>The folder holding <c>Sitrep.slnx</c>, found from the test binaries.</summary>
    public static string RepositoryRoot() => TestPaths.RepositoryRoot;
}
