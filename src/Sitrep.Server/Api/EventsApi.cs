using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Sitrep.Server.Export;
using Sitrep.Server.Security;
using Sitrep.Server.Situation;

namespace Sitrep.Server.Api;

/// <summary>Merged events: filtered pages, one in full with each report's evidence, and exports (ACLED-style CSV, GeoJSON).</summary>
public static class EventsApi
{
    /// <summary>Most events one export returns.</summary>
    public const int MaxExport = 1_000_000;

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var read = api.MapGroup(string.Empty).RequireAuthorization(Policies.Read).WithTags("events");
        read.MapGet("/events", ListAsync)
            .Produces<EventPageJson>(StatusCodes.Status200OK, "application/json")
            .WithSummary("Merged events, newest first; every filter given must hold");

        // The responses as docs/openapi.json has always listed them, now that the handlers send cached bytes.
        read.MapGet("/events/histogram", HistogramAsync)
            .Produces<IReadOnlyList<MonthCountJson>>(StatusCodes.Status200OK, "application/json")
            .Produces<string>(StatusCodes.Status400BadRequest, "application/json")
            .WithSummary("Events per month (earliest reported date) for the filters other than since/until: the dashboard's timeline");
        read.MapGet("/events/{id}", GetAsync)
            .Produces<EventDetailJson>(StatusCodes.Status200OK, "application/json")
            .Produces(StatusCodes.Status404NotFound)
            .WithSummary("One merged event: every reported value with its sources, the merge reasons, each report's evidence span");
        read.MapGet("/events.csv", CsvAsync)
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .WithSummary("The filtered events as CSV with ACLED's export columns");
        read.MapGet("/events.geojson", GeoJsonAsync)
            .Produces<string>(StatusCodes.Status200OK, "application/geo+json")
            .WithSummary("The filtered events with coordinates as a GeoJSON FeatureCollection of points");
    }

    private static async Task<Results<JsonBytesResult, BadRequest<string>>> ListAsync(
        HttpContext http,
        SituationReader situation,
        IOptions<JsonOptions> json,
        CancellationToken cancellationToken,
        string? type = null,
        string? actor = null,
        string? area = null,
        string? since = null,
        string? until = null,
        string? source = null,
        string? modality = null,
        string? q = null,
        string? review = null,
        int offset = 0,
        int limit = EventQuery.DefaultLimit)
    {
        if (Query(type, actor, area, since, until, source, modality, q, review, offset, Math.Clamp(limit, 1, EventQuery.MaxLimit)) is not { } query)
        {
            return TypedResults.BadRequest(BadDate);
        }

        var options = json.Value.SerializerOptions;
        return new JsonBytesResult(await situation.ResponseAsync(
            CacheKey(http), snapshot => EventPageWriter.Write(snapshot.Index.Page(query), query.Offset, query.Limit, options), cancellationToken));
    }

    private static async Task<JsonBytesResult> HistogramAsync(
        HttpContext http,
        SituationReader situation,
        IOptions<JsonOptions> json,
        CancellationToken cancellationToken,
        string? type = null,
        string? actor = null,
        string? area = null,
        string? source = null,
        string? modality = null,
        string? q = null,
        string? review = null)
    {
        var query = Query(type, actor, area, null, null, source, modality, q, review, 0, MaxExport)!;
        var options = json.Value.SerializerOptions;
        return new JsonBytesResult(await situation.ResponseAsync(
            CacheKey(http),
            snapshot =>
            {
                IReadOnlyList<MonthCountJson> months =
                [
                    .. snapshot.Index.Months(query).Select(m => new MonthCountJson(
                        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{m.Year:D4}-{m.Month:D2}"), m.Count)),
                ];
                return JsonSerializer.SerializeToUtf8Bytes(months, options);
            },
            cancellationToken));
    }

    private static async Task<IResult> GetAsync(string id, HttpContext http, SituationReader situation, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var options = json.Value.SerializerOptions;
        var body = await situation.ResponseAsync(
            CacheKey(http),
            snapshot => snapshot.EventsById.GetValueOrDefault(id) is { } e ? JsonSerializer.SerializeToUtf8Bytes(EventDetailJson.From(e), options) : [],
            cancellationToken);
        return body.Length > 0 ? new JsonBytesResult(body) : TypedResults.NotFound();
    }

    /// <summary>What a read's response is cached under (<see cref="SituationReader.ResponseAsync"/>): it depends on nothing else.</summary>
    internal static string CacheKey(HttpContext http) => string.Concat(http.Request.Path.Value, http.Request.QueryString.Value);

    private static async Task<IResult> CsvAsync(
        SituationReader situation,
        CancellationToken cancellationToken,
        string? type = null,
        string? actor = null,
        string? area = null,
        string? since = null,
        string? until = null,
        string? source = null,
        string? modality = null,
        string? q = null,
        string? review = null)
    {
        if (Query(type, actor, area, since, until, source, modality, q, review, 0, MaxExport) is not { } query)
        {
            return TypedResults.BadRequest(BadDate);
        }

        var matching = (await situation.AllEventsAsync(query, cancellationToken)).Take(MaxExport);
        var actors = (await situation.ListActorsAsync(emergingOnly: false, cancellationToken)).ToDictionary(a => a.Id, StringComparer.Ordinal);
        return TypedResults.Text(AcledCsv.Write(matching, actors), "text/csv; charset=utf-8");
    }

    private static async Task<IResult> GeoJsonAsync(
        SituationReader situation,
        CancellationToken cancellationToken,
        string? type = null,
        string? actor = null,
        string? area = null,
        string? since = null,
        string? until = null,
        string? source = null,
        string? modality = null,
        string? q = null,
        string? review = null)
    {
        if (Query(type, actor, area, since, until, source, modality, q, review, 0, MaxExport) is not { } query)
        {
            return TypedResults.BadRequest(BadDate);
        }

        var matching = (await situation.AllEventsAsync(query, cancellationToken)).Take(MaxExport);
        return TypedResults.Text(EventsGeoJson.Write(matching), "application/geo+json; charset=utf-8");
    }

    private const string BadDate = "SITREP-API-002: 'since' and 'until' are dates, YYYY-MM-DD";

    private static EventQuery? Query(string? type, string? actor, string? area, string? since, string? until, string? source, string? modality, string? q, string? review, int offset, int limit)
    {
        DateOnly? from = null, to = null;
        if (since is not null)
        {
            if (!DateOnly.TryParseExact(since, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d))
            {
                return null;
            }

            from = d;
        }

        if (until is not null)
        {
            if (!DateOnly.TryParseExact(until, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d))
            {
                return null;
            }

            to = d;
        }

        return new EventQuery
        {
            Type = Blank(type),
            Actor = Blank(actor),
            Area = Blank(area),
            Since = from,
            Until = to,
            Source = Blank(source),
            Modality = Blank(modality),
            Text = Blank(q),
            Review = Blank(review),
            Offset = Math.Max(0, offset),
            Limit = limit,
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
