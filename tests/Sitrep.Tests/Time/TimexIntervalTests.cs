using Sitrep.Time;

namespace Sitrep.Tests.Time;

public sealed class TimexIntervalTests
{
    [Theory]
    [InlineData("2023-09-12", "2023-09-12", "2023-09-12", DatePrecision.Day)]
    [InlineData("2022-12", "2022-12-01", "2022-12-31", DatePrecision.Month)]
    [InlineData("2024-02", "2024-02-01", "2024-02-29", DatePrecision.Month)]
    [InlineData("2010", "2010-01-01", "2010-12-31", DatePrecision.Year)]
    [InlineData("198", "1980-01-01", "1989-12-31", DatePrecision.Decade)]
    [InlineData("19", "1900-01-01", "1999-12-31", DatePrecision.Century)]
    [InlineData("1998-Q1", "1998-01-01", "1998-03-31", DatePrecision.Quarter)]
    [InlineData("2023-W37", "2023-09-11", "2023-09-17", DatePrecision.Week)]
    [InlineData("2023-09-12T10:30", "2023-09-12", "2023-09-12", DatePrecision.Day)]
    public void Parse_TimexDateValues_GiveTheirCalendarInterval(string value, string start, string end, DatePrecision precision)
    {
        var interval = TimexInterval.Parse(value);

        Assert.NotNull(interval);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), interval.Value.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), interval.Value.End);
        Assert.Equal(precision, interval.Value.Precision);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("P1Y")]
    [InlineData("PRESENT_REF")]
    [InlineData("2023-13")]
    [InlineData("0000")]
    public void Parse_NonDateValues_GiveNull(string? value) => Assert.Null(TimexInterval.Parse(value));

    [Fact]
    public void Overlaps_DayInsideMonth_AndGapBetweenSeparateDays()
    {
        var december = TimexInterval.Parse("2022-12")!.Value;
        var twelfth = TimexInterval.Parse("2022-12-12")!.Value;
        var january = TimexInterval.Parse("2023-01-03")!.Value;

        Assert.True(december.Overlaps(twelfth));
        Assert.Equal(0, twelfth.GapDays(december));
        Assert.Equal(22, twelfth.GapDays(january));
        Assert.Equal(22, january.GapDays(twelfth));
    }
}
