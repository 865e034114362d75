using Sitrep.Ingest;

namespace Sitrep.Tests.Ingest;

public sealed class PlainTextReaderTests
{
    [Fact]
    public void Read_FrontMatter_GivesMetadata_AndIsNotPartOfTheText()
    {
        const string content = "---\ntitle: Corridor closed\npublished: 2022-12-13\nsource: Demo desk\n---\nThe road was closed on Monday.\n";
        var report = Assert.Single(new PlainTextReader().Read("a.md", content).Reports);

        Assert.Equal("The road was closed on Monday.\n", report.Text);
        Assert.Equal("Corridor closed", report.Metadata.Title);
        Assert.Equal("Demo desk", report.Metadata.Outlet);
        Assert.Equal(new DateTimeOffset(2022, 12, 13, 0, 0, 0, TimeSpan.Zero), report.Published);
    }

    [Fact]
    public void Read_WithoutFrontMatter_TakesAMarkdownHeadingAsTitle()
    {
        var report = Assert.Single(new PlainTextReader().Read("b.md", "# Aid arrives\n\nTrucks reached the town.").Reports);
        Assert.Equal("Aid arrives", report.Metadata.Title);
        Assert.Null(report.Published);
    }

    [Fact]
    public void Read_DashedFirstLineThatIsNotFrontMatter_KeepsTheWholeText()
    {
        const string content = "---\nnot a field line\n---\nBody";
        var report = Assert.Single(new PlainTextReader().Read("c.txt", content).Reports);
        Assert.Equal(content, report.Text);
    }
}
