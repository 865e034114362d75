namespace Sitrep.Ingest;

/// <summary>Plain text and Markdown: the whole file is one report; a first line of "# Title" or a short line is the title.</summary>
public sealed class PlainTextReader : IReportReader
{
    public InputFormat Format => InputFormat.Text;

    public ReadResult Read(string origin, string content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return ReadResult.Failed(new IngestProblem(IngestErrors.Empty, origin, "no text"));
        }

        var firstLine = content.TrimStart().Split('\n', 2)[0].Trim();
        var title = firstLine.StartsWith('#') ? firstLine.TrimStart('#').Trim() : firstLine.Length <= 200 ? firstLine : null;
        return new ReadResult(
        [
            new SourceReport
            {
                ExternalId = SourceReport.FileIdentity(origin, content),
                Text = content,
                Format = InputFormat.Text,
                Origin = origin,
                Metadata = new Documents.ReportMetadata { Title = title },
            },
        ], []);
    }
}
