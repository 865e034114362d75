using Sitrep.Ingest.Html;

namespace Sitrep.Tests.Ingest;

/// <summary>Every <c>Examples/html/NAME.html</c> gives exactly <c>NAME.expected.txt</c> (see the README there).</summary>
public sealed class HtmlExamplesTests
{
    public static TheoryData<string> Pages()
    {
        var pages = new TheoryData<string>();
        foreach (var page in Directory.EnumerateFiles(Path.Combine(ExampleFiles.Examples, "html"), "*.html").Order(StringComparer.Ordinal))
        {
            pages.Add(Path.GetFileName(page));
        }

        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Read_ExamplePage_GivesTheExpectedText(string page)
    {
        var path = Path.Combine(ExampleFiles.Examples, "html", page);
        var expected = File.ReadAllText(Path.ChangeExtension(path, ".expected.txt")).TrimEnd('\n');

        var report = Assert.Single(new HtmlReportReader().Read(page, File.ReadAllText(path)).Reports);

        Assert.Equal(expected, report.Text);
    }
}
