using System.Globalization;
using System.Text;
using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Text;

/// <summary>
/// Makes the text uniform for the stages that follow, without losing the way back to the source:
/// CRLF and CR become LF, typographic quotes, dashes and spaces become their ASCII forms, invisible
/// format characters (zero-width spaces, soft hyphens, BOM) are dropped, and letters are composed (NFC).
/// </summary>
/// <remarks>
/// Only replacements that keep one character for one character, drop characters, or compose a letter
/// with its marks are made, so the map stays one array. En and em dashes become '-': the stages that
/// care (ranges like "1991-94", appositions like "group - Name") read the spacing around it instead.
/// </remarks>
public sealed class TextNormalizer : IPipelineStage
{
    public const string StageName = "normalize";

    public string Name => StageName;

    public string Version => "1";

    public IReadOnlyList<AnnotationLayer> Requires => [];

    public IReadOnlyList<AnnotationLayer> Assigns => [AnnotationLayer.Normalized];

    public void Process(ReportDocument document, CancellationToken cancellationToken) =>
        document.Normalized = Normalize(document.Text);

    public static NormalizedText Normalize(string source)
    {
        if (!NeedsWork(source))
        {
            return NormalizedText.Identity(source);
        }

        var builder = new StringBuilder(source.Length);
        var map = new List<int>(source.Length + 1);
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];

            if (c == '\r')
            {
                builder.Append('\n');
                map.Add(i);
                i += i + 1 < source.Length && source[i + 1] == '\n' ? 2 : 1;
                continue;
            }

            if (IsDropped(c))
            {
                i++;
                continue;
            }

            // Compose a base letter with the combining marks that follow it (NFC), mapping the result to the base.
            if (i + 1 < source.Length && CharUnicodeInfo.GetUnicodeCategory(source[i + 1]) == UnicodeCategory.NonSpacingMark)
            {
                var end = i + 1;
                while (end < source.Length && CharUnicodeInfo.GetUnicodeCategory(source[end]) == UnicodeCategory.NonSpacingMark)
                {
                    end++;
                }

                var composed = source[i..end].Normalize(NormalizationForm.FormC);
                foreach (var composedChar in composed)
                {
                    builder.Append(composedChar);
                    map.Add(i);
                }

                i = end;
                continue;
            }

            builder.Append(Replace(c));
            map.Add(i);
            i++;
        }

        map.Add(source.Length);
        return NormalizedText.Mapped(builder.ToString(), [.. map], source.Length);
    }

    private static bool NeedsWork(string source)
    {
        foreach (var c in source)
        {
            if (c == '\r' || c > '\u007F' && (IsDropped(c) || Replace(c) != c || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDropped(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD';

    private static char Replace(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
        '\u00A0' or '\u2002' or '\u2003' or '\u2004' or '\u2005' or '\u2006' or '\u2007' or '\u2008' or '\u2009' or '\u200A' or '\u202F' or '\u205F' or '\u3000' => ' ',
        '\u2026' => '.',
        '\u2028' or '\u2029' or '\u0085' => '\n',
        _ => c,
    };
}
