using Sitrep.Contract;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Tests.Ingest;

namespace Sitrep.Tests.Contract;

/// <summary>
/// The canonical example through the real pipeline, every stage on, as `sitrep extract` sees it: the
/// facts the issues list for the seed article must come out of the whole system, not of one stage fed
/// hand-made layers.
/// </summary>
public sealed class SeedExtractTests
{
    private static readonly Lazy<ContractDocument> Seed = new(() =>
    {
        var text = File.ReadAllText(ExampleFiles.SeedArticle);
        var document = new ReportDocument("seed", text, new DateOnly(2023, 9, 12));
        DefaultPipeline.Create(PipelineResources.FromEnvironment()).Process(document);
        return ContractMapper.Map(document);
    });

    private static ContractDocument Document => Seed.Value;

    private static IEnumerable<ContractEvent> Events(string type) => Document.Events.Where(e => e.Type == type);

    [Fact]
    public void Seed_TheBlockadeOfArtsakhByAzerbaijan_CarriesSuppliesAndPopulation()
    {
        var blockade = Assert.Single(Events("BLOCKADE"), e => e.Actor1 == "AZE" && e.Place?.Text == "Artsakh");
        Assert.Equal(["food", "fuel", "medical"], blockade.Supplies.Order(StringComparer.Ordinal));
        Assert.Contains(blockade.Quantities, q => q.Value == 120_000 && q.Category == "population" && q.Approximate);
        Assert.Equal("asserted", blockade.Modality);
    }

    [Fact]
    public void Seed_TheLachinCorridorClosedByAzerbaijanInDecember2022()
    {
        Assert.Contains(Events("CROSSING_CLOSED"), e => e.Actor1 == "AZE" && e.Place?.Text == "Lachin Corridor" && e.Date == "2022-12");
    }

    [Fact]
    public void Seed_BackgroundEventsKeepTheirOwnPastDates()
    {
        Assert.Contains(Events("CEASEFIRE"), e => e.Actor1 == "RUS" && e.Date == "2020-11");
        Assert.Contains(Events("MILITARY_AID"), e => e.Actor1 == "TUR" && e.Actor2 == "AZE" && e.Date == "2020-07");
        Assert.Contains(Events("TERRITORY_RECAPTURED"), e => e.Actor1 == "AZE" && e.Date is "2020" or "2020-11" or "2020-07");
        Assert.Contains(Events("AGREE"), e => e.Date == "2010");
        Assert.Contains(Events("ARMED_CLASH"), e => e.Date is not null && e.Date.StartsWith("1991", StringComparison.Ordinal));
    }

    [Fact]
    public void Seed_TheRussianAidTruckReachesStepanakert()
    {
        var delivery = Assert.Single(Events("AID_DELIVERED"));
        Assert.Equal("RUS", delivery.Actor1);
        Assert.Equal("Stepanakert", delivery.Place?.Text);
        Assert.Equal("2023-09-12", delivery.Date);
        Assert.NotNull(delivery.Place?.Lat);
    }

    [Fact]
    public void Seed_AnarchistArtsakh_IsANewGroupThatFormed()
    {
        Assert.Contains(Document.Actors, a => a.Text == "Anarchist Artsakh" && a.IsNew && a.Type == "armed_group");
        Assert.Contains(Events("GROUP_FORMED"), e => e.Actor1 == "NEW:anarchist-artsakh");
    }

    [Fact]
    public void Seed_ClaimsKeepTheirSpeakersAndChainOfAttribution()
    {
        Assert.Contains(Document.Claims, c => c.Speaker == "Anarchist Artsakh" && c.Text.StartsWith("Comrades!", StringComparison.Ordinal));
        Assert.Contains(Document.Claims, c => c.Speaker == "Russian Foreign Ministry" && c.Via.SequenceEqual(["DW"]) && c.Text.Contains("first step", StringComparison.Ordinal));
    }

    [Fact]
    public void Seed_EveryLayerIsFilled_AndEverySpanPointsAtItsText()
    {
        var codePoints = File.ReadAllText(ExampleFiles.SeedArticle).EnumerateRunes().Select(r => r.ToString()).ToArray();
        Assert.All(Document.Places, p => Assert.Equal(p.Text, string.Concat(codePoints[p.Start..p.End])));
        Assert.All(Document.Times, t => Assert.Equal(t.Text, string.Concat(codePoints[t.Start..t.End])));
        Assert.All(Document.Actors, a => Assert.Equal(a.Text, string.Concat(codePoints[a.Start..a.End])));
        Assert.NotEmpty(Document.Quantities);
        Assert.Contains(Document.Places, p => p.Text == "Stepanakert" && p.Lat is > 39.7 and < 39.9 && p.Lon is > 46.6 and < 46.9);
    }
}
