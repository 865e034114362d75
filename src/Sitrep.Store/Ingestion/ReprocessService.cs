using Sitrep.Documents;
using Sitrep.Ingest;
using Sitrep.Pipeline;

namespace Sitrep.Store.Ingestion;

/// <summary>What a reprocessing run did.</summary>
public sealed record ReprocessSummary(int Reports, int Failures);

/// <summary>
/// Runs the current pipeline again over stored reports (after the extractors improve) and replaces their
/// annotations. Text and metadata stay as stored; the knowledge base is rebuilt from the new annotations
/// by the caller, and analysts' decisions, keyed by event keys, are replayed over it.
/// </summary>
public sealed class ReprocessService(IReportStore store, ReportPipeline pipeline)
{
    private const int ChunkSize = 256;

    public async Task<ReprocessSummary> ReprocessAsync(CancellationToken cancellationToken)
    {
        var stamp = IngestService.Stamp(pipeline);
        var ids = (await store.ListAsync(int.MaxValue, cancellationToken)).Select(s => s.Id).OrderBy(id => id.Value).ToList();
        var failures = 0;
        foreach (var chunk in ids.Chunk(ChunkSize))
        {
            var reports = new List<SourceReport>(chunk.Length);
            var stored = new List<ReportId>(chunk.Length);
            foreach (var id in chunk)
            {
                if (await store.GetAsync(id, cancellationToken) is { } report)
                {
                    reports.Add(ToSource(report));
                    stored.Add(id);
                }
            }

            var results = PipelineRunner.RunMany(pipeline, [.. reports.Select(r => r.ToDocument())], cancellationToken);
            for (var i = 0; i < results.Count; i++)
            {
                var (annotations, error) = IngestService.Annotations(reports[i], results[i]);
                failures += error is null ? 0 : 1;
                await store.ReplaceAnnotationsAsync(stored[i], stamp, annotations, error, cancellationToken);
            }
        }

        return new ReprocessSummary(ids.Count, failures);
    }

    private static SourceReport ToSource(StoredReport report) => new()
    {
        ExternalId = report.ExternalId,
        Text = report.Text,
        Format = report.Format,
        Origin = report.Origin,
        Published = report.Published,
        Edited = report.Edited,
        MessageId = report.MessageId,
        Metadata = new ReportMetadata
        {
            Title = report.Title,
            Author = report.Author,
            Outlet = report.Outlet,
            Url = report.Url,
            Channel = report.Channel,
            ForwardedFrom = report.ForwardedFrom,
        },
    };
}
