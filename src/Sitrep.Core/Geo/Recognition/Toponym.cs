using Sitrep.Documents;
using Sitrep.Geo.Gazetteer;

namespace Sitrep.Geo.Recognition;

/// <summary>
/// A name recognised in the text with the gazetteer entries it may refer to, and the context clues the
/// resolver weighs ("in X", "X, Y", "X province").
/// </summary>
public sealed record Toponym
{
    public required TextSpan Span { get; init; }

    /// <summary>The folded lookup key (<see cref="NameFold.Key"/>).</summary>
    public required string Key { get; init; }

    public required NamePosting[] Postings { get; init; }

    public PlaceMentionKind Kind { get; init; }

    /// <summary>
    /// The postings are those of a name found inside the span, not of the span itself ("Marigny" in
    /// "Faubourg Marigny"): weaker evidence, which the resolver does not let shape the document's context.
    /// </summary>
    public bool IsPartialMatch { get; init; }

    /// <summary>Preceded by a locative preposition ("in", "near", "from", "outside").</summary>
    public bool LocativeCue { get; init; }

    /// <summary>What a following word says the place is ("X province": Area; "X city": Settlement).</summary>
    public PlaceTypeHint TypeHint { get; init; }

    /// <summary>Index (in the document's toponym list) of the place qualifying this one: "Pandi, Bulacan", "Madaya (Rif Dimashq)".</summary>
    public int? QualifierIndex { get; set; }
}

public enum PlaceTypeHint
{
    None,
    Area,
    Settlement,
}
