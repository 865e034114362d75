using Sitrep.Situation;

namespace Sitrep.Server.Situation;

/// <summary>
/// The filters of <c>GET /api/events</c>: every given filter must hold. Text filters compare without
/// regard to case; <see cref="Since"/> and <see cref="Until"/> bound the event's earliest reported date.
/// </summary>
public sealed record EventQuery
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>An ontology code (BLOCKADE, AID_DELIVERY) or an ACLED event or sub-event type.</summary>
    public string? Type { get; init; }

    /// <summary>An actor id (AZE, ICRC) of either side.</summary>
    public string? Actor { get; init; }

    /// <summary>An area's name as <c>/api/areas</c> gives it.</summary>
    public string? Area { get; init; }

    public DateOnly? Since { get; init; }

    public DateOnly? Until { get; init; }

    /// <summary>An outlet or channel name, or a report id.</summary>
    public string? Source { get; init; }

    /// <summary>asserted, claimed, denied, threatened, planned, hypothetical, negated.</summary>
    public string? Modality { get; init; }

    /// <summary>Words that must all appear in the evidence, places or actors.</summary>
    public string? Text
    {
        get => _text;
        init => (_text, _words) = (value, value?.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? []);
    }

    public int Offset { get; init; }

    public int Limit { get; init; } = DefaultLimit;

    public bool Matches(SituationEventRecord e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return (Type is null || Same(e.Type, Type) || Same(e.AcledEventType, Type) || Same(e.AcledSubEventType, Type))
            && (Actor is null || Any(e.Merged.Actor1, Actor) || Any(e.Merged.Actor2, Actor))
            && (Area is null || Any(e.Areas, Area))
            && (Since is null || e.Merged.Start >= Since)
            && (Until is null || e.Merged.Start <= Until)
            && (Source is null || Any(e.SourceNames, Source) || e.Merged.Sources.Contains(Source, StringComparer.Ordinal))
            && (Modality is null || Any(e.Modalities, Modality))
            && (Text is null || AllWords(e.SearchText));
    }

    // Loops, not LINQ: these run once per candidate event on every request.
    private static bool Any(IReadOnlyList<SourcedValue<string>> values, string wanted)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (Same(values[i].Value, wanted))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Any(IReadOnlyList<string> values, string wanted)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (Same(values[i], wanted))
            {
                return true;
            }
        }

        return false;
    }

    private bool AllWords(string text)
    {
        foreach (var word in _words)
        {
            if (!text.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private readonly string? _text;
    private readonly string[] _words = [];

    private static bool Same(string? a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}

/// <summary>One page of matching events and how many match in all.</summary>
public sealed record EventPage(int Total, IReadOnlyList<SituationEventRecord> Items);
