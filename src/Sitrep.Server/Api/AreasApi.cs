using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Sitrep.Server.Security;
using Sitrep.Server.Situation;
using Sitrep.Store;
using Sitrep.Store.Situation;

namespace Sitrep.Server.Api;

/// <summary>Besieged areas and actors, as <c>sitrep areas</c> / <c>sitrep area NAME</c> show them.</summary>
public static class AreasApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var areas = api.MapGroup(string.Empty).RequireAuthorization(Policies.Read).WithTags("areas");
        areas.MapGet("/areas", ListAreasAsync)
            .Produces<IReadOnlyList<AreaJson>>(StatusCodes.Status200OK, "application/json")
            .WithSummary("Areas reports describe as besieged, blockaded or cut off, with their timelines; events=false leaves out each area's event ids (eventCount stays); summary=true keeps only what a list or a map needs (name, status, since, besiegers, blocked supplies, point, days under blockade, eventCount)");
        areas.MapGet("/areas/{name}", GetAreaAsync).WithSummary("One area by name or alias: timeline, corridors, deliveries, population, needs estimate, events");
        areas.MapGet("/areas/{name}/brief", BriefAsync)
            .Produces<string>(StatusCodes.Status200OK, "text/markdown")
            .WithSummary("The area's brief in Markdown with numbered citations, as 'sitrep brief AREA' writes it");

        var actors = api.MapGroup(string.Empty).RequireAuthorization(Policies.Read).WithTags("actors");
        actors.MapGet("/actors", ListActorsAsync)
            .Produces<IReadOnlyList<ActorJson>>(StatusCodes.Status200OK, "application/json")
            .WithSummary("Actors across the stored reports, most reported first; emerging=true for new ones only");
        actors.MapGet("/actors/{id}", GetActorAsync).WithSummary("One actor with its reports and events");
    }

    // The front page lists the areas in summary: at a million events, every event id of every area is 50 MB, and
    // 400 areas' timelines, corridors and deliveries another 29 MB.
    private static async Task<JsonBytesResult> ListAreasAsync(HttpContext http, SituationReader situation, IOptions<JsonOptions> json, CancellationToken cancellationToken, bool events = true, bool summary = false)
    {
        var options = json.Value.SerializerOptions;
        return new JsonBytesResult(await situation.ResponseAsync(
            EventsApi.CacheKey(http),
            snapshot =>
            {
                IReadOnlyList<AreaJson> areas = [.. snapshot.Areas.Select(a => summary ? AreaJson.Summary(a) : events ? AreaJson.From(a) : AreaJson.From(a) with { Events = [] })];
                return JsonSerializer.SerializeToUtf8Bytes(areas, options);
            },
            cancellationToken));
    }

    private static async Task<Results<Ok<AreaDetailJson>, NotFound>> GetAreaAsync(string name, SituationReader situation, CancellationToken cancellationToken)
    {
        if (await situation.GetAreaAsync(name, cancellationToken) is not { } found)
        {
            return TypedResults.NotFound();
        }

        var events = await situation.QueryEventsAsync(new EventQuery { Area = found.Area.Name, Limit = EventQuery.MaxLimit }, cancellationToken);
        return TypedResults.Ok(new AreaDetailJson(AreaJson.From(found.Area), NeedsJson.Of(found.Needs), [.. events.Items.Select(EventJson.From)]));
    }

    private static async Task<Results<ContentHttpResult, NotFound>> BriefAsync(string name, SituationReader situation, IReportStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await situation.GetAreaAsync(name, cancellationToken) is not { } found)
        {
            return TypedResults.NotFound();
        }

        var ids = found.Area.Events.ToHashSet(StringComparer.Ordinal);
        var events = (await situation.AllEventsAsync(new EventQuery { Area = found.Area.Name, Limit = EventQuery.MaxLimit }, cancellationToken))
            .Where(e => ids.Contains(e.Id))
            .Select(e => e.Merged)
            .ToList();
        var markdown = await AreaBriefs.WriteAsync(store, found.Area, events, time.GetUtcNow(), cancellationToken);
        return TypedResults.Text(markdown, "text/markdown; charset=utf-8");
    }

    private static async Task<JsonBytesResult> ListActorsAsync(HttpContext http, SituationReader situation, IOptions<JsonOptions> json, CancellationToken cancellationToken, bool emerging = false)
    {
        var options = json.Value.SerializerOptions;
        return new JsonBytesResult(await situation.ResponseAsync(
            EventsApi.CacheKey(http),
            snapshot =>
            {
                IReadOnlyList<ActorJson> actors = [.. snapshot.Actors.Where(a => !emerging || a.Emerging).Select(ActorJson.From)];
                return JsonSerializer.SerializeToUtf8Bytes(actors, options);
            },
            cancellationToken));
    }

    private static async Task<Results<Ok<ActorDetailJson>, NotFound>> GetActorAsync(string id, SituationReader situation, CancellationToken cancellationToken)
    {
        if (await situation.GetActorAsync(id, cancellationToken) is not { } actor)
        {
            return TypedResults.NotFound();
        }

        var events = await situation.QueryEventsAsync(new EventQuery { Actor = actor.Id, Limit = EventQuery.MaxLimit }, cancellationToken);
        var reports = await situation.ActorReportsAsync(actor.Id, cancellationToken);
        return TypedResults.Ok(new ActorDetailJson(ActorJson.From(actor), reports, [.. events.Items.Select(EventJson.From)]));
    }
}
