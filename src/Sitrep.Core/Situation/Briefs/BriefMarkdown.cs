using System.Globalization;
using System.Net;
using System.Text;

namespace Sitrep.Situation.Briefs;

/// <summary>
/// HTML from the Markdown subset <see cref="AreaBrief"/> writes, for printing to PDF: ATX headings,
/// paragraphs, "- " and "1. " lists, pipe tables, and inline <c>**strong**</c>, <c>_emphasis_</c>,
/// <c>`code`</c>, <c>&lt;https://...&gt;</c> links, backslash escapes and <c>[n]</c> citations linked to the
/// n-th source. Everything else is text, HTML-encoded: a brief quotes report text, which is never markup.
/// The dashboard's <c>js/markdown.js</c> renders the same subset into DOM nodes.
/// </summary>
public static class BriefMarkdown
{
    /// <summary>A whole HTML document (A4, print styles) with the brief as its body.</summary>
    public static string Document(string markdown, string title)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var html = new StringBuilder();
        html.Append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(WebUtility.HtmlEncode(title))
            .Append("</title>\n<style>\n").Append(PrintStyle).Append("</style>\n</head>\n<body>\n<article class=\"brief\">\n")
            .Append(ToHtml(markdown))
            .Append("</article>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The brief's blocks as HTML elements.</summary>
    public static string ToHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var html = new StringBuilder();
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var paragraph = new List<string>();
        string? list = null;
        var sourceNumber = 0;

        void FlushParagraph()
        {
            if (paragraph.Count > 0)
            {
                html.Append("<p>").Append(Inline(string.Join(' ', paragraph))).Append("</p>\n");
                paragraph.Clear();
            }
        }

        void CloseList()
        {
            if (list is not null)
            {
                html.Append("</").Append(list).Append(">\n");
                list = null;
            }
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0)
            {
                FlushParagraph();
                CloseList();
                continue;
            }

            if (Heading(line) is { } heading)
            {
                FlushParagraph();
                CloseList();
                html.Append(CultureInfo.InvariantCulture, $"<h{heading.Level}>").Append(Inline(heading.Text)).Append(CultureInfo.InvariantCulture, $"</h{heading.Level}>\n");
                continue;
            }

            if (line.StartsWith('|') && i + 1 < lines.Length && IsTableRule(lines[i + 1]))
            {
                FlushParagraph();
                CloseList();
                html.Append("<table>\n<thead><tr>");
                foreach (var cell in Cells(line))
                {
                    html.Append("<th>").Append(Inline(cell)).Append("</th>");
                }

                html.Append("</tr></thead>\n<tbody>\n");
                for (i += 2; i < lines.Length && lines[i].StartsWith('|'); i++)
                {
                    html.Append("<tr>");
                    foreach (var cell in Cells(lines[i]))
                    {
                        html.Append("<td>").Append(Inline(cell)).Append("</td>");
                    }

                    html.Append("</tr>\n");
                }

                i--;
                html.Append("</tbody>\n</table>\n");
                continue;
            }

            if (line.StartsWith("- ", StringComparison.Ordinal) || OrderedItem(line) is not null)
            {
                FlushParagraph();
                var ordered = !line.StartsWith("- ", StringComparison.Ordinal);
                var kind = ordered ? "ol" : "ul";
                if (list != kind)
                {
                    CloseList();
                    list = kind;
                    html.Append('<').Append(kind).Append(">\n");
                }

                if (ordered)
                {
                    sourceNumber = OrderedItem(line)!.Value.Number;
                    html.Append(CultureInfo.InvariantCulture, $"<li value=\"{sourceNumber}\" id=\"source-{sourceNumber}\">").Append(Inline(OrderedItem(line)!.Value.Text)).Append("</li>\n");
                }
                else
                {
                    html.Append("<li>").Append(Inline(line[2..])).Append("</li>\n");
                }

                continue;
            }

            CloseList();
            paragraph.Add(line.Trim());
        }

