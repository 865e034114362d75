using Sitrep.Ingest;
using Sitrep.Pipeline;
using Sitrep.Server.Situation;
using Sitrep.Store;
using Sitrep.Store.Ingestion;

namespace Sitrep.Server.Ingestion;

/// <summary>
/// Ingest for the API: uploads go through the same <see cref="InputLoader"/> checks, readers and
/// <see cref="IngestService"/> as <c>sitrep ingest</c>, one request at a time (the pipeline already uses
/// every core). The pipeline and its gazetteer load on the first ingest, not at start-up.
/// </summary>
public sealed class UploadIngest(IReportStore store, SituationReader situation, ServerOptions options, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _one = new(1, 1);
    private readonly Lazy<ReportPipeline> _pipeline = new(() => DefaultPipeline.Create(PipelineResources.FromEnvironment()), LazyThreadSafetyMode.ExecutionAndPublication);

    public async Task<IngestSummary> IngestAsync(IReadOnlyList<(string Name, byte[] Content)> inputs, InputFormat format, CancellationToken cancellationToken)
    {
        await _one.WaitAsync(cancellationToken);
        try
        {
            var loader = new InputLoader(new IngestLimits { MaxFileBytes = options.MaxFileBytes }, ReportReaders.Default);
            var service = new IngestService(store, _pipeline.Value, loader, time);
            var summary = await service.IngestAsync(inputs, new IngestOptions { Format = format }, null, cancellationToken);
            if (summary.New + summary.NewVersions > 0)
            {
                situation.Invalidate();
            }

            return summary;
        }
        finally
        {
            _one.Release();
        }
    }

    public void Dispose() => _one.Dispose();
}
