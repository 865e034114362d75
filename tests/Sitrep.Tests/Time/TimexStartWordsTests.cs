using Sitrep.Tests.Support;
using Sitrep.Text;
using Sitrep.Time;

namespace Sitrep.Tests.Time;

/// <summary>
/// The rules are tried only at the words their patterns can begin with (<c>TimexRules</c>' start words):
/// a speed-up that must never lose a match. Each text is tagged with and without the filter, and the two
/// must agree; the phrases exercise every optional leading part of every rule (our own sentences).
/// </summary>
public sealed class TimexStartWordsTests
{
    private static readonly string[] Phrases =
    [
        "Talks resumed on Monday, the 4 March 2019 at the border, and on Tuesday, March 5, 2019, they ended.",
        "The road reopened in early March 2020, by the end of June 2021, in the second half of May 2022 and in the latter half of 2019.",
        "Shelling stopped last March, resumed this past March and may return next June or in March this year.",
        "The siege recalled the early 1990s, the late nineties, the '80s and the mid-1970s.",
        "Ruins from the early 20th century, the twenty-first century and the fifth century were hit.",
        "Exports beat the year-ago third quarter, last year's second half, the 1998 first quarter and a strong fourth quarter of 2019; 2019's third quarter was weak.",
        "Fuel ran out earlier this month, at the end of the year, late last week, the following year and this past summer.",
        "Crops failed in the early summer of 2019, in mid-summer 2018 and in late spring 2019.",
        "Shots were heard early yesterday, late this morning, in mid-afternoon yesterday, last night and this evening.",
        "The convoy left last Friday, the previous Friday, early Tuesday, this coming Monday and next Thursday night.",
        "The blockade lasted about three weeks, at least two years, the past five years, another six months and a couple of days.",
        "Aid was held for an additional two weeks, each of the past three years, twenty-five years ago, more than 10 days and well over a decade.",
        "Evacuations took no more than two hours, within a month, its first three months, a few weeks later, several days earlier and many years.",
        "Right now the crossing is shut, until now it was open, more recently it closed, and in the past it rarely did.",
        "In recent years, in the near future, at a later date, in the coming months and in the long term, access matters as soon as possible.",
        "These days the town is quiet; at the moment, for the time being, currently and at present there is no fighting.",
        "The strike came at about 10 a.m., shortly after 3 p.m., around noon, at 14:30 hrs and at noon on Tuesday.",
        "Trucks arrive every other week, each Monday and hourly, every 12 hours and each spring.",
        "The war began in March nineteen ninety-one, the summer of nineteen ninety, the year two thousand and in two thousand and five.",
        "Results for the same period, this quarter, last year's quarter, the comparable year-earlier period and the fiscal year were mixed.",
        "For the 11th day, its third straight week and the second consecutive month, the city had no power.",
        "By year-end, last year-end and this year's end, stocks had fallen; year-earlier figures were higher.",
        "In the summer, in the early autumn and during the winter, the pass was closed.",
        "The 2023-09-12 bulletin and the 9/12/2023 notice both named 12 September.",
    ];

    /// <summary>The phrases (each holds expressions) and the example file's sentences (some hold none on purpose).</summary>
    public static TheoryData<string, bool> Texts()
    {
        var data = new TheoryData<string, bool>();
        foreach (var phrase in Phrases)
        {
            data.Add(phrase, true);
        }

        foreach (var example in ExampleFile.Read("tests/Sitrep.Tests/Time/Examples/news-times.md"))
        {
            data.Add(example.Text, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void StartWords_LoseNoMatchOfTheUnfilteredRules(string text, bool holdsExpressions)
    {
        var sentences = SentenceSegmenter.Split(text).ToList();
        var anchor = new DateOnly(2023, 9, 12);
        var filtered = new List<TimexDraft>();
        var reference = new List<TimexDraft>();
        TimexRules.Collect(new TimexContext(text, anchor, sentences), filtered);
        TimexRules.Collect(new TimexContext(text, anchor, sentences), reference, startWords: false);
        Assert.True(!holdsExpressions || reference.Count > 0, "the phrase should hold expressions");
        Assert.Equal(reference, filtered);
    }
}
