using FsCheck.Xunit;
using Sitrep.Geo.Evaluation;
using Sitrep.Geo.Gazetteer;

namespace Sitrep.Tests.Geo;

public sealed class NameFoldTests
{
    [Theory]
    [InlineData("Nagorno-Karabakh", "nagorno karabakh")]
    [InlineData("  São  Paulo ", "sao paulo")]
    [InlineData("Xankəndi", "xankendi")]
    [InlineData("Côte d'Ivoire", "cote d ivoire")]
    [InlineData("Ստեփանակերտ", "ստեփանակերտ")]
    [InlineData("U.S.", "u s")]
    public void Key_FoldsCaseDiacriticsAndSeparators(string name, string key) => Assert.Equal(key, NameFold.Key(name));

    [Property]
    public bool Key_IsIdempotent(string? name) => NameFold.Key(NameFold.Key(name ?? "")) == NameFold.Key(name ?? "");

    [Property]
    public bool Fold_KeepsOneCharacterPerCharacter(char c) => NameFold.Fold(c) != '\0' || c == '\0';
}

[Collection(GeoCollection.Name)]
public sealed class GazetteerTests(GeoFixture fixture)
{
    [Fact]
    public void Gazetteer_HasCitiesCountriesRegionsAndSupplement()
    {
        var gazetteer = fixture.Gazetteer;
        Assert.True(gazetteer.Entries.Count > 199_000);
        Assert.Equal("PCLI", gazetteer.Country("AZ")!.FeatureCode);
        Assert.Contains(gazetteer.Lookup("idlib").ToArray(), p => gazetteer.Entry(p.EntryIndex).IsFirstOrderRegion);
        Assert.Contains(gazetteer.Lookup("lachin corridor").ToArray(), p => gazetteer.Entry(p.EntryIndex).FeatureCode == "CORR");
        Assert.Contains(gazetteer.Lookup("syrians").ToArray(), p => (p.Kind & NameKind.Demonym) != 0 && gazetteer.Entry(p.EntryIndex).CountryCode == "SY");
    }

    [Fact]
    public void GazetteerFile_RoundTripsEveryEntryAndName()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sitrep-gaz-{Guid.NewGuid():N}.bin");
        try
        {
            GazetteerFile.Write(path, fixture.Gazetteer);
            var copy = GazetteerFile.Read(path);
            Assert.Equal(fixture.Gazetteer.Entries.Count, copy.Entries.Count);
            Assert.Equal(fixture.Gazetteer.NameCount, copy.NameCount);
            Assert.Equal(fixture.Gazetteer.Entries[12_345], copy.Entries[12_345]);
            Assert.Equal(fixture.Gazetteer.Lookup("stepanakert").ToArray(), copy.Lookup("stepanakert").ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Supplement_EveryRowHasANameAndAPointOrAnAdminCodeOrExtendsAnEntry()
    {
        foreach (var row in Supplement.Rows())
        {
            Assert.False(string.IsNullOrWhiteSpace(row.Entry.Name));
            if (row.Entry.Id >= SupplementIds.First)
            {
                // A region given by its admin code is placed from its towns.
                Assert.True(row.HasCoordinates || row.Entry.Admin1.Length > 0, $"{row.Entry.Name} has neither coordinates nor an admin code");
                Assert.InRange(row.Entry.Latitude, -90, 90);
                Assert.InRange(row.Entry.Longitude, -180, 180);
            }
        }
    }
}

public sealed class GeoScorerTests
{
    [Fact]
    public void Auc_IsZeroForPerfectAnswersAndOneForAntipodes()
    {
        Assert.Equal(0, GeoScorer.Auc([0, 0, 0]), 6);
        Assert.Equal(1, GeoScorer.Auc([20_039, 20_039]), 6);
    }
}
