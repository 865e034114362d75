using Sitrep.Situation;
using Sitrep.Situation.Review;

namespace Sitrep.Tests.Situation;

public sealed class ReviewQueueTests
{
    [Fact]
    public void Rank_PutsAccessChangesFirst_ThenDisagreements_ThenTheLeastCertain_AndLeavesReviewedOnesOut()
    {
        var events = new[]
        {
            Event("attack-sure", "ATTACK", 0.9),
            Event("attack-unsure", "ATTACK", 0.3),
            Event("attack-disputed", "ATTACK", 0.9, disputed: true),
            Event("blockade-sure", "BLOCKADE", 0.95),
            Event("blockade-confirmed", "BLOCKADE", 0.1) with { ReviewState = EventReview.None with { Status = ReviewStatus.Confirmed } },
            Event("aid-unsure", "AID_DELIVERED", 0.4),
        };

        var ranked = ReviewQueue.Rank(events, e => e).Select(e => e.Id).ToList();

        Assert.Equal(["aid-unsure", "blockade-sure", "attack-disputed", "attack-unsure", "attack-sure"], ranked);
        Assert.Equal(["changes access", "low confidence", "single source"], ReviewQueue.Reasons(events[5]));
        Assert.Equal(["sources disagree", "single source"], ReviewQueue.Reasons(events[2]));
    }

    private static MergedEvent Event(string id, string type, double confidence, bool disputed = false) => new()
    {
        Id = id,
        Type = type,
        Sources = ["1"],
        Confidence = confidence,
        MergeEvidence = [],
        Dates = disputed ? [new("2023-07-01", ["1"]), new("2023-07-02", ["2"])] : [new("2023-07-01", ["1"])],
        Places = [],
        Actor1 = [],
        Actor2 = [],
        Quantities = new Dictionary<string, IReadOnlyList<SourcedValue<double>>>(),
        Supplies = [],
    };
}
