using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Sitrep.Server.Security;
using Sitrep.Server.Situation;
using Sitrep.Situation.Review;
using Sitrep.Store.Knowledge;

namespace Sitrep.Server.Api;

/// <summary>
/// Analysts' review, as <c>sitrep review</c> does it: confirm, correct, reject, restore, split and merge
/// events (a decision about any member applies to its whole merged event), the queue of events awaiting
/// review and the audit log. Decisions are recorded under the signed-in user's name.
/// </summary>
public static class ReviewApi
{
    public const int MaxQueue = 1000;
    public const int MaxNote = 2000;
    public const int MaxValue = 500;

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var write = api.MapGroup(string.Empty)
            .RequireAuthorization(Policies.Write)
            .AddEndpointFilter<CsrfFilter>()
            .WithTags("review");

        // The queue says no more than the events list does (review=unreviewed), so it is read like it.
        api.MapGet("/review/queue", QueueAsync)
            .RequireAuthorization(Policies.Read)
            .WithTags("review")
            .WithSummary("Unreviewed events, those that change access first, then those whose sources disagree, then the least certain");
        api.MapGet("/review/fields", () => TypedResults.Ok(EventCorrections.Fields))
            .RequireAuthorization(Policies.Read)
            .WithTags("review")
            .WithSummary("The fields a correction may name (quantity:CATEGORY with any category)");
        write.MapPost("/events/{id}/review", ReviewAsync)
            .WithSummary("Records an analyst's decision about an event (id or any member's key): confirm, correct (field, value), reject, restore, or split (the member leaves its merged event)");
        write.MapPost("/events/{id}/merge", MergeAsync)
            .WithSummary("Records that two events are the same real-world event: their clusters are joined");
        write.MapGet("/review/log", LogAsync)
            .WithSummary("The audit log: every decision, who made it and when, newest first; event=ID for one merged event's");
    }

    private static async Task<Results<Ok<ReviewResultJson>, BadRequest<ProblemDetails>, NotFound<ProblemDetails>>> ReviewAsync(
        string id, ReviewInputJson input, HttpContext http, SituationReader situation, CancellationToken cancellationToken)
    {
        if (Kind(input.Action) is not { } kind)
        {
            return TypedResults.BadRequest(Problem($"SITREP-API-004: unknown review action '{input.Action}' (confirm, correct, reject, restore, split; merge has its own endpoint)"));
        }

        if (Check(input.Note, input.Value) is { } tooLong)
        {
            return TypedResults.BadRequest(tooLong);
        }

        string? field = null, value = null;
        if (kind == ReviewKind.Correct)
        {
            (field, value) = (input.Field?.Trim() ?? string.Empty, input.Value?.Trim() ?? string.Empty);
            if (EventCorrections.Validate(field, value) is { } expected)
            {
                return TypedResults.BadRequest(Problem($"SITREP-API-005: '{value}' is not a valid {field}: expected {expected}"));
            }
        }

        if (await situation.Knowledge.FindEventAsync(id, cancellationToken) is null)
        {
            return TypedResults.NotFound(NoEvent(id));
        }

        var decision = new ReviewDecision { Kind = kind, Target = id, Field = field, Value = value, Note = Note(input.Note), Analyst = Analyst(http), At = default };
        return TypedResults.Ok(await RecordAsync(decision, situation, cancellationToken));
    }

    private static async Task<Results<Ok<ReviewResultJson>, BadRequest<ProblemDetails>, NotFound<ProblemDetails>>> MergeAsync(
        string id, MergeInputJson input, HttpContext http, SituationReader situation, CancellationToken cancellationToken)
    {
        var other = input.Other?.Trim();
        if (string.IsNullOrEmpty(other))
        {
            return TypedResults.BadRequest(Problem("SITREP-API-006: 'other' names the event this one is the same as (an event id or key)"));
        }

        if (Check(input.Note, null) is { } tooLong)
        {
            return TypedResults.BadRequest(tooLong);
        }

        if (await situation.Knowledge.FindEventAsync(id, cancellationToken) is not { } first)
        {
            return TypedResults.NotFound(NoEvent(id));
        }

        if (await situation.Knowledge.FindEventAsync(other, cancellationToken) is not { } second)
        {
            return TypedResults.NotFound(NoEvent(other));
        }

        if (string.Equals(first.ClusterId, second.ClusterId, StringComparison.Ordinal))
        {
            return TypedResults.BadRequest(Problem($"SITREP-API-006: '{id}' and '{other}' are already the same merged event ({first.ClusterId})"));
        }

        var decision = new ReviewDecision { Kind = ReviewKind.Merge, Target = id, Other = other, Note = Note(input.Note), Analyst = Analyst(http), At = default };
        return TypedResults.Ok(await RecordAsync(decision, situation, cancellationToken));
    }

    private static async Task<Ok<ReviewQueueJson>> QueueAsync(SituationReader situation, CancellationToken cancellationToken, int offset = 0, int limit = 50)
    {
        (offset, limit) = (Math.Max(0, offset), Math.Clamp(limit, 1, MaxQueue));
        var unreviewed = (await situation.AllEventsAsync(new EventQuery { Review = "unreviewed", Limit = EventQuery.MaxLimit }, cancellationToken)).ToList();
        var ranked = ReviewQueue.Rank(unreviewed, e => e.Merged).Skip(offset).Take(limit);
        return TypedResults.Ok(new ReviewQueueJson(
            unreviewed.Count,
            offset,
            limit,
            [.. ranked.Select(e => new QueuedEventJson(EventJson.From(e), ReviewQueue.Reasons(e.Merged), [.. e.Mentions.Select(m => m.Key)]))],
            EventCorrections.Fields));
    }

    private static async Task<Ok<IReadOnlyList<ReviewDecisionJson>>> LogAsync(SituationReader situation, CancellationToken cancellationToken, string? @event = null, int limit = 200)
    {
        var log = await situation.Knowledge.ReviewLogAsync(cancellationToken);
        IEnumerable<ReviewDecision> chosen = log;
        if (!string.IsNullOrEmpty(@event))
        {
            // The decisions about any member of the merged event, as it stands now.
            var keys = await situation.GetEventAsync(@event, cancellationToken) is { } merged
                ? merged.Mentions.Select(m => m.Key).Append(merged.Id).ToHashSet(StringComparer.Ordinal)
                : new HashSet<string>([@event], StringComparer.Ordinal);
            chosen = log.Where(d => keys.Contains(d.Target) || (d.Other is { } o && keys.Contains(o)));
        }

        return TypedResults.Ok<IReadOnlyList<ReviewDecisionJson>>([.. chosen.Reverse().Take(Math.Clamp(limit, 1, 10_000)).Select(ReviewDecisionJson.From)]);
    }

    private static async Task<ReviewResultJson> RecordAsync(ReviewDecision decision, SituationReader situation, CancellationToken cancellationToken)
    {
        var recorded = await situation.Knowledge.RecordAsync(decision, cancellationToken);
        situation.Invalidate();

        // After a merge or a split the key may belong to another merged event: say which.
        var now = await situation.Knowledge.FindEventAsync(decision.Target, cancellationToken);
        return new ReviewResultJson(ReviewDecisionJson.From(recorded), now?.ClusterId ?? decision.Target);
    }

    /// <summary>The decision an action names; merge and alias are not actions on one event.</summary>
    internal static ReviewKind? Kind(string? action) => action?.Trim().ToLowerInvariant() switch
    {
        "confirm" => ReviewKind.Confirm,
        "correct" => ReviewKind.Correct,
        "reject" => ReviewKind.Reject,
        "restore" => ReviewKind.Restore,
        "split" => ReviewKind.Split,
        _ => null,
    };

    private static ProblemDetails? Check(string? note, string? value) =>
        note?.Length > MaxNote ? Problem($"SITREP-API-007: a note has at most {MaxNote} characters")
        : value?.Length > MaxValue ? Problem($"SITREP-API-007: a value has at most {MaxValue} characters")
        : null;

    private static string? Note(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    private static string Analyst(HttpContext http) => http.User.FindFirstValue(ClaimTypes.Name) ?? "unknown";

    private static ProblemDetails NoEvent(string id) =>
        new() { Status = StatusCodes.Status404NotFound, Detail = $"SITREP-API-008: no event has id or key '{id}'" };

    private static ProblemDetails Problem(string detail) => new() { Status = StatusCodes.Status400BadRequest, Detail = detail };
}

