namespace Sitrep.Documents;

/// <summary>
/// A half-open range [Start, End) in the document's <em>normalized</em> text, in UTF-16 code units.
/// </summary>
/// <remarks>
/// Stages work in the normalized text with .NET's string and regex APIs, which count UTF-16 units.
/// Offsets are projected to the source text, in Unicode code points, once at the boundary
/// (<see cref="ReportDocument.ToSourceCodePoints"/>), which is what the contract and the store expose.
/// </remarks>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public bool Contains(TextSpan other) => Start <= other.Start && other.End <= End;

    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    public override string ToString() => $"[{Start},{End})";
}
