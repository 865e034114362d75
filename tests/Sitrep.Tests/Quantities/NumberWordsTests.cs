using FsCheck;
using FsCheck.Xunit;
using Sitrep.Quantities;

namespace Sitrep.Tests.Quantities;

public sealed class NumberWordsTests
{
    [Theory]
    [InlineData("seventy-five", 75)]
    [InlineData("two hundred", 200)]
    [InlineData("1.2 million", 1_200_000)]
    [InlineData("120,000", 120_000)]
    [InlineData("2 1/2", 2.5)]
    [InlineData("three thousand five hundred", 3500)]
    [InlineData("a dozen", 12)]
    public void TryParse_ReadsNewsNumbers(string phrase, double expected)
    {
        Assert.True(NumberWords.TryParse(phrase, out var value));
        Assert.Equal(expected, value, 6);
    }

    [Theory]
    [InlineData("people")]
    [InlineData("")]
    [InlineData("twenty people")]
    public void TryParse_RejectsWhatIsNotANumber(string phrase) => Assert.False(NumberWords.TryParse(phrase, out _));

    [Property]
    public bool TryParse_RoundTripsGroupedDigits(PositiveInt n)
    {
        var text = n.Get.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        return NumberWords.TryParse(text, out var value) && value == n.Get;
    }

    [Property]
    public bool Tagger_NeverThrowsAndKeepsSpansInsideTheText(string? text)
    {
        text ??= string.Empty;
        var found = QuantityTagger.Find(text);
        return found.All(q => q.Span.Start >= 0 && q.Span.End <= text.Length && q.Span.Start < q.Span.End);
    }
}
