using Sitrep.Situation;
using Sitrep.Situation.Review;

namespace Sitrep.Server.Situation;

/// <summary>
/// The filters of <c>GET /api/events</c>: every given filter must hold. Text filters compare without
/// regard to case; <see cref="Since"/> and <see cref="Until"/> bound the event's earliest reported date.
/// <see cref="Matches"/> says what a filter means one event at a time; <see cref="EventIndex"/> answers
/// the same question from posting lists, and the tests hold it to this.
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

    /// <summary>
    /// Words that must all appear in the evidence, places, actors or source names: whole words, without
    /// regard to case (<see cref="SearchWords"/>).
    /// </summary>
    public string? Text
    {
        get => _text;
        init => (_text, _words) = (value, value is null ? [] : [.. SearchWords.Of(value).Distinct(StringComparer.OrdinalIgnoreCase)]);
    }

    /// <summary>The words of <see cref="Text"/>.</summary>
    public IReadOnlyList<string> Words => _words;

    /// <summary>
    /// unreviewed, confirmed, corrected or rejected. Without it, every event but the rejected ones: an
    /// event analysts rejected is shown only to those who ask for it.
    /// </summary>
    public string? Review { get; init; }

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
            && (Source is null || Any(e.SourceNames, Source) || Any(e.Merged.Sources, Source))
            && (Modality is null || Any(e.Modalities, Modality))
            && (Review is null ? e.Merged.ReviewState.Status != ReviewStatus.Rejected : Same(StatusName(e.Merged.ReviewState.Status), Review))
            && (_words.Length == 0 || AllWords(e.SearchText));
    }

    /// <summary>A review status as the API writes it ("unreviewed", "rejected").</summary>
    public static string StatusName(ReviewStatus status) => status switch
    {
        ReviewStatus.Confirmed => "confirmed",
        ReviewStatus.Corrected => "corrected",
        ReviewStatus.Rejected => "rejected",
        _ => "unreviewed",
    };

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
        var words = SearchWords.Of(text).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return _words.All(words.Contains);
    }

    private readonly string? _text;
    private readonly string[] _words = [];

    private static bool Same(string? a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}

/// <summary>One page of matching events and how many match in all.</summary>
public sealed record EventPage(int Total, IReadOnlyList<SituationEventRecord> Items);
