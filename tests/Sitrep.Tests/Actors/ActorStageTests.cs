using Sitrep.Actors;
using Sitrep.Contract;
using Sitrep.Documents;
using Sitrep.Tests.Events;

namespace Sitrep.Tests.Actors;

public sealed class ActorStageTests
{
    private static ActorMention Only(string text, string surface) =>
        EventTestKit.Run(text).Actors.Single(a => a.Span is var s && text.Substring(s.Start, s.Length) == surface);

    [Fact]
    public void Registry_KnowsEveryStateWithItsDemonymsAndCapital()
    {
        Assert.True(ActorRegistry.Default.Countries.Count >= 190);
        Assert.Equal("AZE-GOV", Only("Baku said the talks would resume.", "Baku").ActorId);
        Assert.Equal("RUS-GOV", Only("Moscow rejected the proposal.", "Moscow").ActorId);
        Assert.Equal("AZE-MIL", Only("Azerbaijani troops advanced on Monday.", "Azerbaijani troops").ActorId);
    }

    [Theory]
    [InlineData("The Association of Coastal Fishermen called for the port to reopen.", "Association of Coastal Fishermen", ActorType.Ngo)]
    [InlineData("The Northern Workers' Party announced a general strike.", "Northern Workers' Party", ActorType.PoliticalParty)]
    [InlineData("The Regional Water Forum urged donors to act.", "Regional Water Forum", ActorType.Other)]
    public void Organisations_AreRecognisedFromTheirNames_HeadFirstOrLast(string text, string surface, ActorType type)
    {
        var actor = Only(text, surface);
        Assert.True(actor.IsNew);
        Assert.Equal(type, actor.Type);
    }

    [Theory]
    [InlineData("Opposition groups in the north demanded new elections.", "Opposition groups", "OPPOSITION")]
    [InlineData("Tribal elders have demanded that the road be reopened.", "Tribal elders", "COMMUNITY-LEADERS")]
    [InlineData("A human rights group protested on Wednesday.", "human rights group", "RIGHTS-GROUPS")]
    [InlineData("The militant group Hamas rejected the offer.", "Hamas", "HAMAS")]
    public void CollectivesAndAppositions_AreActors_TheNameWinsOverItsDescription(string text, string surface, string id)
    {
        Assert.Equal(id, Only(text, surface).ActorId);
    }

    [Fact]
    public void HistoricalStates_AreCodedAsThemselves_NotAsTheirSuccessors()
    {
        Assert.Equal("SUN", Only("Soviet troops crossed the border in 1979.", "Soviet troops").ActorId[..3]);
        Assert.Equal("RUS-MIL", Only("Russian troops crossed the border.", "Russian troops").ActorId);
        Assert.Equal(1991, ActorRegistry.Default.CountryByIso3["SUN"].Dissolved);
    }

    [Theory]
    [InlineData("According to DW, the Russian Foreign Ministry claimed the aid was a first step.", "Russian Foreign Ministry", "RUS-GOV", ActorType.Government)]
    [InlineData("The Turkish Defence Ministry said two soldiers were killed.", "Turkish Defence Ministry", "TUR-MIL", ActorType.Military)]
    [InlineData("Sudan's government lifted the state of emergency.", "Sudan's government", "SDN-GOV", ActorType.Government)]
    [InlineData("Security forces of Mali detained the journalist.", "Security forces of Mali", "MLI-POL", ActorType.Police)]
    [InlineData("Ugandan rebels surrendered in the town of Soroti.", "Ugandan rebels", "UGA-REB", ActorType.Rebels)]
    public void StateBodies_AreGeneralisedFromDemonymOrPossessiveAndAHeadNoun(string text, string surface, string id, ActorType type)
    {
        var actor = Only(text, surface);
        Assert.Equal(id, actor.ActorId);
        Assert.Equal(type, actor.Type);
    }

