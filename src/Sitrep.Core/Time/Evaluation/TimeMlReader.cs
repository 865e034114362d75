using System.Globalization;
using System.Text;
using System.Xml;

namespace Sitrep.Time.Evaluation;

/// <summary>
/// Reads TimeML 1.2 files (TimeBank, AQUAINT, TempEval-3): the plain text of <c>&lt;TEXT&gt;</c> with every
/// inner tag removed and entities decoded, the TIMEX3 spans in it, and the DCT from <c>&lt;DCT&gt;</c>.
/// </summary>
public static class TimeMlReader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        IgnoreComments = true,
        XmlResolver = null,
    };

    public static TimeMlDocument Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, Path.GetFileNameWithoutExtension(path));
    }

    public static TimeMlDocument Read(Stream stream, string id)
    {
        using var reader = XmlReader.Create(stream, Settings);
        var text = new StringBuilder();
        var timexes = new List<GoldTimex>();
        DateOnly? creation = null;
        var inText = false;
        var inDct = false;
        (int Start, TimexType Type, string Value)? open = null;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (reader.LocalName == "TEXT")
                    {
                        inText = !reader.IsEmptyElement;
                    }
                    else if (reader.LocalName == "DCT")
                    {
                        inDct = !reader.IsEmptyElement;
                    }
                    else if (reader.LocalName == "TIMEX3")
                    {
                        var value = reader.GetAttribute("value") ?? string.Empty;
                        if (inDct || reader.GetAttribute("functionInDocument") == "CREATION_TIME" && !inText)
                        {
                            creation ??= ParseDate(value);
                        }
                        else if (inText && !reader.IsEmptyElement)
                        {
                            open = (text.Length, ParseType(reader.GetAttribute("type")), value);
                        }
                    }

                    break;
                case XmlNodeType.EndElement:
                    if (reader.LocalName == "TEXT")
                    {
                        inText = false;
                    }
                    else if (reader.LocalName == "DCT")
                    {
                        inDct = false;
                    }
                    else if (reader.LocalName == "TIMEX3" && open is { } o && inText)
                    {
                        timexes.Add(new GoldTimex(o.Start, text.Length, o.Type, o.Value, text.ToString(o.Start, text.Length - o.Start)));
                        open = null;
                    }

                    break;
                case XmlNodeType.Text:
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                case XmlNodeType.CDATA:
                    if (inText)
                    {
                        text.Append(reader.Value);
                    }

                    break;
            }
        }

        return new TimeMlDocument(id, text.ToString(), creation, timexes);
    }

    /// <summary>The files of a corpus folder (or the one file given), in a stable order.</summary>
    public static IReadOnlyList<string> Files(string path) =>
        File.Exists(path)
            ? [path]
            : [.. Directory.EnumerateFiles(path, "*.tml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    private static DateOnly? ParseDate(string value) =>
        value.Length >= 10 && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static TimexType ParseType(string? type) => type switch
    {
        "TIME" => TimexType.Time,
        "DURATION" => TimexType.Duration,
        "SET" => TimexType.Set,
        _ => TimexType.Date,
    };
}
