using Sitrep.Ingest;
using Sitrep.Ingest.Html;

namespace Sitrep.Tests.Ingest;

public sealed class HtmlReportReaderTests
{
    private static SourceReport ReadNewsArticle()
    {
        var result = new HtmlReportReader().Read("news-article.html", ExampleFiles.Read(ExampleFiles.NewsArticle));
        Assert.Empty(result.Problems);
        return Assert.Single(result.Reports);
    }

    [Fact]
    public void Read_NewsPage_KeepsTheArticleParagraphsSeparatedByBlankLines()
    {
        var report = ReadNewsArticle();

        var paragraphs = report.Text.Split("\n\n");
        Assert.Equal("Aid convoy waits at the Hakari bridge", paragraphs[0]);
        Assert.StartsWith("Nineteen trucks carrying flour", paragraphs[1], StringComparison.Ordinal);
        Assert.Contains(paragraphs, p => p.StartsWith("The convoy, sent by the Armenian government", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.StartsWith("Residents in Stepanakert", StringComparison.Ordinal));
        // A <br> inside a paragraph is a line break, not a new paragraph.
        Assert.Contains("since mid-July.\nIt called on both sides", report.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Politics")] // navigation
    [InlineData("Home")] // breadcrumbs
    [InlineData("Share on X")] // share widget
    [InlineData("Fuel shortages close bakeries")] // "Related" box inside the article body
    [InlineData("More from Caucasus Ledger")] // "More from" box
    [InlineData("Election results in Georgia")]
    [InlineData("enjoys mountain hiking")] // author bio
    [InlineData("in your inbox")] // newsletter
    [InlineData("All rights reserved")] // footer
    [InlineData("We sleep in the cabs")] // aside
    [InlineData("display:flex")] // style
    public void Read_NewsPage_DropsPageChrome(string chrome)
    {
        Assert.DoesNotContain(chrome, ReadNewsArticle().Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NewsPage_KeepsTitleAuthorDateOutletAndUrl()
    {
        var report = ReadNewsArticle();

        Assert.Equal("Aid convoy waits at the Hakari bridge", report.Metadata.Title);
        Assert.Equal("Nare Petrosyan", report.Metadata.Author);
        Assert.Equal("Caucasus Ledger", report.Metadata.Outlet);
        Assert.Equal("https://ledger.example.org/2023/08/aid-convoy-hakari", report.Metadata.Url);
        Assert.Equal(report.Metadata.Url, report.ExternalId);
        Assert.Equal(new DateTimeOffset(2023, 8, 2, 7, 45, 0, TimeSpan.FromHours(4)), report.Published);
        Assert.Equal(new DateTimeOffset(2023, 8, 2, 11, 10, 0, TimeSpan.FromHours(4)), report.Edited);
        Assert.Equal(InputFormat.Html, report.Format);
    }

    [Fact]
    public void Read_PageWithoutMetadataOrArticleTag_FindsTheTextAndUsesTheFileName()
    {
        const string html = """
            <html><head><title>Shelling reported near Kharkiv</title></head><body>
            <div id="top"><a href="/">Home</a> <a href="/news">News</a> <a href="/about">About</a></div>
            <div class="wrap"><div class="col">
              <p>Residents of two villages north of Kharkiv said shelling had damaged a school and a water station overnight.</p>
              <p>Regional officials said repair crews would need several days, and that bottled water was being handed out.</p>
            </div>
            <div class="sidebar"><p>Most read: ten recipes for autumn soups you can make in thirty minutes.</p></div></div>
            <time datetime="2024-03-05">5 March 2024</time>
            </body></html>
            """;

        var report = Assert.Single(new HtmlReportReader().Read("/tmp/pages/kharkiv.htm", html).Reports);

        Assert.Equal("kharkiv.htm", report.ExternalId);
        Assert.Equal("Shelling reported near Kharkiv", report.Metadata.Title);
        Assert.Contains("damaged a school and a water station", report.Text, StringComparison.Ordinal);
        Assert.Contains("bottled water", report.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("recipes", report.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("About", report.Text, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 0, 0, 0, TimeSpan.Zero), report.Published);
    }

    [Fact]
    public void Read_PageWithNoText_IsAProblemNamingTheFile()
    {
        var result = new HtmlReportReader().Read("blank.html", "<html><body><nav><a href='/'>Home</a></nav><script>var x = 1;</script></body></html>");

        Assert.Empty(result.Reports);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(IngestErrors.NoText, problem.Code);
        Assert.Equal("blank.html", problem.Origin);
    }

    [Fact]
    public void Read_DeeplyNestedElements_DoesNotOverflowTheStack()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 20_000)) + "<p>Deep text survives.</p>" + string.Concat(Enumerable.Repeat("</div>", 20_000)) + "</body></html>";

        var result = new HtmlReportReader().Read("deep.html", html);

        Assert.True(result.Reports.Count + result.Problems.Count > 0);
    }

    [Fact]
    public void Read_BlogLayout_DropsSharingAndRelatedPostsWidgets()
    {
        const string html = """
            <html><head><meta property="og:title" content="Water trucking resumes in Madaya"></head><body>
            <div id="page"><div class="entry-content">
              <p>Water trucking to Madaya resumed on Sunday after a pause of eleven days, local volunteers said.</p>
              <p>Volunteers said the trucks carried enough water for roughly a third of the town's households.</p>
              <div class="sharedaddy sd-sharing-enabled"><h3>Spread the word:</h3><a href="#">Telegram</a> <a href="#">Email</a></div>
              <div id="jp-relatedposts" class="jp-relatedposts"><h3>Similar posts</h3><p>Winter kits distributed in the north of the province last year.</p></div>
              <blockquote class="twitter-tweet"><p>Embedded post text that is not the article.</p></blockquote>
            </div></div></body></html>
            """;

        var report = Assert.Single(new HtmlReportReader().Read("madaya.html", html).Reports);

        Assert.Contains("Water trucking to Madaya resumed", report.Text, StringComparison.Ordinal);
        Assert.Contains("a third of the town's households", report.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Spread the word", report.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Winter kits", report.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Embedded post", report.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TextSplitByDoubleLineBreaks_KeepsTheParagraphs()
    {
        const string html = "<html><body><div>First paragraph about the checkpoint.<br><br>Second paragraph about the convoy.<br>Still the second.</div></body></html>";

        var report = Assert.Single(new HtmlReportReader().Read("br.html", html).Reports);

        Assert.Equal("First paragraph about the checkpoint.\n\nSecond paragraph about the convoy.\nStill the second.", report.Text);
    }
}