    [Fact]
    public void Leaders_CodeAsTheirGovernment_WithTheirOffice()
    {
        var actor = Only("Ilham Aliyev met the envoy on Friday.", "Ilham Aliyev");
        Assert.Equal("AZE-GOV", actor.ActorId);
        Assert.Equal("AZ", actor.CountryCode);
        Assert.Equal("President of Azerbaijan", actor.Office);

        var titled = Only("Portuguese President Mario Soares said on Tuesday that the talks had failed.", "Portuguese President Mario Soares");
        Assert.Equal("PRT-GOV", titled.ActorId);
        Assert.Equal("Mario Soares", titled.Name);
    }

    [Theory]
    [InlineData("The ICRC said the convoy had arrived.", "ICRC", "ICRC", ActorType.Ngo)]
    [InlineData("Doctors Without Borders closed its clinic.", "Doctors Without Borders", "MSF", ActorType.Ngo)]
    [InlineData("The WHO warned of cholera.", "WHO", "WHO", ActorType.Igo)]
    [InlineData("The Red Crescent evacuated the wounded.", "Red Crescent", "IFRC", ActorType.Ngo)]
    [InlineData("Reuters reported the shelling.", "Reuters", "REUTERS", ActorType.Media)]
    [InlineData("Hamas fighters crossed the fence.", "Hamas", "HAMAS", ActorType.ArmedGroup)]
    public void NamedOrganisations_AreFoundByTheirAliases(string text, string surface, string id, ActorType type)
    {
        var actor = Only(text, surface);
        Assert.Equal(id, actor.ActorId);
        Assert.Equal(type, actor.Type);
    }

    [Fact]
    public void Acronyms_MatchOnlyInCapitals()
    {
        var document = EventTestKit.Run("Those who stayed said the WHO team had left.");
        Assert.Single(document.Actors, a => a.ActorId == "WHO");
    }

    [Fact]
    public void NewOrganisation_IntroducedByTheText_IsNew_WithFirstSeenDateAndChannel()
    {
        var document = EventTestKit.Run(
            "The blockade has triggered the creation of a new anarchist group - Anarchist Artsakh. The group said it would resist. Members of Anarchist Artsakh posted a video.",
            new DateOnly(2023, 9, 12),
            new ReportMetadata { Channel = "anarchist_artsakh" });
        var mentions = document.Actors.Where(a => a.IsNew).ToList();
        Assert.Equal(3, mentions.Count); // the name, "the group", the name again
        Assert.All(mentions, a => Assert.Equal("NEW:anarchist-artsakh", a.ActorId));
        Assert.All(mentions, a => Assert.Equal(new DateOnly(2023, 9, 12), a.FirstSeen));
        Assert.All(mentions, a => Assert.Equal("anarchist_artsakh", a.FirstSeenChannel));
    }

    [Theory]
    [InlineData("A militia calling itself the Black Hand claimed the attack.", "Black Hand")]
    [InlineData("Fighters of the Karabakh Liberation Front attacked the post.", "Karabakh Liberation Front")]
    [InlineData("A new group called Sons of the Valley announced its existence.", "Sons of the Valley")]
    public void OrganisationsNotInTheRegistry_AreRecognisedFromHowTheTextIntroducesThem(string text, string name)
    {
        var actor = EventTestKit.Run(text).Actors.First(a => a.IsNew);
        Assert.Equal(name, actor.Name);
    }

    [Fact]
    public void StateNamedAsAPlace_IsKeptForRolesButNotListedInTheContract()
    {
        var document = EventTestKit.Run("Fighting continued in Azerbaijan while Baku called for talks.");
        Assert.Contains(document.Actors, a => a.ActorId == "AZE" && a.IsLocative);
        var contract = ContractMapper.Map(document);
        Assert.DoesNotContain(contract.Actors, a => a.Id == "AZE");
        Assert.Contains(contract.Actors, a => a.Id == "AZE-GOV");
    }
}