/// <summary>
/// A decision about one event. <c>action</c>: confirm, correct, reject, restore or split; for correct,
/// <c>field</c> (type, actor1, actor2, date, modality, place, quantity:CATEGORY) and <c>value</c>.
/// </summary>
public sealed record ReviewInputJson(string Action, string? Field, string? Value, string? Note);

/// <summary><c>other</c>: the event (id or key) this one is the same as.</summary>
public sealed record MergeInputJson(string Other, string? Note);

/// <summary>One decision of the audit log (<c>sitrep review log --json</c>).</summary>
public sealed record ReviewDecisionJson(long Id, string Kind, string Target, string? Other, string? Field, string? Value, string? Note, string Analyst, string At)
{
    public static ReviewDecisionJson From(ReviewDecision d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Id, KnowledgeBase.KindName(d.Kind), d.Target, d.Other, d.Field, d.Value, d.Note, d.Analyst, d.At.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture));
    }
}

/// <summary>The recorded decision, and the merged event its target belongs to now (after a merge or split it may be another).</summary>
public sealed record ReviewResultJson(ReviewDecisionJson Decision, string EventId);

/// <summary>An event awaiting review: why it is high in the queue, and its members' keys (to split one out).</summary>
public sealed record QueuedEventJson(EventJson Event, IReadOnlyList<string> Reasons, IReadOnlyList<string> Keys);

/// <summary>A page of the queue; <c>fields</c> are those a correction may name (<c>quantity:CATEGORY</c> with any category).</summary>
public sealed record ReviewQueueJson(int Total, int Offset, int Limit, IReadOnlyList<QueuedEventJson> Items, IReadOnlyList<string> Fields);
