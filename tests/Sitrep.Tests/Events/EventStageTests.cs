using Sitrep.Events;

namespace Sitrep.Tests.Events;

public sealed class EventStageTests
{
    [Fact]
    public void Passive_ActorAfterByActs_AndTheSubjectIsActedUpon()
    {
        var document = EventTestKit.Run("A temporary camp for Congolese refugees was attacked by Burundian militiamen on Sunday.");
        var e = document.Events[0];
        Assert.Equal("BDI-MILITIA", e.Actor1);
        Assert.Equal("COD-CIV", e.Actor2);
        Assert.Equal("Violence against civilians", e.AcledEventType);
    }

    [Fact]
    public void NounTrigger_PossessorActs_AndTheObjectOfOfIsActedUpon()
    {
        var document = EventTestKit.Run("Azerbaijan's blockade of Armenia has lasted for months.");
        var e = Assert.Single(document.Events);
        Assert.Equal("BLOCKADE", e.Type);
        Assert.Equal("AZE", e.Actor1);
        Assert.Equal("ARM", e.Actor2);
    }

    [Fact]
    public void NounTrigger_CompletingAnotherNoun_TakesNoRolesFromTheClause()
    {
        var document = EventTestKit.Run("Iran has become a key player in the war, sending Syria drones and advisers.");
        var war = Assert.Single(document.Events, e => e.Type == "ARMED_CLASH");
        Assert.Null(war.Actor1);
        Assert.Null(war.Actor2);
        Assert.Contains(document.Events, e => e.Type == "MILITARY_AID" && e.Actor1 == "IRN");
    }

    [Theory]
    [InlineData("Azerbaijan threatened to close the Lachin corridor.", "CROSSING_CLOSED", Modality.Threatened, "THREATEN")]
    [InlineData("The two sides agreed to open a humanitarian corridor.", "CROSSING_OPENED", Modality.Planned, "AGREE")]
    [InlineData("The ministry denied that its forces had shelled the village.", "SHELLING", Modality.Denied, "FIGHT")]
    [InlineData("The rebels allegedly executed three prisoners.", "ATTACK", Modality.Claimed, "ASSAULT")]
    [InlineData("A famine could break out if the siege continues.", "BLOCKADE", Modality.Hypothetical, "THREATEN")]
    public void Modality_IsReadFromTheWordsThatGovernTheTrigger(string text, string type, Modality modality, string plover)
    {
        var e = EventTestKit.Run(text).Events[0];
        Assert.Equal(type, e.Type);
        Assert.Equal(modality, e.Modality);
        Assert.Equal(plover, e.PloverType);
    }

    [Fact]
    public void Negation_AidNotAllowedIn_IsAnAidDenial_AndAPloverReject()
    {
        var e = EventTestKit.Run("The authorities did not allow the aid convoy to enter the town.").Events[0];
        Assert.Equal("AID_DENIED", e.Type);
        Assert.False(e.Negated);
        Assert.Equal("REJECT", e.PloverType);
    }

    [Fact]
    public void Negation_RefusedCooperation_IsNegatedAndAPloverReject()
    {
        var e = EventTestKit.Run("Israel did not agree to a ceasefire.").Events[0];
        Assert.True(e.Negated);
        Assert.Equal("REJECT", e.PloverType);
    }

    [Fact]
    public void Supplies_AreTheCategoriesTheSentenceNames()
    {
        var e = EventTestKit.Run("Troops have besieged the town, cutting off food, fuel and medicine to the residents.").Events[0];
        Assert.Equal("BLOCKADE", e.Type);
        Assert.Equal(["food", "fuel", "medical"], e.Supplies);
    }

