using Sitrep.Contract;
using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Events;

/// <summary>Events read with every layer the real pipeline gives them (places from the gazetteer, times, quantities).</summary>
public sealed class EventPipelineTests
{
    private static readonly Lazy<ReportPipeline> Pipeline = new(() => DefaultPipeline.Create(PipelineResources.FromEnvironment()));

    private static ContractDocument Extract(string text)
    {
        var document = new ReportDocument("test", text, new DateOnly(2022, 12, 13));
        Pipeline.Value.Process(document);
        return ContractMapper.Map(document);
    }

    [Fact]
    public void PassiveClosure_WithALongSubject_IsAtTheCorridorTheSentenceNames()
    {
        var closure = Assert.Single(
            Extract("The only road linking Armenia with Nagorno-Karabakh has been closed since Monday, when activists set up camp on the Lachin corridor.").Events,
            e => e.Type == "CROSSING_CLOSED");
        Assert.Equal("Lachin corridor", closure.Place?.Text);
        Assert.Equal("2022-12-12", closure.Date);
        Assert.Null(closure.Actor2);
    }

    [Fact]
    public void ReportedMaterialAct_IsNotTheSpeakers_NorAtTheSpeakersPlace()
    {
        var blockade = Assert.Single(
            Extract("Armenian officials in Yerevan said the closure left about 120,000 people in the region without deliveries of food and fuel.").Events,
            e => e.Type == "BLOCKADE");
        Assert.Null(blockade.Actor1);
        Assert.Null(blockade.Place);
        Assert.Equal(["food", "fuel"], blockade.Supplies.Order(StringComparer.Ordinal));
        Assert.Equal("about 120,000 people", Assert.Single(blockade.Quantities).Text);
    }

    [Fact]
    public void ReportedSpeech_APronounAfterTheVerb_MakesTheSpeakerTheActor()
    {
        var e = Extract("Nigeria announced that it will withdraw its peacekeeping force from Chad.").Events[0];
        Assert.Equal("WITHDRAWAL", e.Type);
        Assert.Equal("NGA", e.Actor1);
    }

    [Fact]
    public void AssertedClosure_KeepsItsOwnPlace_WhenADenialOfItNamesMore()
    {
        var closure = Assert.Single(
            Extract("The Lachin corridor has been closed since Monday. Azerbaijan denied blocking the road and said civilian traffic could pass.").Events,
            e => e.Type == "CROSSING_CLOSED");
        Assert.Equal("asserted", closure.Modality);
        Assert.Equal("Lachin corridor", closure.Place?.Text);
        Assert.Equal("AZE", closure.Actor1);
    }

    [Fact]
    public void BareFollowUpMention_IsTheEventJustTold_NotASecondOne()
    {
        var events = Extract("Early Tuesday a truck of the Russian Red Cross carrying humanitarian aid reached Stepanakert. It is the first delivery to reach the city in weeks.").Events;
        var delivery = Assert.Single(events, e => e.Type == "AID_DELIVERED");
        Assert.Equal("RUS-RC", delivery.Actor1);
        Assert.Equal("Stepanakert", delivery.Place?.Text);
    }

    [Fact]
    public void SinceDate_OfARelativeClause_IsNotAOneOffEventsDate()
    {
        var refusal = Extract("Azerbaijan, which has controlled a checkpoint on the road since April, refused on Wednesday to let the trucks through.").Events
            .First(e => e.Type is "AID_DENIED" or "REJECT");
        Assert.Equal("2022-12-07", refusal.Date);
    }

    [Fact]
    public void BareHeadlineMention_IsTheBodysEvent()
    {
        var events = Extract("Convoy reaches besieged town\n\nA convoy of the Red Cross reached Madaya on Monday with food for 40,000 people.").Events;
        var delivery = Assert.Single(events, e => e.Type == "AID_DELIVERED");
        Assert.Same(delivery, events[0]);
        Assert.Equal("ICRC", delivery.Actor1);
        Assert.Equal("Madaya", delivery.Place?.Text);
        Assert.Equal("2022-12-12", delivery.Date);
    }

    [Fact]
    public void RefusalToLetAidThrough_IsOneAidDenial_ByTheMainClausesSubject_AtTheCheckpoint()
    {
        var events = Extract("Azerbaijan, which has controlled a checkpoint on the road at the Hakari bridge since April, refused to let the trucks through.").Events;
        var denial = Assert.Single(events);
        Assert.Equal("AID_DENIED", denial.Type);
        Assert.Equal("AZE", denial.Actor1);
        Assert.Equal("Hakari bridge", denial.Place?.Text);
    }
}
