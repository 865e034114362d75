using Sitrep.Similarity;

namespace Sitrep.Tests.Similarity;

public sealed class NearDuplicateIndexTests
{
    private const string Original =
        "A convoy of 19 trucks carrying some 360 tonnes of food and medicine sent by the Armenian government on Wednesday " +
        "has been unable to enter Nagorno-Karabakh, stopping near the village of Kornidzor at the Armenian end of the Lachin corridor. " +
        "Azerbaijan refused to let the trucks through and called the convoy a provocation.";

    [Fact]
    public void Find_SyndicatedCopyWithNewHeadlineAndByline_IsANearDuplicate()
    {
        var index = new NearDuplicateIndex<string>();
        index.Add("original", MinHashSignature.Compute(Original));

        var copy = "AID CONVOY BLOCKED\nBy Wire Staff\n" + Original + " Read more on our website.";
        var match = Assert.Single(index.Find(MinHashSignature.Compute(copy)));

        Assert.Equal("original", match.Key);
        Assert.True(match.Similarity > 0.7, $"similarity {match.Similarity}");
    }

    [Fact]
    public void Find_ADifferentReportOnTheSameEvent_IsNotANearDuplicate()
    {
        var index = new NearDuplicateIndex<string>();
        index.Add("original", MinHashSignature.Compute(Original));

        const string other = "Armenia's humanitarian convoy remains stuck at the entrance of the Lachin corridor, officials in Yerevan said, " +
            "as Baku insists that supplies for Karabakh Armenians should come through the Aghdam road instead.";

        Assert.Empty(index.Find(MinHashSignature.Compute(other)));
    }

    [Fact]
    public void Signature_RoundTripsThroughBytes_AndIsTheSameOnEveryRun()
    {
        var signature = MinHashSignature.Compute(Original);
        var restored = MinHashSignature.FromBytes(signature.ToBytes());

        Assert.Equal(1.0, signature.Similarity(restored));
        Assert.Equal(signature.Values, MinHashSignature.Compute(Original).Values);
    }
}
