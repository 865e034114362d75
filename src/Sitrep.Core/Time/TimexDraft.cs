namespace Sitrep.Time;

/// <summary>A temporal expression found by one rule, before overlaps between rules are settled.</summary>
internal sealed record TimexDraft(int Start, int End, TimexType Type, string? Value)
{
    public string? Mod { get; init; }

    public string? RangeStart { get; init; }

    public string? RangeEnd { get; init; }

    /// <summary>Set when the expression counts from another time of the text ("the following year", "three days after ...").</summary>
    public TimexAnaphor? Anaphor { get; init; }

    /// <summary>For an offset from another time ("three days after the talks of 4 March 2022"): the date it points to.</summary>
    public string? Point { get; init; }

    /// <summary>Lower wins a tie between drafts of the same length.</summary>
    public int Priority { get; init; }

    /// <summary>The rule that made the draft, for <c>--explain</c>.</summary>
    public string Rule { get; init; } = string.Empty;

    public int Length => End - Start;
}
