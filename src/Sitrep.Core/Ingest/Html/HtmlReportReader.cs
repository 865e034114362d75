using AngleSharp.Html.Parser;
using Sitrep.Documents;

namespace Sitrep.Ingest.Html;

/// <summary>
/// A saved news page: its main text (title first, paragraphs separated by blank lines) and what the
/// page says about itself (author, dates, outlet, canonical URL). The URL is the report's identity when
/// the page gives one, so the same article saved twice is one report; otherwise the file name.
/// </summary>
public sealed class HtmlReportReader : IReportReader
{
    private static readonly HtmlParserOptions ParserOptions = new() { IsScripting = false, IsNotConsumingCharacterReferences = false };

    public InputFormat Format => InputFormat.Html;

    public ReadResult Read(string origin, string content)
    {
        var document = new HtmlParser(ParserOptions).ParseDocument(content);
        var metadata = HtmlMetadata.Extract(document);
        var text = HtmlMainText.Extract(document, metadata.Title);
        if (string.IsNullOrWhiteSpace(text))
        {
            return ReadResult.Failed(new IngestProblem(IngestErrors.NoText, origin, "HTML page has no readable text"));
        }

        return new ReadResult(
        [
            new SourceReport
            {
                ExternalId = metadata.Url ?? SourceReport.FileIdentity(origin, text),
                Text = text,
                Format = InputFormat.Html,
                Origin = origin,
                Published = metadata.Published,
                Edited = metadata.Modified,
                Metadata = new ReportMetadata
                {
                    Title = metadata.Title,
                    Author = metadata.Author,
                    Outlet = metadata.Outlet,
                    Url = metadata.Url,
                },
            },
        ], []);
    }
}
