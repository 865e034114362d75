using Sitrep.Situation.Briefs;

namespace Sitrep.Tests.Situation;

/// <summary>The HTML of a brief for printing: the Markdown subset AreaBrief writes, report text never as markup.</summary>
public sealed class BriefMarkdownTests
{
    private const string Brief = """
        # Madaya: situation brief

        _Made by Sitrep on 2016-01-20 from 2 report(s)._

        ## What you need to know

        - **Status:** besieged since 2015-07-01 [1][2].
        - **By:** Hezbollah [2].

        | from | to | status | sources |
        |---|---|---|---|
        | 2015-07-01 | now | besieged | [1] |

        ## Latest events

        - 2016-01-11 **AID_DELIVERED** by ICRC [1]: "44 trucks \<script\>alert(1)\</script\> entered \[sic\] \*today\*"

        ## Sources

        1. Aid reaches Madaya, Test desk, 2016-01-11, <https://example.org/a?x=1&y=2> (report 1: `sitrep show 1`)
        2. \<img src=x onerror=alert(1)\>, Other desk (report 2: `sitrep show 2`)
        """;

    [Fact]
    public void ToHtml_RendersHeadingsListsTableAndCitations()
    {
        var html = BriefMarkdown.ToHtml(Brief);

        Assert.Contains("<h1>Madaya: situation brief</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>What you need to know</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<p><em>Made by Sitrep on 2016-01-20 from 2 report(s).</em></p>", html, StringComparison.Ordinal);
        Assert.Contains("<li><strong>Status:</strong> besieged since 2015-07-01 <a class=\"cite\" href=\"#source-1\">[1]</a><a class=\"cite\" href=\"#source-2\">[2]</a>.</li>", html, StringComparison.Ordinal);
        Assert.Contains("<th>from</th><th>to</th><th>status</th><th>sources</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td>2015-07-01</td><td>now</td><td>besieged</td><td><a class=\"cite\" href=\"#source-1\">[1]</a></td>", html, StringComparison.Ordinal);
        Assert.Contains("<li value=\"2\" id=\"source-2\">", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/a?x=1&amp;y=2\">", html, StringComparison.Ordinal);
        Assert.Contains("<code>sitrep show 1</code>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_KeepsUnderscoresInsideWords_AndEscapedMarkupAsText()
    {
        var html = BriefMarkdown.ToHtml(Brief);

        Assert.Contains("<strong>AID_DELIVERED</strong>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("[sic] *today*", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("**<b>x</b>**")]
    [InlineData("_<i onmouseover=alert(1)>_")]
    [InlineData("`</code><script>`")]
    public void Inline_NeverLetsMarkupThrough_EvenUnescaped(string markdown)
    {
        var html = BriefMarkdown.Inline(markdown);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<i ", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Document_IsAnA4PageTitledByTheArea()
    {
        var document = BriefMarkdown.Document(Brief, "Madaya: situation <brief>");

        Assert.StartsWith("<!doctype html>", document, StringComparison.Ordinal);
        Assert.Contains("<title>Madaya: situation &lt;brief&gt;</title>", document, StringComparison.Ordinal);
        Assert.Contains("size: A4", document, StringComparison.Ordinal);
    }
}
