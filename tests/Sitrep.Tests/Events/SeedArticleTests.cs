namespace Sitrep.Tests.Events;

/// <summary>
/// The expectations for the seed article (../shared/seed/000_6e7d2f1ca9b7a4d5.txt). Times,
/// places and quantities are added by hand where the time and geo stages will fill them after merging;
/// the lead can replace the hand layers by the real stages.
/// </summary>
public sealed class SeedArticleTests
{
    private static readonly Lazy<Sitrep.Documents.ReportDocument> Seed = new(() =>
    {
        var text = File.ReadAllText(Path.Combine(EventTestKit.RepositoryRoot(), "..", "shared", "seed", "000_6e7d2f1ca9b7a4d5.txt"));
        return EventTestKit.Run(text, new DateOnly(2023, 9, 12), layers: d =>
        {
            EventTestKit.AddTime(d, "December 2022", "2022-12");
            EventTestKit.AddTime(d, "November 2020", "2020-11");
            EventTestKit.AddTime(d, "July 2020", "2020-07");
            EventTestKit.AddTime(d, "1991-94", "1991", "1991");
            EventTestKit.AddTime(d, "2010", "2010");
            EventTestKit.AddTime(d, "1991", "1991");
            EventTestKit.AddQuantity(d, "around 120,000 people", 120000, "people", "population");
            EventTestKit.AddPlace(d, "Stepanakert", 39.8153, 46.7519);
            EventTestKit.AddPlace(d, "Lachin Corridor", 39.63, 46.55);
        });
    });

    [Fact]
    public void SeedArticle_MostSalientEvent_IsTheAzerbaijaniBlockadeOfFoodFuelAndMedicine()
    {
        var top = Seed.Value.Events[0];
        Assert.Equal("BLOCKADE", top.Type);
        Assert.Equal("AZE", top.Actor1);
        Assert.Equal(["food", "fuel", "medical"], top.Supplies.Intersect(["food", "fuel", "medical"]).ToArray());
        Assert.Contains(top.QuantitySpans, s => Seed.Value.Slice(s) == "around 120,000 people");
    }

    [Fact]
    public void SeedArticle_LachinCorridorBlocked_ByAzerbaijan_InDecember2022()
    {
        var e = Seed.Value.Events.Single(x => x.Type == "CROSSING_CLOSED");
        Assert.Equal("AZE", e.Actor1);
        Assert.Equal("2022-12", e.Date);
        Assert.Equal("Lachin Corridor", Seed.Value.Slice(e.PlaceSpan!.Value));
    }

    [Fact]
    public void SeedArticle_AnarchistArtsakh_IsANewActor_ThatFormed()
    {
        var actor = Seed.Value.Actors.First(a => a.Name == "Anarchist Artsakh");
        Assert.True(actor.IsNew);
        Assert.Equal(new DateOnly(2023, 9, 12), actor.FirstSeen);
        Assert.Contains(Seed.Value.Events, e => e.Type == "GROUP_FORMED" && e.Actor1 == actor.ActorId);
    }

    [Fact]
    public void SeedArticle_RussianAidTruck_ReachesStepanakert()
    {
        var e = Seed.Value.Events.First(x => x.Type is "AID_DELIVERED" or "AID_ALLOWED" && x.Actor1All.Concat(x.Actor2All).Contains("RUS"));
        Assert.NotNull(e);
        Assert.Contains(Seed.Value.Events, x => x.Type is "AID_DELIVERED" or "AID_ALLOWED" && x.PlaceSpan is { } p && Seed.Value.Slice(p) == "Stepanakert");
    }

    [Fact]
    public void SeedArticle_Background_IsCodedWithItsOwnPastDates()
    {
        var events = Seed.Value.Events;
        Assert.Contains(events, e => e.Type == "CEASEFIRE" && e.Actor1 == "RUS" && e.Date == "2020-11");
        Assert.Contains(events, e => e.Type == "MILITARY_AID" && e.Actor1 == "TUR" && e.Actor2 == "AZE");
        Assert.Contains(events, e => e.Type == "TERRITORY_RECAPTURED" && e.Actor1 == "AZE");
        Assert.Contains(events, e => e.Type == "ARMED_CLASH" && e.Date == "1991");
        Assert.Contains(events, e => e.Type == "ARMED_CLASH" && e.Date == "2020-07");
        Assert.Contains(events, e => e.Type == "AGREE" && e.Date == "2010" && e.Actor2All.Contains("AZE"));
        Assert.All(events.Where(e => e.DateSource == "text"), e => Assert.NotEqual("2023-09-12", e.Date));
    }

    [Fact]
    public void SeedArticle_Claims_HaveTheirSpeakers()
    {
        var claims = Seed.Value.Claims;
        Assert.Contains(claims, c => c.Speaker == "Anarchist Artsakh" && Seed.Value.Slice(c.Span).StartsWith("Comrades!", StringComparison.Ordinal));
        var ministry = Assert.Single(claims, c => c.Speaker == "Russian Foreign Ministry");
        Assert.Equal(["DW"], ministry.Via);
        Assert.Contains("first step", Seed.Value.Slice(ministry.Span), StringComparison.Ordinal);
    }
}
