using System.Globalization;
using System.Xml.Linq;

namespace Sitrep.Geo.Evaluation;

/// <summary>One gold toponym: its span (code points into the article text), type, and coordinates when known.</summary>
public sealed record GoldToponym(int Start, int End, string Name, string Type, double? Latitude, double? Longitude)
{
    public bool HasCoordinates => Latitude is not null && Longitude is not null;
}

public sealed record GoldArticle(string Id, string Text, IReadOnlyList<GoldToponym> Toponyms);

/// <summary>
/// Reads the geoparsing gold corpora: the GeoVirus layout (<c>&lt;locations&gt;&lt;location&gt;</c>), the
/// GeoWebNews layout (<c>&lt;toponyms&gt;&lt;toponym&gt;</c> with a pragmatic <c>type</c>) and the
/// <c>&lt;gaztag&gt;</c> layout of the same family (LGL, WikToR style).
/// </summary>
public static class GeoCorpus
{
    public static IReadOnlyList<GoldArticle> Load(string path)
    {
        var document = XDocument.Load(path, LoadOptions.PreserveWhitespace);
        var articles = new List<GoldArticle>();
        var number = 0;
        foreach (var article in document.Descendants("article"))
        {
            number++;
            var text = (string?)article.Element("text") ?? "";
            var id = (string?)article.Attribute("file") ?? (string?)article.Attribute("docid") ?? (string?)article.Element("source") ?? number.ToString(CultureInfo.InvariantCulture);
            var toponyms = new List<GoldToponym>();
            foreach (var location in article.Descendants("location"))
            {
                toponyms.Add(new GoldToponym(
                    Int(location.Element("start")), Int(location.Element("end")), (string?)location.Element("name") ?? "", "Literal",
                    Number(location.Element("lat")), Number(location.Element("lon"))));
            }

            foreach (var toponym in article.Descendants("toponym"))
            {
                var gaztag = toponym.Element("gaztag");
                var name = (string?)toponym.Element("extractedName") ?? (string?)toponym.Element("phrase") ?? "";
                var type = (string?)toponym.Element("type") ?? "Literal";
                var lat = Number(toponym.Element("latitude")) ?? Number(gaztag?.Element("lat"));
                var lon = Number(toponym.Element("longitude")) ?? Number(gaztag?.Element("lon"));
                toponyms.Add(new GoldToponym(Int(toponym.Element("start")), Int(toponym.Element("end")), name, type, lat, lon));
            }

            articles.Add(new GoldArticle(id, text, [.. toponyms.Select(t => Align(text, t))]));
        }

        return articles;
    }

    /// <summary>
    /// Some corpora's offsets are shifted by a character or two (GeoVirus counts one ahead): when the span does
    /// not hold the name, the nearest occurrence of the name within a few characters is taken instead.
    /// </summary>
    private static GoldToponym Align(string text, GoldToponym toponym)
    {
        if (toponym.Name.Length == 0 || Slice(text, toponym.Start, toponym.End).Equals(toponym.Name, StringComparison.OrdinalIgnoreCase))
        {
            return toponym;
        }

        for (var shift = 1; shift <= 5; shift++)
        {
            foreach (var start in new[] { toponym.Start - shift, toponym.Start + shift })
            {
                if (start >= 0 && Slice(text, start, start + toponym.Name.Length).Equals(toponym.Name, StringComparison.OrdinalIgnoreCase))
                {
                    return toponym with { Start = start, End = start + toponym.Name.Length };
                }
            }
        }

        return toponym;
    }

    /// <summary>A slice by code point offsets ("" when out of range).</summary>
    private static string Slice(string text, int start, int end)
    {
        var runes = text.EnumerateRunes().Skip(start).Take(end - start).ToArray();
        return runes.Length != end - start ? "" : string.Concat(runes.Select(r => r.ToString()));
    }

    private static int Int(XElement? element) => int.Parse(((string?)element ?? "0").Trim(), CultureInfo.InvariantCulture);

    private static double? Number(XElement? element)
    {
        var value = ((string?)element)?.Trim();
        return string.IsNullOrEmpty(value) ? null : double.Parse(value, CultureInfo.InvariantCulture);
    }
}
