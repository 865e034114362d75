namespace Sitrep.Events.Evaluation;

/// <summary>
/// One example of the readable examples file (tests/Sitrep.Tests/Events/Examples/events.md): a news-style
/// snippet and what its main event must be. Keys left out are not checked.
/// </summary>
public sealed record EventExample(int Line, string Title, string Text, IReadOnlyDictionary<string, string> Expected)
{
    public string? Type => Expected.GetValueOrDefault("type");

    /// <summary>Parses examples written as fenced blocks: "```example", the text, a line ".", then "key: value" lines, "```".</summary>
    public static List<EventExample> Parse(string markdown)
    {
        var examples = new List<EventExample>();
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var title = "";
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith('#'))
            {
                title = lines[i].TrimStart('#', ' ');
                continue;
            }

            if (lines[i].Trim() != "```example")
            {
                continue;
            }

            var start = i + 1;
            var text = new List<string>();
            var expected = new Dictionary<string, string>(StringComparer.Ordinal);
            var inText = true;
            for (i = start; i < lines.Length && lines[i].Trim() != "```"; i++)
            {
                if (inText && lines[i].Trim() == ".")
                {
                    inText = false;
                }
                else if (inText)
                {
                    text.Add(lines[i]);
                }
                else if (lines[i].IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
                {
                    expected[lines[i][..colon].Trim()] = lines[i][(colon + 1)..].Trim();
                }
            }

            examples.Add(new EventExample(start, title, string.Join('\n', text).Trim(), expected));
        }

        return examples;
    }
}
