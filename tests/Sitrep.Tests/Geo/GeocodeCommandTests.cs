using Sitrep.Cli.Commands;
using Sitrep.Geo;

namespace Sitrep.Tests.Geo;

[Collection(GeoCollection.Name)]
public sealed class GeocodeCommandTests(GeoFixture fixture)
{
    [Fact]
    public void Geocode_SpansAfterAnEmoji_CountCodePointsAndAnswerEachSpan()
    {
        // The emoji is two UTF-16 units but one code point: "Aleppo" starts at code point 11.
        var request = new GeocodeRequest("t1", "Shelling 🙂 Aleppo and Gaza hit.", [[11, 17], [22, 26]]);
        var response = GeocodeCommand.Geocode(new Geoparser(fixture.Gazetteer), request, out var problem);

        Assert.Null(problem);
        Assert.Equal(2, response.Places.Count);
        Assert.Equal((11, 17), (response.Places[0].Start, response.Places[0].End));
        Assert.Equal("SY", response.Places[0].CountryCode);
        Assert.Equal("PS", response.Places[1].CountryCode);
    }

    [Fact]
    public void Geocode_SpanOutsideTheText_IsReportedAndSkipped()
    {
        var request = new GeocodeRequest("t2", "Gaza", [[0, 4], [3, 99]]);
        var response = GeocodeCommand.Geocode(new Geoparser(fixture.Gazetteer), request, out var problem);

        Assert.StartsWith("SITREP-GEOCODE-003", problem, StringComparison.Ordinal);
        Assert.Single(response.Places);
    }
}
