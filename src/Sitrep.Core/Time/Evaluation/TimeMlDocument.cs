namespace Sitrep.Time.Evaluation;

/// <summary>One gold TIMEX3 of a TimeML file: UTF-16 offsets into the document's plain text.</summary>
public sealed record GoldTimex(int Start, int End, TimexType Type, string Value, string Text);

/// <summary>
/// A TimeML document read for evaluation: the text of <c>&lt;TEXT&gt;</c> with inner tags removed, the
/// document creation time (the anchor), and the gold expressions.
/// </summary>
public sealed record TimeMlDocument(string Id, string Text, DateOnly? CreationDate, IReadOnlyList<GoldTimex> Timexes);
