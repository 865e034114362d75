using Sitrep.Documents;

namespace Sitrep.Ingest;

/// <summary>
/// Plain text and Markdown: the whole file is one report. An optional front matter block
/// (<c>---</c> lines around <c>key: value</c> pairs, as in static-site generators) gives title, published,
/// source, author and url; it is not part of the report's text. Without one, a first line that reads
/// as a heading ("# Title" or a short line) is the title.
/// </summary>
public sealed class PlainTextReader : IReportReader
{
    public InputFormat Format => InputFormat.Text;

    public ReadResult Read(string origin, string content)
    {
        var (fields, body) = FrontMatter.Split(content);
        if (string.IsNullOrWhiteSpace(body))
        {
            return ReadResult.Failed(new IngestProblem(IngestErrors.Empty, origin, "no text"));
        }

        var firstLine = body.TrimStart().Split('\n', 2)[0].Trim();
        var title = fields.GetValueOrDefault("title")
            ?? (firstLine.StartsWith('#') ? firstLine.TrimStart('#').Trim() : firstLine.Length <= 200 ? firstLine : null);
        return new ReadResult(
        [
            new SourceReport
            {
                ExternalId = fields.GetValueOrDefault("id") ?? fields.GetValueOrDefault("url") ?? SourceReport.FileIdentity(origin, body),
                Text = body,
                Format = InputFormat.Text,
                Origin = origin,
                Published = JsonlReader.ParseDate(fields.GetValueOrDefault("published") ?? fields.GetValueOrDefault("date")),
                Metadata = new ReportMetadata
                {
                    Title = title,
                    Author = fields.GetValueOrDefault("author"),
                    Outlet = fields.GetValueOrDefault("source") ?? fields.GetValueOrDefault("outlet"),
                    Url = fields.GetValueOrDefault("url"),
                },
            },
        ], []);
    }
}
