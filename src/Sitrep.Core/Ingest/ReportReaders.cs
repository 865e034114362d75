using System.Text.Json;
using Sitrep.Ingest.Html;
using Sitrep.Ingest.Telegram;

namespace Sitrep.Ingest;

/// <summary>The reader for each input format, and format detection from a file's name and content.</summary>
public sealed class ReportReaders
{
    private readonly Dictionary<InputFormat, IReportReader> _readers;

    public ReportReaders(IEnumerable<IReportReader> readers) => _readers = readers.ToDictionary(r => r.Format);

    public static ReportReaders Default { get; } = new([new PlainTextReader(), new JsonlReader(), new HtmlReportReader(), new TelegramExportReader()]);

    public IReportReader For(InputFormat format) =>
        _readers.TryGetValue(format, out var reader) ? reader : _readers[InputFormat.Text];

    /// <summary>
    /// By the extensions that say it (.jsonl, .html, .txt, .md), otherwise by the content: markup is HTML;
    /// a JSON array is records; a JSON object with <c>messages</c> or <c>chats</c> is a Telegram export,
    /// one with <c>text</c> or <c>id</c> is a record; several objects, one per line, are JSON Lines.
    /// A <c>.json</c> file that is none of these goes to the Telegram reader, which says what is wrong.
    /// </summary>
    public static InputFormat Detect(string origin, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var extension = Path.GetExtension(origin).ToLowerInvariant();
        switch (extension)
        {
            case ".jsonl" or ".ndjson":
                return InputFormat.Jsonl;
            case ".html" or ".htm" or ".xhtml":
                return InputFormat.Html;
            case ".txt" or ".md" or ".markdown" or ".text":
                return InputFormat.Text;
        }

        var head = content.AsSpan().TrimStart();
        if (head.StartsWith("<") && LooksLikeMarkup(head))
        {
            return InputFormat.Html;
        }

        if (head.StartsWith("[") || head.StartsWith("{"))
        {
            return DetectJson(content, extension);
        }

        return extension == ".json" ? InputFormat.Telegram : InputFormat.Text;
    }

    private static bool LooksLikeMarkup(ReadOnlySpan<char> head)
    {
        ReadOnlySpan<string> openings = ["<!doctype html", "<html", "<head", "<body", "<meta", "<!--", "<article", "<div", "<p>", "<p ", "<title", "<?xml"];
        foreach (var opening in openings)
        {
            if (head.StartsWith(opening, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Text that starts like JSON. What parses decides; what does not is JSON only when the extension
    /// says so (then the reader reports the syntax error), and otherwise text ("[Update] ...", "{draft}").
    /// </summary>
    private static InputFormat DetectJson(string content, string extension)
    {
        if (JsonInput.TryParse(content, out var json, out _))
        {
            using (json)
            {
                var root = json.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return InputFormat.Jsonl;
                }

                if (root.TryGetProperty("messages", out _) || root.TryGetProperty("chats", out _))
                {
                    return InputFormat.Telegram;
                }

                return root.TryGetProperty("text", out _) || root.TryGetProperty("id", out _) ? InputFormat.Jsonl : InputFormat.Telegram;
            }
        }

        // Not one JSON document: JSON Lines when its first line is an object of its own.
        var firstLine = content.AsSpan().TrimStart();
        var end = firstLine.IndexOf('\n');
        firstLine = end < 0 ? firstLine : firstLine[..end];
        if (JsonInput.TryParse(firstLine.ToString(), out var line, out _))
        {
            var isObject = line.RootElement.ValueKind == JsonValueKind.Object;
            line.Dispose();
            if (isObject)
            {
                return InputFormat.Jsonl;
            }
        }

        if (extension != ".json")
        {
            return InputFormat.Text;
        }

        return content.AsSpan().TrimStart().StartsWith("[") ? InputFormat.Jsonl : InputFormat.Telegram;
    }
}