        FlushParagraph();
        CloseList();
        return html.ToString();
    }

    /// <summary>Inline Markdown of one block as HTML.</summary>
    public static string Inline(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var html = new StringBuilder();
        Inline(text, 0, text.Length, html);
        return html.ToString();
    }

    private static void Inline(string text, int start, int end, StringBuilder html)
    {
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < end && IsEscapable(text[i + 1]))
            {
                html.Append(WebUtility.HtmlEncode(text[i + 1].ToString()));
                i += 2;
            }
            else if (c == '`' && Find(text, "`", i + 1, end) is var code and >= 0)
            {
                html.Append("<code>").Append(WebUtility.HtmlEncode(text[(i + 1)..code])).Append("</code>");
                i = code + 1;
            }
            else if (c == '*' && i + 1 < end && text[i + 1] == '*' && Find(text, "**", i + 2, end) is var close and > 0 && close > i + 2)
            {
                html.Append("<strong>");
                Inline(text, i + 2, close, html);
                html.Append("</strong>");
                i = close + 2;
            }
            else if (c == '_' && OpensEmphasis(text, i, end) && EmphasisCloser(text, i + 1, end) is var closer and > 0)
            {
                html.Append("<em>");
                Inline(text, i + 1, closer, html);
                html.Append("</em>");
                i = closer + 1;
            }
            else if (c == '<' && Find(text, ">", i + 1, end) is var gt and > 0 && IsWebAddress(text[(i + 1)..gt]))
            {
                var url = WebUtility.HtmlEncode(text[(i + 1)..gt]);
                html.Append("<a href=\"").Append(url).Append("\">").Append(url).Append("</a>");
                i = gt + 1;
            }
            else if (c == '[' && Citation(text, i, end) is var (number, length))
            {
                html.Append(CultureInfo.InvariantCulture, $"<a class=\"cite\" href=\"#source-{number}\">[{number}]</a>");
                i += length;
            }
            else
            {
                html.Append(WebUtility.HtmlEncode(c.ToString()));
                i++;
            }
        }
    }

    // CommonMark: a backslash escapes ASCII punctuation only.
    private static bool IsEscapable(char c) => c < 128 && (char.IsPunctuation(c) || char.IsSymbol(c));

    private static (int Level, string Text)? Heading(string line)
    {
        var level = 0;
        while (level < line.Length && level < 6 && line[level] == '#')
        {
            level++;
        }

        return level > 0 && level < line.Length && line[level] == ' ' ? (level, line[(level + 1)..].Trim()) : null;
    }

    private static (int Number, string Text)? OrderedItem(string line)
    {
        var digits = 0;
        while (digits < line.Length && digits < 6 && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }

        return digits > 0 && line.Length > digits + 1 && line[digits] == '.' && line[digits + 1] == ' '
            ? (int.Parse(line.AsSpan(0, digits), CultureInfo.InvariantCulture), line[(digits + 2)..])
            : null;
    }

    private static bool IsTableRule(string line) =>
        line.StartsWith('|') && line.Trim().Trim('|').Split('|').All(cell => cell.Trim().Length > 0 && cell.Trim().All(ch => ch is '-' or ':'));

    private static IEnumerable<string> Cells(string line)
    {
        // Split at pipes that are not escaped; a cell keeps its escapes for the inline pass.
        var trimmed = line.Trim();
        var cells = new List<string>();
        var cell = new StringBuilder();
        for (var i = trimmed.StartsWith('|') ? 1 : 0; i < trimmed.Length; i++)
        {
            if (trimmed[i] == '\\' && i + 1 < trimmed.Length)
            {
                cell.Append(trimmed, i, 2);
                i++;
            }
            else if (trimmed[i] == '|')
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else
            {
                cell.Append(trimmed[i]);
            }
        }

        if (cell.ToString().Trim().Length > 0)
        {
            cells.Add(cell.ToString().Trim());
        }

        return cells;
    }

    // The next unescaped occurrence of the marker in [from, end), or -1.
    private static int Find(string text, string marker, int from, int end)
    {
        for (var i = from; i <= end - marker.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
                continue;
            }

            if (string.CompareOrdinal(text, i, marker, 0, marker.Length) == 0)
            {
                return i;
            }
        }

        return -1;
    }

    // "_" opens emphasis at a word's start only, so AID_DELIVERED stays one word (as in CommonMark).
    private static bool OpensEmphasis(string text, int at, int end) =>
        (at == 0 || !char.IsLetterOrDigit(text[at - 1])) && at + 1 < end && !char.IsWhiteSpace(text[at + 1]);

    private static int EmphasisCloser(string text, int from, int end)
    {
        for (var i = from; i < end; i++)
        {
            if (text[i] == '\\')
            {
                i++;
                continue;
            }

            if (text[i] == '_' && i > from && !char.IsWhiteSpace(text[i - 1]) && (i + 1 == end || !char.IsLetterOrDigit(text[i + 1])))
            {
                return i;
            }
        }

        return -1;
    }

    private static (int Number, int Length)? Citation(string text, int at, int end)
    {
        var i = at + 1;
        while (i < end && char.IsAsciiDigit(text[i]) && i - at <= 6)
        {
            i++;
        }

        return i > at + 1 && i < end && text[i] == ']' ? (int.Parse(text.AsSpan(at + 1, i - at - 1), CultureInfo.InvariantCulture), i - at + 1) : null;
    }

    private static bool IsWebAddress(string text) =>
        (text.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        && !text.Any(c => char.IsWhiteSpace(c) || c is '<' or '>' or '"');

    // A4 with readable margins; the same look as the dashboard's printed brief page.
    private const string PrintStyle = """
        @page { size: A4; margin: 18mm 16mm; }
        body { font-family: "Noto Serif", "DejaVu Serif", Georgia, serif; font-size: 10.5pt; line-height: 1.45; color: #111; margin: 0; }
        h1 { font-size: 18pt; margin: 0 0 8pt; }
        h2 { font-size: 13pt; margin: 14pt 0 6pt; border-bottom: 1px solid #999; page-break-after: avoid; }
        table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
        th, td { border: 1px solid #bbb; padding: 2pt 5pt; text-align: left; vertical-align: top; }
        tr, li { page-break-inside: avoid; }
        a { color: #0d47a1; text-decoration: none; }
        a.cite { font-size: 85%; }
        code { font-family: "DejaVu Sans Mono", monospace; font-size: 90%; }
        ol li { word-break: break-word; }

        """;
}
