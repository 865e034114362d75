namespace Sitrep.Time;

/// <summary>How an expression that counts from another time of the text takes its value from it.</summary>
internal enum AnaphorKind
{
    /// <summary>"the following year", "that quarter": the unit holding the reference moved by the offset.</summary>
    Calendar,

    /// <summary>"a year earlier": the reference moved by the offset, at the reference's own precision (a quarter stays a quarter).</summary>
    SamePrecision,

    /// <summary>"the previous Friday": the weekday before (offset -1) or after (+1) the reference day.</summary>
    Weekday,

    /// <summary>
    /// Results news: "the quarter", "the year-ago period", "a year earlier" mean the quarter the report
    /// is about, named in the lead ("third-quarter net fell ..."): the first quarter the text names,
    /// moved by the offset in years.
    /// </summary>
    ReportedQuarter,

    /// <summary>"three days after the talks of 4 March 2022", "two weeks later": a duration whose <see cref="TimexDraft.Point"/> is the reference moved by it.</summary>
    Point,
}

/// <param name="Forward">The reference is the first date after the expression in its sentence ("three days
/// after the vote on 4 March"); otherwise the last date before it in the sentence or the two before.</param>
internal sealed record TimexAnaphor(AnaphorKind Kind, TimeUnit Unit, int Offset, bool Forward = false, DayOfWeek Day = DayOfWeek.Sunday);
