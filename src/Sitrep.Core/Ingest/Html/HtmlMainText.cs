using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Sitrep.Ingest.Html;

/// <summary>
/// The article text of a news page without its chrome: navigation, headers and footers, "related" and
/// "more from" boxes, author bios, share widgets, newsletters, comments. A Readability-style heuristic:
/// drop what is chrome by tag, role or class/id, pick the article container (schema.org articleBody,
/// <c>&lt;article&gt;</c>, <c>&lt;main&gt;</c>, else the element holding most paragraph text), and write
/// its blocks as paragraphs separated by blank lines.
/// </summary>
/// <remarks>
/// Walks the tree with explicit stacks, never recursion: hostile pages nest elements thousands deep.
/// </remarks>
internal static partial class HtmlMainText
{
    private static readonly HashSet<string> DroppedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "form", "button", "input",
        "select", "textarea", "nav", "header", "footer", "aside", "figure", "dialog", "menu", "link", "meta", "video", "audio",
    };

    private static readonly HashSet<string> DroppedRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog", "alert",
    };

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "body", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
        "blockquote", "pre", "table", "tr", "td", "th", "tbody", "thead", "center", "address", "hr", "figcaption", "details", "summary",
    };

    // Class and id fragments of page chrome, after Readability's unlikelyCandidates plus bios, share and
    // "more from" boxes. Distinctive fragments match anywhere ("jp-relatedposts", "sharedaddy"); short
    // or ambiguous ones only as whole words ("ad" but not "header-adjacent", "bio" but not "biography-text").
    [GeneratedRegex(@"related|recommend|comment|disqus|newsletter|subscri|signup|breadcrumb|sidebar|side-bar|social|sponsor|promo|advert|cookie|consent|popup|modal|paywall|outbrain|taboola|footer|masthead|navbar|navigation|share|sharing|byline|author-?(bio|box|info|card|profile|details)|about-?the-?author|more-?from|read-?more|also-?read|most-?(read|popular|viewed)|trending|widget|pagination|pager|skip-?link|print-?only|twitter-tweet|instagram-media|tiktok-embed|dateline|toolbar", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex ChromeFragment();

    [GeneratedRegex(@"(^|[^a-z])(ads?|bio|nav|menu|tags?|taxonomy|hidden|header|meta|metadata|popular|banner|aside|credits?)([^a-z]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex ChromeWord();

    // Containers that may carry a chrome word in a compound class ("article-body has-sidebar") but hold the text.
    [GeneratedRegex(@"(^|[^a-z])(article|story|entry|post|main|body|content|text)(-?(body|content|text|main))?([^a-z]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Content();

    // Headings that open a box of links to other articles, rather than a section of this one.
    [GeneratedRegex(@"^\s*(related|more (from|on|stories|news|like this)|read (more|also|next)|see also|you (may|might) (also )?like|recommended|most (read|popular|viewed)|popular|trending|latest (news|stories)|share (this|on)|follow us|about the author|sign up|subscribe)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex BoxHeading();

    public static string Extract(IHtmlDocument document, string? title)
    {
        RemoveChrome(document);
        var root = PickRoot(document);
        if (root is null)
        {
            return "";
        }

        var paragraphs = Paragraphs(root);
        if (title is not null && (paragraphs.Count == 0 || !paragraphs[0].Equals(title, StringComparison.OrdinalIgnoreCase)))
        {
            paragraphs.RemoveAll(p => p.Equals(title, StringComparison.OrdinalIgnoreCase));
            paragraphs.Insert(0, title);
        }

        return string.Join("\n\n", paragraphs);
    }

    private static void RemoveChrome(IHtmlDocument document)
    {
        var doomed = new List<IElement>();
        var bodyLength = document.Body?.TextContent.Length ?? 0;
        foreach (var element in document.All)
        {
            if (element is IHtmlHtmlElement or IHtmlBodyElement or IHtmlHeadElement)
            {
                continue;
            }

            if (IsChrome(element, bodyLength))
            {
                doomed.Add(element);
            }
        }

        foreach (var element in doomed)
        {
            element.Remove();
        }
    }

    private static bool IsChrome(IElement element, int bodyLength)
    {
        if (DroppedTags.Contains(element.LocalName) && !(element.LocalName == "header" && element.QuerySelectorAll("p").Any(p => p.TextContent.Trim().Length >= 120)))
        {
            return true;
        }

        if (element.HasAttribute("hidden") || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (element.GetAttribute("role") is { } role && DroppedRoles.Contains(role.Trim()))
        {
            return true;
        }

        if (element.GetAttribute("itemprop") is { } itemprop && itemprop.Contains("articleBody", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var names = $"{element.GetAttribute("class")} {element.Id}".Trim();
        if (names.Length > 0 && names.Length < 300 && element.LocalName is not ("article" or "main" or "body") &&
            (ChromeFragment().IsMatch(names) || ChromeWord().IsMatch(names)))
        {
            // "post-sidebar" is chrome; "article-body has-sidebar" holding most of the page is not.
            return !Content().IsMatch(names) || element.TextContent.Length < bodyLength / 4;
        }

        // A section or list headed "Related", "More from ..." is a box of links.
        if (element.LocalName is "section" or "div" or "ul" or "ol")
        {
            var heading = element.Children.FirstOrDefault();
            if (heading is not null && heading.LocalName is "h2" or "h3" or "h4" or "h5" or "h6" or "strong" or "p" or "span" or "header" &&
                heading.TextContent.Length < 80 && BoxHeading().IsMatch(heading.TextContent))
            {
                return true;
            }
        }

        return false;
    }

    private static IElement? PickRoot(IHtmlDocument document)
    {
        var body = document.Body;
        if (body is null)
        {
            return document.DocumentElement;
        }

        var marked = document.QuerySelectorAll("[itemprop~=articleBody], [itemprop=articleBody]").MaxBy(e => e.TextContent.Length);
        if (marked is not null && marked.TextContent.Trim().Length > 0)
        {
            return marked;
        }

        var article = document.QuerySelectorAll("article").MaxBy(e => ParagraphText(e));
        if (article is not null && ParagraphText(article) > 200)
        {
            return article;
        }

        var main = document.QuerySelector("main, [role=main]");
        if (main is not null && ParagraphText(main) > 200)
        {
            return main;
        }

        // Readability's idea, simplified: each paragraph scores its parent fully and its grandparent half.
        var scores = new Dictionary<IElement, double>();
        foreach (var paragraph in body.QuerySelectorAll("p, pre, blockquote"))
        {
            var length = paragraph.TextContent.Trim().Length;
            if (length < 25)
            {
                continue;
            }

            var score = 1 + Math.Min(length / 100.0, 3) + paragraph.TextContent.Count(c => c == ',');
            if (paragraph.ParentElement is { } parent)
            {
                scores[parent] = scores.GetValueOrDefault(parent) + score;
                if (parent.ParentElement is { } grandparent)
                {
                    scores[grandparent] = scores.GetValueOrDefault(grandparent) + (score / 2);
                }
            }
        }

        return scores.Count == 0 ? body : scores.MaxBy(s => s.Value * (1 - LinkDensity(s.Key))).Key;
    }

    private static int ParagraphText(IElement element) => element.QuerySelectorAll("p").Sum(p => p.TextContent.Trim().Length);

    private static double LinkDensity(IElement element)
    {
        var total = element.TextContent.Length;
        if (total == 0)
        {
            return 0;
        }

        var links = element.QuerySelectorAll("a").Sum(a => a.TextContent.Length);
        return Math.Min(1, (double)links / total);
    }

    /// <summary>The text of <paramref name="root"/> as paragraphs: one per block element, white space collapsed.</summary>
    private static List<string> Paragraphs(IElement root)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        var lengths = TextLengths(root);
        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (node is IElement element)
            {
                var block = BlockTags.Contains(element.LocalName);
                if (exit)
                {
                    if (block)
                    {
                        EndParagraph(current, paragraphs);
                    }

                    continue;
                }

                if (element.LocalName == "br")
                {
                    AppendBreak(current, paragraphs);
                    continue;
                }

                // Lists and blocks that are mostly links (tag clouds, link lists) are navigation.
                if (element.LocalName is "ul" or "ol" or "div" or "section" or "table" &&
                    lengths.TryGetValue(element, out var length) && length.Text < 2000 && length.Links > 0.6 * length.Text)
                {
                    continue;
                }

                if (block)
                {
                    EndParagraph(current, paragraphs);
                }

                stack.Push((node, true));
                for (var child = node.LastChild; child is not null; child = child.PreviousSibling)
                {
                    stack.Push((child, false));
                }
            }
            else if (node.NodeType == NodeType.Text)
            {
                AppendText(current, node.TextContent);
            }
        }

        EndParagraph(current, paragraphs);
        return paragraphs;
    }

    /// <summary>Text length and link-text length of every element under <paramref name="root"/>, in one post-order pass.</summary>
    private static Dictionary<IElement, (int Text, int Links)> TextLengths(IElement root)
    {
        var lengths = new Dictionary<IElement, (int Text, int Links)>();
        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (!exit)
            {
                stack.Push((node, true));
                for (var child = node.LastChild; child is not null; child = child.PreviousSibling)
                {
                    stack.Push((child, false));
                }

                continue;
            }

            if (node is not IElement element)
            {
                continue;
            }

            var text = 0;
            var links = 0;
            for (var child = node.FirstChild; child is not null; child = child.NextSibling)
            {
                if (child is IElement childElement && lengths.TryGetValue(childElement, out var inner))
                {
                    text += inner.Text;
                    links += inner.Links;
                }
                else if (child.NodeType == NodeType.Text)
                {
                    text += child.TextContent.Trim().Length;
                }
            }

            lengths[element] = (text, element.LocalName == "a" ? text : links);
        }

        return lengths;
    }

    private static void AppendText(StringBuilder current, string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) && c != '\u00A0' || char.IsControl(c))
            {
                if (current.Length > 0 && current[^1] != ' ' && current[^1] != '\n')
                {
                    current.Append(' ');
                }
            }
            else
            {
                current.Append(c);
            }
        }
    }

    /// <summary>One &lt;br&gt; is a line break; two in a row end the paragraph (pages that use them instead of &lt;p&gt;).</summary>
    private static void AppendBreak(StringBuilder current, List<string> paragraphs)
    {
        if (current.Length > 0 && current[^1] == '\n')
        {
            EndParagraph(current, paragraphs);
            return;
        }

        while (current.Length > 0 && current[^1] == ' ')
        {
            current.Length--;
        }

        if (current.Length > 0 && current[^1] != '\n')
        {
            current.Append('\n');
        }
    }

    private static void EndParagraph(StringBuilder current, List<string> paragraphs)
    {
        var text = current.ToString().Trim();
        current.Clear();
        if (text.Length > 0)
        {
            paragraphs.Add(string.Join('\n', text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)));
        }
    }
}
