using System.Globalization;
using System.Text.Json;
using Sitrep.Documents;

namespace Sitrep.Ingest;

/// <summary>
/// JSON Lines, one report a line: <c>{"id", "text", "published"?, "url"?, "source"?, "title"?, "channel"?}</c>. A bad line
/// is a problem of its own ("line 12: ..."); the other lines are still read.
/// </summary>
public sealed class JsonlReader : IReportReader
{
    public InputFormat Format => InputFormat.Jsonl;

    public ReadResult Read(string origin, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var reports = new List<SourceReport>();
        var problems = new List<IngestProblem>();
        if (content.AsSpan().TrimStart().StartsWith("["))
        {
            ReadArray(origin, content, reports, problems);
        }
        else
        {
            ReadLines(origin, content, reports, problems);
        }

        if (reports.Count == 0 && problems.Count == 0)
        {
            problems.Add(new IngestProblem(IngestErrors.Empty, origin, "no records"));
        }

        return new ReadResult(reports, problems);
    }

    private static void ReadLines(string origin, string content, List<SourceReport> reports, List<IngestProblem> problems)
    {
        // Lines are parsed in place (memory slices of the content), not split into copies: the ingest
        // benchmark reads 25 MB of JSONL, and the copies were a quarter of its reading time.
        var lineNumber = 0;
        var start = 0;
        while (start <= content.Length)
        {
            var end = content.IndexOf('\n', start);
            if (end < 0)
            {
                end = content.Length;
            }

            lineNumber++;
            var line = Trim(content.AsMemory(start, end - start));
            start = end + 1;
            if (line.Length == 0)
            {
                continue;
            }

            var where = $"{origin}:{lineNumber.ToString(CultureInfo.InvariantCulture)}";
            if (!JsonInput.TryParse(line, out var json, out var error))
            {
                problems.Add(new IngestProblem(IngestErrors.MalformedJson, where, error));
                continue;
            }

            using (json)
            {
                ReadRecord(json.RootElement, where, reports, problems);
            }
        }
    }

    private static ReadOnlyMemory<char> Trim(ReadOnlyMemory<char> line)
    {
        var span = line.Span;
        var first = 0;
        while (first < span.Length && char.IsWhiteSpace(span[first]))
        {
            first++;
        }

        var last = span.Length;
        while (last > first && char.IsWhiteSpace(span[last - 1]))
        {
            last--;
        }

        return line[first..last];
    }

    /// <summary>A JSON array of the same records (what many tools export instead of JSON Lines).</summary>
    private static void ReadArray(string origin, string content, List<SourceReport> reports, List<IngestProblem> problems)
    {
        if (!JsonInput.TryParse(content, out var json, out var error))
        {
            problems.Add(new IngestProblem(IngestErrors.MalformedJson, origin, error));
            return;
        }

        using (json)
        {
            var index = 0;
            foreach (var record in json.RootElement.EnumerateArray())
            {
                index++;
                ReadRecord(record, $"{origin}[{index.ToString(CultureInfo.InvariantCulture)}]", reports, problems);
            }
        }
    }

    private static void ReadRecord(JsonElement root, string where, List<SourceReport> reports, List<IngestProblem> problems)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new IngestProblem(IngestErrors.MalformedJson, where, "a record must be a JSON object"));
            return;
        }

        var id = StringOrNumber(root, "id");
        var text = root.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (id is null || text is null)
        {
            problems.Add(new IngestProblem(IngestErrors.JsonlMissingField, where, id is null ? "record has no 'id'" : "record has no 'text' string"));
            return;
        }

        reports.Add(new SourceReport
        {
            ExternalId = id,
            Text = text,
            Format = InputFormat.Jsonl,
            Origin = where,
            Published = ParseDate(StringOrNumber(root, "published")),
            Metadata = new ReportMetadata
            {
                Url = StringOrNumber(root, "url"),
                Outlet = StringOrNumber(root, "source"),
                Title = StringOrNumber(root, "title"),
                Channel = StringOrNumber(root, "channel"),
            },
        });
    }

    private static string? StringOrNumber(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    /// <summary>Accepts "2023-09-12", full ISO 8601 timestamps, and anything DateTimeOffset parses invariantly.</summary>
    internal static DateTimeOffset? ParseDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
    }
}
