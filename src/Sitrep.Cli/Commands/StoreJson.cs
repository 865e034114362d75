using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Sitrep.Ingest;
using Sitrep.Store;
using Sitrep.Store.Ingestion;

namespace Sitrep.Cli.Commands;

// The --json shapes of ingest, reports, show and search (docs/contract.md, "Store commands"). Public
// shapes: add fields, never rename or remove them.

internal sealed record ReportSummaryJson(
    long Id,
    string ExternalId,
    int Version,
    string Format,
    string? Title,
    string? Outlet,
    string? Channel,
    DateTimeOffset? Published,
    DateTimeOffset IngestedAt,
    LayerCounts Counts,
    string? Error)
{
    public static ReportSummaryJson From(ReportSummary r) =>
        new(r.Id.Value, r.ExternalId, r.Version, FormatName(r.Format), r.Title, r.Outlet, r.Channel, r.Published, r.IngestedAt, r.Counts, r.Error);

    internal static string FormatName(InputFormat format) => format.ToString().ToLowerInvariant();
}

internal sealed record StoredReportJson(
    long Id,
    string ExternalId,
    int Version,
    string Format,
    string Origin,
    string Hash,
    string? Title,
    string? Author,
    string? Outlet,
    string? Url,
    string? Channel,
    long? MessageId,
    string? ForwardedFrom,
    DateTimeOffset? Published,
    DateTimeOffset? Edited,
    DateTimeOffset IngestedAt,
    string Pipeline,
    string? Error,
    string Text,
    JsonElement Annotations)
{
    public static StoredReportJson From(StoredReport r, JsonElement annotations) => new(
        r.Id.Value, r.ExternalId, r.Version, ReportSummaryJson.FormatName(r.Format), r.Origin, r.Hash.Value, r.Title, r.Author, r.Outlet,
        r.Url, r.Channel, r.MessageId, r.ForwardedFrom, r.Published, r.Edited, r.IngestedAt, r.Pipeline, r.Error, r.Text, annotations);

    /// <summary>Stored reports whose text is nearly the same (syndicated copies, reposts).</summary>
    public IReadOnlyList<NearDuplicateJson> NearDuplicates { get; init; } = [];
}

internal sealed record NearDuplicateJson(long Id, double Similarity);

internal sealed record SearchHitJson(long Id, string ExternalId, int Version, string? Title, DateTimeOffset? Published, double Score, string Snippet)
{
    public static SearchHitJson From(SearchHit h) => new(
        h.Id.Value, h.ExternalId, h.Version, h.Title, h.Published, h.Score,
        h.Snippet.Replace(SearchHit.MatchStart, "<mark>", StringComparison.Ordinal).Replace(SearchHit.MatchEnd, "</mark>", StringComparison.Ordinal));
}

internal sealed record ProblemJson(string Code, string Origin, string Reason);

internal sealed record IngestSummaryJson(
    string Database,
    int Inputs,
    int InputsFailed,
    int ReportsRead,
    int New,
    int NewVersions,
    int AlreadyStored,
    int Skipped,
    int PipelineFailures,
    FoundCounts Found,
    IReadOnlyList<ProblemJson> Problems,
    double ElapsedSeconds)
{
    public static IngestSummaryJson From(string database, IngestSummary s) => new(
        database, s.Inputs, s.InputsFailed, s.ReportsRead, s.New, s.NewVersions, s.AlreadyStored, s.Skipped, s.PipelineFailures, s.Found,
        [.. s.Problems.Select(p => new ProblemJson(p.Code, p.Origin, p.Reason))], Math.Round(s.Elapsed.TotalSeconds, 3));
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(IReadOnlyList<ReportSummaryJson>))]
[JsonSerializable(typeof(StoredReportJson))]
[JsonSerializable(typeof(IReadOnlyList<SearchHitJson>))]
[JsonSerializable(typeof(IngestSummaryJson))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;

internal static class StoreJson
{
    /// <summary>Non-ASCII text is written as is (readable), as in the extract contract.</summary>
    public static readonly StoreJsonContext Context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