    [Fact]
    public void Date_ComesFromTheSentence_ElseFromThePublicationDate()
    {
        var document = EventTestKit.Run(
            "Fighting broke out in July 2020 near the border. On Monday a convoy reached the town.",
            new DateOnly(2023, 9, 12),
            layers: d => EventTestKit.AddTime(d, "July 2020", "2020-07"));
        var clash = document.Events.Single(e => e.Type == "ARMED_CLASH");
        var convoy = document.Events.Single(e => e.Type == "AID_DELIVERED");
        Assert.Equal("2020-07", clash.Date);
        Assert.Equal("text", clash.DateSource);
        Assert.Equal("2023-09-12", convoy.Date);
        Assert.Equal("published", convoy.DateSource);
    }

    [Fact]
    public void HistoricalBackground_RanksBelowTheCurrentEvent()
    {
        var document = EventTestKit.Run(
            "Troops shelled the town in 1994. Today a convoy of aid trucks reached the town.",
            new DateOnly(2023, 9, 12),
            layers: d => EventTestKit.AddTime(d, "1994", "1994"));
        Assert.Equal("AID_DELIVERED", document.Events[0].Type);
        Assert.Equal("1994", document.Events.Single(e => e.Type == "SHELLING").Date);
    }

    [Fact]
    public void Place_IsTheToponymIntroducedByALocativePreposition()
    {
        var document = EventTestKit.Run(
            "Armenian officials said the convoy from Yerevan reached Stepanakert on Tuesday.",
            layers: d =>
            {
                EventTestKit.AddPlace(d, "Yerevan", 40.18, 44.51);
                EventTestKit.AddPlace(d, "Stepanakert", 39.82, 46.75);
            });
        var e = document.Events.Single(x => x.Type == "AID_DELIVERED");
        Assert.Equal("Stepanakert", document.Slice(e.PlaceSpan!.Value));
    }

    [Fact]
    public void Quantities_OfTheSentence_AreLinked()
    {
        var document = EventTestKit.Run(
            "The blockade has left around 120,000 people without food.",
            layers: d => EventTestKit.AddQuantity(d, "around 120,000 people", 120000, "people", "population"));
        var e = document.Events[0];
        Assert.Equal("around 120,000 people", document.Slice(Assert.Single(e.QuantitySpans)));
    }

    [Fact]
    public void RepeatedMentions_OfOneBlockade_AreOneEvent_RankedFirst()
    {
        var document = EventTestKit.Run(
            "The Azerbaijani blockade of the enclave continues. Residents held a protest on Sunday. The blockade has emptied the shops.");
        Assert.Equal("BLOCKADE", document.Events[0].Type);
        Assert.Single(document.Events, e => e.Type == "BLOCKADE");
        Assert.Equal("e1", document.Events[0].EventId);
    }

    [Theory]
    [InlineData("Police used tear gas to disperse students protesting outside the university.", "PROTEST_INTERVENTION")]
    [InlineData("Security forces opened fire on demonstrators, killing three protesters.", "EXCESSIVE_FORCE")]
    [InlineData("Protesters threw stones at police and set tyres on fire.", "RIOT")]
    [InlineData("The army recaptured the town from the insurgents.", "TERRITORY_RECAPTURED")]
    [InlineData("Militants seized control of the district headquarters.", "TERRITORY_SEIZED")]
    [InlineData("Gunmen killed five villagers in the market.", "ATTACK")]
    [InlineData("Insurgents ambushed an army patrol, killing four soldiers.", "ARMED_CLASH")]
    [InlineData("Warplanes bombed the market, killing dozens of civilians.", "AIR_STRIKE")]
    public void ContextRules_RefineTheTypeTheWayAcledDoes(string text, string type) =>
        Assert.Equal(type, EventTestKit.Run(text).Events[0].Type);

    [Fact]
    public void Evidence_IsTheSentence_AndTheTriggerLiesInsideIt()
    {
        var document = EventTestKit.Run("Nothing happened on Monday. Rebels shelled the airport on Tuesday.");
        var e = Assert.Single(document.Events);
        Assert.Equal("Rebels shelled the airport on Tuesday.", document.Slice(e.Span));
        Assert.Equal("shelled", EventTestKit.Text(document, e));
        Assert.True(e.Span.Contains(e.TriggerSpan!.Value));
    }
}
