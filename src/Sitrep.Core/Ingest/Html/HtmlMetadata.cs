using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Sitrep.Ingest.Html;

/// <summary>
/// What a news page says about itself, from the places publishers put it: JSON-LD (schema.org
/// NewsArticle), Open Graph and article:* meta tags, other common meta names, <c>&lt;time&gt;</c>,
/// <c>rel=author</c> and the canonical link. Earlier sources win; all are optional.
/// </summary>
internal sealed record HtmlMetadata
{
    public string? Title { get; init; }

    public string? Author { get; init; }

    public string? Outlet { get; init; }

    public string? Url { get; init; }

    public DateTimeOffset? Published { get; init; }

    public DateTimeOffset? Modified { get; init; }

    private static readonly string[] PublishedMeta =
        ["article:published_time", "datePublished", "date", "pubdate", "publishdate", "publish-date", "dc.date", "dc.date.issued", "dcterms.created", "parsely-pub-date", "sailthru.date", "og:published_time"];

    private static readonly string[] ModifiedMeta = ["article:modified_time", "dateModified", "og:updated_time", "last-modified"];

    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting", "WebPage", "Report", "LiveBlogPosting", "OpinionNewsArticle",
    };

    public static HtmlMetadata Extract(IHtmlDocument document)
    {
        var ld = LinkedData(document);
        var meta = Meta(document);

        var title = ld.Headline ?? meta.GetValueOrDefault("og:title") ?? meta.GetValueOrDefault("twitter:title")
            ?? Text(document.QuerySelector("h1")) ?? Text(document.QuerySelector("title"));
        var outlet = meta.GetValueOrDefault("og:site_name") ?? ld.Publisher ?? meta.GetValueOrDefault("application-name");
        if (title is not null && outlet is not null)
        {
            title = StripOutletSuffix(title, outlet);
        }

        var author = ld.Author
            ?? NotUrl(meta.GetValueOrDefault("author")) ?? NotUrl(meta.GetValueOrDefault("article:author"))
            ?? NotUrl(meta.GetValueOrDefault("dc.creator")) ?? NotUrl(meta.GetValueOrDefault("parsely-author"))
            ?? Text(document.QuerySelector("[itemprop=author] [itemprop=name]")) ?? Text(document.QuerySelector("[itemprop=author]"))
            ?? Text(document.QuerySelector("[rel=author]")) ?? Text(document.QuerySelector(".byline .author, .author-name, .byline__name"));

        var published = ld.Published ?? PublishedMeta.Select(meta.GetValueOrDefault).Select(ParseTime).FirstOrDefault(t => t is not null)
            ?? ParseTime(document.QuerySelector("article time[datetime], main time[datetime], time[datetime]")?.GetAttribute("datetime"));
        var modified = ld.Modified ?? ModifiedMeta.Select(meta.GetValueOrDefault).Select(ParseTime).FirstOrDefault(t => t is not null);

        var url = Absolute(document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"))
            ?? Absolute(meta.GetValueOrDefault("og:url")) ?? Absolute(ld.Url);

        return new HtmlMetadata
        {
            Title = Clip(title, 500),
            Author = Clip(author, 200),
            Outlet = Clip(outlet, 200),
            Url = Clip(url, 2000),
            Published = published,
            Modified = modified,
        };
    }

    /// <summary>meta tags by name, property or itemprop (first value wins), names lower-cased.</summary>
    private static Dictionary<string, string> Meta(IHtmlDocument document)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            var value = meta.GetAttribute("content")?.Trim();
            if (!string.IsNullOrWhiteSpace(key) && !string.IsNullOrWhiteSpace(value))
            {
                values.TryAdd(key.Trim(), value);
            }
        }

        return values;
    }

    private sealed record LinkedDataArticle(string? Headline, string? Author, string? Publisher, string? Url, DateTimeOffset? Published, DateTimeOffset? Modified);

    private static readonly JsonDocumentOptions LinkedDataOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    private static LinkedDataArticle LinkedData(IHtmlDocument document)
    {
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            // Broken JSON-LD is common; the meta tags are the fallback.
            if (!JsonInput.TryParse(script.TextContent, LinkedDataOptions, out var json, out _))
            {
                continue;
            }

            using (json)
            {
                if (FindArticle(json.RootElement, 0) is { } article)
                {
                    return new LinkedDataArticle(
                        LdString(article, "headline") ?? LdString(article, "name"),
                        LdName(article, "author"),
                        LdName(article, "publisher"),
                        LdString(article, "url") ?? LdName(article, "mainEntityOfPage", "@id"),
                        ParseTime(LdString(article, "datePublished")),
                        ParseTime(LdString(article, "dateModified")));
                }
            }
        }

        return new LinkedDataArticle(null, null, null, null, null, null);
    }

    private static JsonElement? FindArticle(JsonElement element, int depth)
    {
        if (depth > 8)
        {
            return null;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (FindArticle(item, depth + 1) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Object:
                if (element.TryGetProperty("@type", out var type) && Types(type).Any(ArticleTypes.Contains) && !Types(type).Contains("WebPage", StringComparer.Ordinal))
                {
                    return element;
                }

                return element.TryGetProperty("@graph", out var graph) ? FindArticle(graph, depth + 1) : null;
            default:
                return null;
        }
    }

    private static IEnumerable<string> Types(JsonElement type) =>
        type.ValueKind == JsonValueKind.String ? [type.GetString()!]
        : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!)
        : [];

    private static string? LdString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? Clean(value.GetString()) : null;

    /// <summary>A name given as a string, an object with "name", or an array of either (names joined by ", ").</summary>
    private static string? LdName(JsonElement element, string name, string field = "name")
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        var names = (value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToArray() : [value])
            .Select(v => v.ValueKind switch
            {
                JsonValueKind.String => Clean(v.GetString()),
                JsonValueKind.Object => LdString(v, field),
                _ => null,
            })
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return names.Count == 0 ? null : string.Join(", ", names);
    }

    internal static DateTimeOffset? ParseTime(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64)
        {
            return null;
        }

        return JsonlReader.ParseDate(text.Trim());
    }

    private static string StripOutletSuffix(string title, string outlet)
    {
        foreach (var separator in (string[])[" | ", " - ", " – ", " — ", " :: "])
        {
            var suffix = separator + outlet;
            if (title.Length > suffix.Length && title.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return title[..^suffix.Length].Trim();
            }
        }

        return title;
    }

    private static string? Absolute(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.ToString()
            : null;

    private static string? NotUrl(string? value) =>
        value is null || value.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? null : Clean(value);

    private static string? Text(IElement? element) => Clean(element?.TextContent);

    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static string? Clip(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
