using Sitrep.Text;

namespace Sitrep.Tests.Text;

public sealed class SentenceSegmenterTests
{
    private static List<string> Sentences(string text) =>
        [.. SentenceSegmenter.Split(text).Select(s => text[s.Start..s.End])];

    [Fact]
    public void Split_EndsSentencesAtTerminators_FollowedByCapitals()
    {
        Assert.Equal(
            ["The corridor closed.", "Aid stopped!", "Who will help?"],
            Sentences("The corridor closed. Aid stopped! Who will help?"));
    }

    [Fact]
    public void Split_AbbreviationsInitialsAndDecimals_DoNotEndASentence()
    {
        Assert.Equal(
            ["Gen. Smith and J. Doe met U.S. envoys on Jan. 5 about 3.5 tonnes of aid.", "Then they left."],
            Sentences("Gen. Smith and J. Doe met U.S. envoys on Jan. 5 about 3.5 tonnes of aid. Then they left."));
    }

    [Fact]
    public void Split_LineBreaks_SeparateHeadingsAndBylines()
    {
        Assert.Equal(
            ["Armenian group rises", "By A. Writer", "The blockade began in December."],
            Sentences("Armenian group rises\n\nBy A. Writer\nThe blockade began in December.\n"));
    }

    [Fact]
    public void Split_AHardWrappedParagraph_KeepsItsSentencesWhole()
    {
        Assert.Equal(
            ["The road has been closed since Monday, when a group\npresenting itself as activists set up camp.", "Gas supplies stopped\non Tuesday."],
            Sentences("The road has been closed since Monday, when a group\npresenting itself as activists set up camp. Gas supplies stopped\non Tuesday."));
    }

    [Fact]
    public void Split_LinesEndingASentence_OrOpeningAListOrAHeading_StayApart()
    {
        Assert.Equal(
            ["Comrades!", "we will fight", "# Heading", "lower case under a heading", "- first item", "- second item"],
            Sentences("Comrades!\nwe will fight\n# Heading\nlower case under a heading\n- first item\n- second item"));
    }

    [Fact]
    public void Split_ClosingQuote_StaysWithItsSentence()
    {
        Assert.Equal(
            ["He said, \"It is a first step.\"", "Others disagreed."],
            Sentences("He said, \"It is a first step.\" Others disagreed."));
    }
}
