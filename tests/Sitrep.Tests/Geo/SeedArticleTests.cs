using Sitrep.Documents;
using Sitrep.Geo.Resolution;

namespace Sitrep.Tests.Geo;

/// <summary>The canonical example report (../shared/seed): every place the issue names is found and placed right.</summary>
[Collection(GeoCollection.Name)]
public sealed class SeedArticleTests(GeoFixture fixture)
{
    [Theory]
    [InlineData("Stepanakert", 39.82, 46.75)]
    [InlineData("Lachin Corridor", 39.63, 46.55)]
    [InlineData("Nagorno-Karabakh", 39.82, 46.75)]
    [InlineData("Artsakh", 39.82, 46.75)]
    [InlineData("Azerbaijan", 40.5, 47.5)]
    [InlineData("Armenia", 40.25, 45.0)]
    [InlineData("Turkey", 39.0, 35.0)]
    public void Places_SeedArticle_FindsAndPlacesEveryNamedPlace(string name, double latitude, double longitude)
    {
        var path = Path.GetFullPath(Path.Combine(GeoFixture.RepositoryRoot, "..", "shared", "seed", "000_6e7d2f1ca9b7a4d5.txt"));
        var document = fixture.Pipeline.Process(new ReportDocument("seed", File.ReadAllText(path), null));
        var mentions = document.Places.Where(p => document.Slice(p.Span) == name).ToList();

        Assert.NotEmpty(mentions);
        Assert.All(mentions, m => Assert.True(
            m.IsResolved && GeoMath.DistanceKm(latitude, longitude, m.Latitude!.Value, m.Longitude!.Value) < 161,
            $"{name} resolved to {m.Name} ({m.Latitude}, {m.Longitude})"));
    }

    [Fact]
    public void Places_SeedArticle_TakesNoOrdinaryWordForAPlace()
    {
        var path = Path.GetFullPath(Path.Combine(GeoFixture.RepositoryRoot, "..", "shared", "seed", "000_6e7d2f1ca9b7a4d5.txt"));
        var document = fixture.Pipeline.Process(new ReportDocument("seed", File.ReadAllText(path), null));
        var texts = document.Places.Select(p => document.Slice(p.Span)).ToHashSet(StringComparer.Ordinal);

        Assert.DoesNotContain("Me", texts);
        Assert.DoesNotContain("University", texts);
        Assert.DoesNotContain("Telegram", texts);
    }
}
