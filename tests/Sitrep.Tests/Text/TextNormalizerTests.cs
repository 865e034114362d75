using FsCheck;
using FsCheck.Xunit;
using Sitrep.Documents;
using Sitrep.Text;

namespace Sitrep.Tests.Text;

public sealed class TextNormalizerTests
{
    [Fact]
    public void Normalize_TypographicCharacters_BecomeAscii_AndMapBack()
    {
        const string source = "The \u201Cfirst step\u201D \u2013 said\u00A0DW\r\nnext";
        var normalized = TextNormalizer.Normalize(source);

        Assert.Equal("The \"first step\" - said DW\nnext", normalized.Value);
        var quote = normalized.Value.IndexOf("first step", StringComparison.Ordinal);
        var span = normalized.ToSource(new TextSpan(quote, quote + "first step".Length));
        Assert.Equal("first step", source[span.Start..span.End]);
    }

    [Fact]
    public void Normalize_DroppedCharacters_KeepLaterOffsetsOnTheSource()
    {
        const string source = "Stepa\u00ADnakert and\u200B Lachin";
        var normalized = TextNormalizer.Normalize(source);

        Assert.Equal("Stepanakert and Lachin", normalized.Value);
        var at = normalized.Value.IndexOf("Lachin", StringComparison.Ordinal);
        var span = normalized.ToSource(new TextSpan(at, at + 6));
        Assert.Equal("Lachin", source[span.Start..span.End]);
    }

    [Fact]
    public void Normalize_CombiningMarks_AreComposed_AndTheSpanCoversThem()
    {
        const string source = "Xankandi, Agdere\u0301 and more"; // e + combining acute
        var normalized = TextNormalizer.Normalize(source);

        Assert.Contains("Agder\u00E9", normalized.Value, StringComparison.Ordinal);
        var at = normalized.Value.IndexOf("Agder\u00E9", StringComparison.Ordinal);
        var span = normalized.ToSource(new TextSpan(at, at + 6));
        Assert.Equal("Agdere\u0301", source[span.Start..span.End]);
    }

    [Fact]
    public void Normalize_PlainAscii_IsIdentity()
    {
        var normalized = TextNormalizer.Normalize("Nothing to change here.");
        Assert.True(normalized.IsIdentity);
    }

    [Property(MaxTest = 300)]
    public bool Normalize_AnyText_MapsEverySpanInsideTheSource(NonNull<string> input)
    {
        var source = input.Get;
        var normalized = TextNormalizer.Normalize(source);
        for (var start = 0; start <= normalized.Value.Length; start++)
        {
            var span = normalized.ToSource(new TextSpan(start, normalized.Value.Length));
            if (span.Start < 0 || span.End > source.Length || span.Start > span.End)
            {
                return false;
            }
        }

        return true;
    }
}
