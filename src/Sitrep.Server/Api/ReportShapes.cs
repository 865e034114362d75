using System.Text.Json;
using Sitrep.Contract;
using Sitrep.Ingest;
using Sitrep.Store;
using Sitrep.Store.Ingestion;

namespace Sitrep.Server.Api;

// The JSON shapes of the report endpoints: those of `sitrep reports/show/search --json` (docs/contract.md).

public sealed record LayerCountsJson(int Times, int Quantities, int Places, int Actors, int Events, int Claims);

public sealed record ReportSummaryJson(
    long Id,
    string ExternalId,
    int Version,
    string Format,
    string? Title,
    string? Outlet,
    string? Channel,
    DateTimeOffset? Published,
    DateTimeOffset IngestedAt,
    LayerCountsJson Counts,
    string? Error)
{
    public static ReportSummaryJson From(ReportSummary r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var c = r.Counts;
        return new(r.Id.Value, r.ExternalId, r.Version, FormatName(r.Format), r.Title, r.Outlet, r.Channel, r.Published, r.IngestedAt,
            new LayerCountsJson(c.Times, c.Quantities, c.Places, c.Actors, c.Events, c.Claims), r.Error);
    }

    internal static string FormatName(InputFormat format) => format.ToString().ToLowerInvariant();
}

public sealed record ReportPageJson(long Total, int Offset, int Limit, IReadOnlyList<ReportSummaryJson> Items);

/// <summary>A stored report: its text as plain text (never HTML) and its annotations (contract offsets: code points into <c>text</c>).</summary>
public sealed record ReportJson(
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
    ContractDocument Annotations)
{
    public static ReportJson From(StoredReport r)
    {
        ArgumentNullException.ThrowIfNull(r);

        // Typed, so the server's encoder writes every string of the annotations afresh (quoted text included).
        var annotations = JsonSerializer.Deserialize<ContractDocument>(r.Annotations, ContractJson.Options)!;
        return new(r.Id.Value, r.ExternalId, r.Version, ReportSummaryJson.FormatName(r.Format), Path.GetFileName(r.Origin), r.Hash.Value, r.Title, r.Author, r.Outlet,
            r.Url, r.Channel, r.MessageId, r.ForwardedFrom, r.Published, r.Edited, r.IngestedAt, r.Pipeline, r.Error, r.Text, annotations);
    }
}

/// <summary>A piece of a search snippet; <c>match</c> marks the words that matched. Plain text, to be shown as text.</summary>
public sealed record SnippetPartJson(string Text, bool Match);

public sealed record SearchHitJson(long Id, string ExternalId, int Version, string? Title, DateTimeOffset? Published, double Score, string Snippet, IReadOnlyList<SnippetPartJson> Parts)
{
    public static SearchHitJson From(SearchHit h)
    {
        ArgumentNullException.ThrowIfNull(h);
        var parts = new List<SnippetPartJson>();
        var rest = h.Snippet;
        while (rest.Length > 0)
        {
            var start = rest.IndexOf(SearchHit.MatchStart, StringComparison.Ordinal);
            if (start < 0)
            {
                parts.Add(new SnippetPartJson(rest, false));
                break;
            }

            var end = rest.IndexOf(SearchHit.MatchEnd, start, StringComparison.Ordinal);
            end = end < 0 ? rest.Length : end;
            if (start > 0)
            {
                parts.Add(new SnippetPartJson(rest[..start], false));
            }

            parts.Add(new SnippetPartJson(rest[(start + 1)..end], true));
            rest = end + 1 < rest.Length ? rest[(end + 1)..] : string.Empty;
        }

        var marked = h.Snippet.Replace(SearchHit.MatchStart, "<mark>", StringComparison.Ordinal).Replace(SearchHit.MatchEnd, "</mark>", StringComparison.Ordinal);
        return new(h.Id.Value, h.ExternalId, h.Version, h.Title, h.Published, h.Score, marked, parts);
    }
}

public sealed record ProblemJson(string Code, string Origin, string Reason);

public sealed record FoundJson(int Sentences, int Times, int Quantities, int Places, int Actors, int Events, int Claims);

/// <summary>The outcome of an ingest request: the shape of <c>sitrep ingest --json</c> without the database path.</summary>
public sealed record IngestSummaryJson(
    int Inputs,
    int InputsFailed,
    int ReportsRead,
    int New,
    int NewVersions,
    int AlreadyStored,
    int Skipped,
    int PipelineFailures,
    FoundJson Found,
    IReadOnlyList<ProblemJson> Problems,
    double ElapsedSeconds)
{
    public static IngestSummaryJson From(IngestSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var f = s.Found;
        return new(s.Inputs, s.InputsFailed, s.ReportsRead, s.New, s.NewVersions, s.AlreadyStored, s.Skipped, s.PipelineFailures,
            new FoundJson(f.Sentences, f.Times, f.Quantities, f.Places, f.Actors, f.Events, f.Claims),
            [.. s.Problems.Select(p => new ProblemJson(p.Code, p.Origin, p.Reason))], Math.Round(s.Elapsed.TotalSeconds, 3));
    }
}
