using System.Globalization;
using Sitrep.Server.Situation;
using Sitrep.Situation;
using Sitrep.Situation.Review;
using Sitrep.Time;

namespace Sitrep.Tests.Server;

/// <summary>
/// The index answers every query exactly as <see cref="EventQuery.Matches"/> does one event at a time:
/// same total, same page, same order, over random events (undated and rejected ones included) and random
/// combinations of filters, known and unknown values, date windows and pages.
/// </summary>
public sealed class EventIndexTests
{
    private static readonly string[] Types = ["BLOCKADE", "AID_DELIVERED", "SHELLING", "PROTEST"];
    private static readonly string[] Actors = ["AZE", "ARM", "RUS", "ICRC"];
    private static readonly string[] Outlets = ["DW", "Reuters", "Telegram: @artsakh"];
    private static readonly string[] Modalities = ["asserted", "claimed", "denied"];
    private static readonly string[] Words = ["trucks", "flour", "Lachin", "corridor", "Stepanakert's", "closed"];
    private static readonly ReviewStatus[] Statuses = [ReviewStatus.Unreviewed, ReviewStatus.Unreviewed, ReviewStatus.Confirmed, ReviewStatus.Corrected, ReviewStatus.Rejected];

    // Bitmaps for long lists only (as served), for every list, for none: each way of intersecting is checked.
    [Theory]
    [InlineData(1, 40, null)]
    [InlineData(2, 400, null)]
    [InlineData(3, 3000, null)]
    [InlineData(4, 400, true)]
    [InlineData(5, 3000, true)]
    [InlineData(6, 3000, false)]
    public void Page_AnyQuery_SameAsMatchingOneByOne(int seed, int count, bool? bitmaps)
    {
        var random = new Random(seed);
        var events = EventIndex.Order(Generate(random, count)).ToList();
        var index = new EventIndex(events, bitmaps);
        for (var i = 0; i < 400; i++)
        {
            var query = RandomQuery(random);
            var expected = events.Where(query.Matches).ToList();
            var page = index.Page(query);
            Assert.Equal(expected.Count, page.Total);
            Assert.Equal(expected.Skip(query.Offset).Take(query.Limit).Select(e => e.Id), page.Items.Select(e => e.Id));
            Assert.Equal(expected.Select(e => e.Id), index.All(query).Select(e => e.Id));
        }
    }

    [Theory]
    [InlineData(7, 400, null)]
    [InlineData(8, 3000, null)]
    [InlineData(9, 3000, true)]
    [InlineData(10, 3000, false)]
    public void Months_AnyQuery_SameAsCountingTheMatchesByMonth(int seed, int count, bool? bitmaps)
    {
        var random = new Random(seed);
        var events = EventIndex.Order(Generate(random, count)).ToList();
        var index = new EventIndex(events, bitmaps);
        for (var i = 0; i < 200; i++)
        {
            var query = RandomQuery(random);
            var expected = events
                .Where(e => query.Matches(e) && e.Merged.Start is not null)
                .GroupBy(e => (e.Merged.Start!.Value.Year, e.Merged.Start!.Value.Month))
                .OrderBy(g => g.Key)
                .Select(g => (g.Key.Year, g.Key.Month, g.Count()));
            Assert.Equal(expected, index.Months(query));
        }
    }

    [Fact]
    public void Page_Words_MatchWholeWordsWithoutRegardToCase()
    {
        var events = EventIndex.Order(Generate(new Random(5), 200)).ToList();
        var index = new EventIndex(events);
        var withWord = index.Page(new EventQuery { Text = "STEPANAKERT", Limit = 1000 });
        Assert.NotEmpty(withWord.Items);
        Assert.All(withWord.Items, e => Assert.Contains("Stepanakert's", e.SearchText, StringComparison.Ordinal));
        Assert.Equal(0, index.Page(new EventQuery { Text = "stepanaker" }).Total);
    }

    [Fact]
    public void Page_NoReviewFilter_LeavesRejectedOut_AndReviewFilterShowsThem()
    {
        var events = EventIndex.Order(Generate(new Random(9), 300)).ToList();
        var index = new EventIndex(events);
        var rejected = events.Count(e => e.Merged.ReviewState.Status == ReviewStatus.Rejected);
        Assert.True(rejected > 0);
        Assert.Equal(events.Count - rejected, index.Page(new EventQuery()).Total);
        Assert.Equal(rejected, index.Page(new EventQuery { Review = "rejected" }).Total);
    }

    private static EventQuery RandomQuery(Random random)
    {
        string? Pick(string[] values, double chance) =>
            random.NextDouble() < chance ? (random.Next(8) == 0 ? "UNKNOWN" : values[random.Next(values.Length)]) : null;
        DateOnly? Day(double chance) => random.NextDouble() < chance ? new DateOnly(2023, 1, 1).AddDays(random.Next(365)) : null;
        string[] areas = ["Artsakh", "Madaya"];
        string[] reviews = ["unreviewed", "confirmed", "corrected", "rejected"];
        var since = Day(0.4);
        var until = Day(0.4);
        return new EventQuery
        {
            Type = Pick(Types, 0.4),
            Actor = Pick(Actors, 0.3),
            Area = Pick(areas, 0.2),
            Source = Pick(Outlets, 0.2),
            Modality = Pick(Modalities, 0.2),
            Review = Pick(reviews, 0.2),
            Text = random.NextDouble() < 0.3 ? string.Join(' ', Enumerable.Range(0, 1 + random.Next(2)).Select(_ => Words[random.Next(Words.Length)].ToUpperInvariant())) : null,
            Since = since,
            Until = until,
            Offset = random.Next(4) == 0 ? random.Next(50) : 0,
            Limit = 1 + random.Next(60),
        };
    }

    internal static IEnumerable<SituationEventRecord> Generate(Random random, int count)
    {
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var members = Enumerable.Range(0, 1 + random.Next(3)).Select(m => Member(random, i, m)).ToList();
            var cluster = new EventCluster(members[0].Key, members, []);
            var review = new EventReview(Statuses[random.Next(Statuses.Length)], [], []);
            IReadOnlyList<string> areas = random.Next(5) switch
            {
                0 => ["Artsakh"],
                1 => ["Artsakh", "Madaya"],
                _ => [],
            };
            yield return SituationEventRecord.From(new ReviewedCluster(cluster, review), areas, titles);
        }
    }

    private static SituationEvent Member(Random random, int cluster, int member)
    {
        var day = new DateOnly(2023, 1, 1).AddDays(random.Next(365));
        return new SituationEvent
        {
            Key = string.Create(CultureInfo.InvariantCulture, $"{cluster:D5}{member}#E@0-10"),
            ReportId = random.Next(1, 80).ToString(CultureInfo.InvariantCulture),
            Source = Outlets[random.Next(Outlets.Length)],
            Type = Types[random.Next(Types.Length)],
            When = random.Next(6) == 0 ? null : TimexInterval.Parse(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            Published = day,
            Actor1 = Actors[random.Next(Actors.Length)],
            Actor2 = random.Next(3) == 0 ? Actors[random.Next(Actors.Length)] : null,
            Modality = Modalities[random.Next(Modalities.Length)],
            EvidenceText = string.Join(' ', Enumerable.Range(0, 3).Select(_ => Words[random.Next(Words.Length)])),
        };
    }
}
