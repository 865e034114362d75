namespace Sitrep.Ingest;

/// <summary>The reader for each input format, and format detection from a file's name and content.</summary>
public sealed class ReportReaders
{
    private readonly Dictionary<InputFormat, IReportReader> _readers;

    public ReportReaders(IEnumerable<IReportReader> readers) => _readers = readers.ToDictionary(r => r.Format);

    public static ReportReaders Default { get; } = new([new PlainTextReader(), new JsonlReader()]);

    public IReportReader For(InputFormat format) =>
        _readers.TryGetValue(format, out var reader) ? reader : _readers[InputFormat.Text];

    /// <summary>By extension first (.jsonl, .html, .json), then by a look at the content.</summary>
    public static InputFormat Detect(string origin, string content)
    {
        var extension = Path.GetExtension(origin).ToLowerInvariant();
        switch (extension)
        {
            case ".jsonl" or ".ndjson":
                return InputFormat.Jsonl;
            case ".html" or ".htm" or ".xhtml":
                return InputFormat.Html;
            case ".json":
                return InputFormat.Telegram;
            case ".txt" or ".md" or ".markdown":
                return InputFormat.Text;
        }

        var head = content.AsSpan().TrimStart();
        if (head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            return InputFormat.Html;
        }

        if (head.StartsWith("{"))
        {
            var firstLineEnd = head.IndexOf('\n');
            var firstLine = firstLineEnd < 0 ? head : head[..firstLineEnd];
            return firstLine.TrimEnd().EndsWith("}") && firstLineEnd >= 0 || content.Contains("\"text\"", StringComparison.Ordinal) && !content.Contains("\"messages\"", StringComparison.Ordinal)
                ? InputFormat.Jsonl
                : InputFormat.Telegram;
        }

        return InputFormat.Text;
    }
}
