using Sitrep.Documents;
using Sitrep.Tests.Events;

namespace Sitrep.Tests.Claims;

public sealed class ClaimStageTests
{
    [Fact]
    public void AccordingTo_GivesTheChainOfAttribution()
    {
        var document = EventTestKit.Run("According to DW, the Russian Foreign Ministry claimed the aid package represents \"a first step\" to resolving the crisis.");
        var claim = Assert.Single(document.Claims);
        Assert.Equal("Russian Foreign Ministry", claim.Speaker);
        Assert.Equal("RUS-GOV", claim.SpeakerActorId);
        Assert.Equal(["DW"], claim.Via);
        Assert.StartsWith("the aid package represents", document.Slice(claim.Span), StringComparison.Ordinal);
    }

    [Fact]
    public void NestedReports_KeepEveryLevelOfTheChain_OutermostFirst()
    {
        var document = EventTestKit.Run("According to DW, the Russian Foreign Ministry said that Armenian officials claimed the convoy had been stopped at the checkpoint.");
        var claim = Assert.Single(document.Claims);
        Assert.Equal("Armenian officials", claim.Speaker);
        Assert.Equal(["DW", "Russian Foreign Ministry"], claim.Via);
        Assert.Equal("the convoy had been stopped at the checkpoint", document.Slice(claim.Span));
    }

    [Fact]
    public void ToldAMedium_ThatSomeoneSaid_GoesThroughTheMediumAndTheTeller()
    {
        var document = EventTestKit.Run("A local official told Reuters that the Azerbaijani Foreign Ministry said the road would stay closed until further notice.");
        var claim = Assert.Single(document.Claims);
        Assert.Equal("Azerbaijani Foreign Ministry", claim.Speaker);
        Assert.Equal(["Reuters", "A local official"], claim.Via);
        Assert.Equal("the road would stay closed until further notice", document.Slice(claim.Span));
    }

    [Fact]
    public void QuotedAsSaying_TheOneQuotedSpeaks_ThroughTheOneQuoting()
    {
        var document = EventTestKit.Run("Itar-Tass quoted the Russian Defence Ministry as saying its peacekeepers had escorted the trucks.");
        var claim = Assert.Single(document.Claims);
        Assert.Equal("Russian Defence Ministry", claim.Speaker);
        Assert.Equal(["TASS"], claim.Via);
    }

    [Fact]
    public void DirectQuote_AfterAStatementVerb_IsTheSpeakers()
    {
        var document = EventTestKit.Run("The ICRC stated: \"Our teams reached the town and found the hospital without fuel or water.\"");
        var claim = Assert.Single(document.Claims);
        Assert.Equal("ICRC", claim.Speaker);
        Assert.StartsWith("Our teams reached", document.Slice(claim.Span), StringComparison.Ordinal);
    }

    [Fact]
    public void DirectQuote_FollowedBySaid_IsTheSpeakers()
    {
        var document = EventTestKit.Run("\"We have not received any food for three weeks,\" a doctor at the hospital said.");
        var claim = Assert.Single(document.Claims);
        Assert.Equal("a doctor at the hospital", claim.Speaker);
    }

    [Fact]
    public void ReportedSpeech_WithTrailingAttribution_IsTheSpeakers()
    {
        var document = EventTestKit.Run("Two aid workers were killed in the shelling overnight, the UN said.");
        var claim = Assert.Single(document.Claims);
        Assert.Equal("United Nations", claim.Speaker);
        Assert.Equal("Two aid workers were killed in the shelling overnight", document.Slice(claim.Span));
    }

    [Fact]
    public void TelegramPost_IsAStatementOfItsChannel_AndWhatItQuotesReachedUsThroughIt()
    {
        var document = EventTestKit.Run(
            "Our fighters repelled the attack. The ministry said \"the situation is fully under control and the roads are open\".",
            metadata: new ReportMetadata { Channel = "Northern Front" });
        Assert.Equal("Northern Front", document.Claims[0].Speaker);
        Assert.Equal(document.Normalized.Value.TrimEnd('.'), document.Slice(document.Claims[0].Span) + "\"");
        Assert.Contains(document.Claims, c => c.Via.Count > 0 && c.Via[0] == "Northern Front");
    }
}
