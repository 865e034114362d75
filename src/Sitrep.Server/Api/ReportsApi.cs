using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Sitrep.Ingest;
using Sitrep.Server.Ingestion;
using Sitrep.Server.Security;
using Sitrep.Store;

namespace Sitrep.Server.Api;

/// <summary>Reports: list, one with its text and annotations, full-text search, and ingest (JSON or file upload).</summary>
public static class ReportsApi
{
    public const int MaxLimit = 1000;

    public static void Map(RouteGroupBuilder api, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(options);
        var read = api.MapGroup(string.Empty).RequireAuthorization(Policies.Read).WithTags("reports");
        read.MapGet("/reports", ListAsync).WithSummary("Stored reports, most recently ingested first");
        read.MapGet("/reports/{id}", GetAsync).WithSummary("One stored report: text (plain, never HTML) and annotations (code point offsets)");
        read.MapGet("/search", SearchAsync).WithSummary("Full-text search over titles and texts, best match first");

        var write = api.MapGroup(string.Empty)
            .RequireAuthorization(Policies.Write)
            .RequireRateLimiting(RateLimits.Ingest)
            .AddEndpointFilter<CsrfFilter>()
            .WithMetadata(new BodySizeLimit(options.MaxUploadBytes))
            .WithTags("ingest");
        write.MapPost("/reports", PostJsonAsync)
            .Accepts<ReportInputJson>("application/json")
            .WithSummary("Ingest one report given as a JSON object, like one line of a JSONL input");
        write.MapPost("/reports/upload", UploadAsync)
            .DisableAntiforgery() // CsrfFilter checks cookie-signed requests; API-key scripts need no token.
            .WithSummary("Ingest uploaded files (text, Markdown, HTML, Telegram result.json, JSONL), each checked like 'sitrep ingest'");
    }

    private static async Task<Ok<ReportPageJson>> ListAsync(IReportStore store, CancellationToken cancellationToken, int offset = 0, int limit = 50)
    {
        (offset, limit) = (Math.Max(0, offset), Math.Clamp(limit, 1, MaxLimit));
        var reports = await store.ListAsync(offset + limit, cancellationToken);
        var total = await store.CountAsync(cancellationToken);
        return TypedResults.Ok(new ReportPageJson(total, offset, limit, [.. reports.Skip(offset).Select(ReportSummaryJson.From)]));
    }

    private static async Task<Results<Ok<ReportJson>, NotFound>> GetAsync(string id, IReportStore store, CancellationToken cancellationToken)
    {
        var report = ReportId.TryParse(id, out var reportId)
            ? await store.GetAsync(reportId, cancellationToken)
            : await store.GetLatestAsync(id, cancellationToken);
        return report is null ? TypedResults.NotFound() : TypedResults.Ok(ReportJson.From(report));
    }

    private static async Task<Ok<IReadOnlyList<SearchHitJson>>> SearchAsync(IReportStore store, CancellationToken cancellationToken, string q = "", int limit = 20)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return TypedResults.Ok<IReadOnlyList<SearchHitJson>>([]);
        }

        var hits = await store.SearchAsync(q, Math.Clamp(limit, 1, 200), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<SearchHitJson>>([.. hits.Select(SearchHitJson.From)]);
    }

    private static async Task<Results<Ok<IngestSummaryJson>, BadRequest<IngestSummaryJson>>> PostJsonAsync(HttpRequest request, UploadIngest ingest, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        var bytes = body.ToArray();

        // Checked exactly like a line of a JSONL file (id and text required): an indented object is first
        // written on one line; what does not parse goes to the reader as it came, which names the error.
        try
        {
            using var json = JsonDocument.Parse(bytes);
            if (json.RootElement.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                bytes = JsonSerializer.SerializeToUtf8Bytes(json.RootElement);
            }
        }
        catch (JsonException)
        {
            // The reader reports SITREP-INGEST-005 with the position.
        }

        var summary = IngestSummaryJson.From(await ingest.IngestAsync([("request.jsonl", bytes)], InputFormat.Jsonl, cancellationToken));
        return summary.Problems.Count > 0 && summary.New + summary.NewVersions + summary.AlreadyStored == 0
            ? TypedResults.BadRequest(summary)
            : TypedResults.Ok(summary);
    }

    private static async Task<Results<Ok<IngestSummaryJson>, BadRequest<ProblemDetails>>> UploadAsync(IFormFileCollection files, UploadIngest ingest, CancellationToken cancellationToken)
    {
        if (files.Count == 0)
        {
            return TypedResults.BadRequest(new ProblemDetails { Detail = "SITREP-API-001: no files in the upload (multipart/form-data, one part per file)" });
        }

        var inputs = new List<(string Name, byte[] Content)>(files.Count);
        foreach (var file in files)
        {
            using var content = new MemoryStream();
            await file.CopyToAsync(content, cancellationToken);
            inputs.Add((Path.GetFileName(file.FileName), content.ToArray()));
        }

        return TypedResults.Ok(IngestSummaryJson.From(await ingest.IngestAsync(inputs, InputFormat.Auto, cancellationToken)));
    }
}

/// <summary>One report to ingest, as one line of a JSONL input (README, "What goes in").</summary>
public sealed record ReportInputJson(string Id, string Text, string? Published, string? Url, string? Source, string? Title);
