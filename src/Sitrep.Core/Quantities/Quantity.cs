using Sitrep.Documents;

namespace Sitrep.Quantities;

/// <summary>
/// A counted or measured amount: "around 120,000 people", "95 per cent", "20 tonnes of flour".
/// </summary>
public sealed record Quantity : Annotation
{
    public required double Value { get; init; }

    /// <summary>What is counted or the unit measured in: "people", "truck", "tonne", "percent", "USD", "km".</summary>
    public required string Unit { get; init; }

    /// <summary>"around", "some", "about", "nearly", "hundreds": the figure is not exact.</summary>
    public bool Approximate { get; init; }

    /// <summary>"at least" / "more than" (Lower), "up to" / "fewer than" (Upper), or Exact.</summary>
    public QuantityBound Bound { get; init; }

    /// <summary>What the figure is about: population, killed, injured, displaced, vehicles, mass, money, percent, ...</summary>
    public required string Category { get; init; }
}

public enum QuantityBound
{
    Exact,
    Lower,
    Upper,
}
