using Sitrep.Contract;
using Sitrep.Documents;
using Sitrep.Ingest;
using Sitrep.Pipeline;

namespace Sitrep.Store.Ingestion;

public sealed record IngestOptions
{
    public InputFormat Format { get; init; } = InputFormat.Auto;

    /// <summary>
    /// Reports per transaction. A crash loses at most the batch in flight, and a re-run skips every
    /// batch already committed; larger batches amortise the commit (an fsync of the WAL).
    /// </summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>The publication date of reports whose input carries none (a folder of clipped articles from one day).</summary>
    public DateTimeOffset? FallbackPublished { get; init; }

    /// <summary>Full paths never read as inputs (the database itself and its -wal/-shm files, when a user ingests ".").</summary>
    public IReadOnlySet<string> Exclude { get; init; } = new HashSet<string>();
}

/// <summary>
/// Ingest from paths to the store: expand the paths, read each input, run the pipeline over the reports
/// not stored yet (in parallel), and write them in batch transactions. Used by <c>sitrep ingest</c> and
/// meant for a server's upload endpoint too.
/// </summary>
/// <remarks>
/// Nothing is lost silently: an unreadable input is a problem with a stable code; a report on which the
/// pipeline fails is stored with its text, the annotations made before the failure and the error.
/// </remarks>
public sealed class IngestService(IReportStore store, ReportPipeline pipeline, InputLoader loader, TimeProvider time)
{
    private readonly string _pipelineStamp = Stamp(pipeline);

    public async Task<IngestSummary> IngestAsync(
        IReadOnlyList<string> paths,
        IngestOptions options,
        IIngestObserver? observer,
        Stream? standardInput,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        var inputs = InputLoader.Expand(paths).Where(p => p == "-" || !options.Exclude.Contains(Path.GetFullPath(p))).ToList();
        return await RunAsync(inputs, i => loader.LoadAsync(inputs[i], options.Format, standardInput, cancellationToken), options, observer, cancellationToken);
    }

    /// <summary>
    /// Ingests inputs already in memory (a server's uploads), each checked and read exactly like a file:
    /// <see cref="InputLoader.Decode"/> with the upload's name as its origin.
    /// </summary>
    public async Task<IngestSummary> IngestAsync(
        IReadOnlyList<(string Name, byte[] Content)> uploads,
        IngestOptions options,
        IIngestObserver? observer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uploads);
        ArgumentNullException.ThrowIfNull(options);
        var names = uploads.Select(u => u.Name).ToList();
        return await RunAsync(names, i => Task.FromResult(loader.Decode(uploads[i].Name, uploads[i].Content, options.Format)), options, observer, cancellationToken);
    }

    private async Task<IngestSummary> RunAsync(
        List<string> inputs,
        Func<int, Task<ReadResult>> load,
        IngestOptions options,
        IIngestObserver? observer,
        CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var run = new Run(observer);
        var pending = new List<SourceReport>();

        for (var i = 0; i < inputs.Count; i++)
        {
            var read = await load(i);
            foreach (var problem in read.Problems)
            {
                run.Problems.Add(problem);
                observer?.OnProblem(problem);
            }

            run.InputsFailed += read.Problems.Count > 0 ? 1 : 0;
            run.Skipped += read.Skipped;
            run.ReportsRead += read.Reports.Count;
            pending.AddRange(options.FallbackPublished is { } fallback
                ? read.Reports.Select(r => r.Published is null ? r with { Published = fallback } : r)
                : read.Reports);

            while (pending.Count >= options.BatchSize)
            {
                await FlushAsync(pending.GetRange(0, options.BatchSize), run, cancellationToken);
                pending.RemoveRange(0, options.BatchSize);
                var ofThisInput = 1 - ((double)Math.Min(pending.Count, read.Reports.Count) / read.Reports.Count);
                observer?.OnProgress(new IngestProgress(i, inputs.Count, run.Done, pending.Count, inputs[i]) { Completed = (i + ofThisInput) / inputs.Count });
            }

            observer?.OnProgress(new IngestProgress(i + 1, inputs.Count, run.Done, pending.Count, inputs[i]) { Completed = (i + 1.0) / inputs.Count });
        }

        await FlushAsync(pending, run, cancellationToken);
        await run.Writing;
        observer?.OnProgress(new IngestProgress(inputs.Count, inputs.Count, run.Done, 0, null) { Completed = 1 });

        return new IngestSummary
        {
            Inputs = inputs.Count,
            InputsFailed = run.InputsFailed,
            ReportsRead = run.ReportsRead,
            New = run.New,
            NewVersions = run.NewVersions,
            AlreadyStored = run.AlreadyStored,
            Skipped = run.Skipped,
            PipelineFailures = run.PipelineFailures,
            Problems = run.Problems,
            Found = run.Found,
            Elapsed = time.GetElapsedTime(started),
        };
    }

    /// <summary>
    /// Prepares a batch (hashes, pipeline, contract JSON: parallel CPU work) while the previous batch is
    /// still being written, then starts writing it. The store writes on one thread; the pipeline keeps
    /// the other cores busy meanwhile. At most one batch is in flight, so a crash loses at most that one.
    /// </summary>
    private async Task FlushAsync(List<SourceReport> batch, Run run, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var prepared = await PrepareAsync(batch, run, cancellationToken);
        await run.Writing;
        run.Writing = WriteAsync(prepared, run, cancellationToken);
    }

    private async Task<PreparedBatch> PrepareAsync(List<SourceReport> batch, Run run, CancellationToken cancellationToken)
    {
        var hashes = new ContentHash[batch.Count];
        Parallel.For(0, batch.Count, i => hashes[i] = ContentHash.Of(batch[i].ExternalId, batch[i].Text));
        var stored = await store.FindStoredAsync(hashes.Distinct().ToList(), cancellationToken);

        // Only content not stored yet goes through the pipeline: a re-run after a crash is quick.
        var fresh = new List<(SourceReport Report, ContentHash Hash)>();
        var seen = new HashSet<ContentHash>();
        var alreadyStored = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            if (stored.Contains(hashes[i]) || !seen.Add(hashes[i]))
            {
                alreadyStored++;
                continue;
            }

            fresh.Add((batch[i], hashes[i]));
        }

        var documents = fresh.Select(f => f.Report.ToDocument()).ToList();
        var results = PipelineRunner.RunMany(pipeline, documents, cancellationToken);
        var records = new ReportToStore[results.Count];
        var found = new FoundCounts[results.Count];
        Parallel.For(
            0,
            results.Count,
            new ParallelOptions { CancellationToken = cancellationToken },
            i =>
            {
                records[i] = ToRecord(fresh[i].Report, fresh[i].Hash, results[i]);
                found[i] = Count(results[i].Document);
            });

        return new PreparedBatch(records, found, alreadyStored);
    }

    /// <summary>Writes one prepared batch in one transaction, then counts it (batches are counted in order, one at a time).</summary>
    private async Task WriteAsync(PreparedBatch batch, Run run, CancellationToken cancellationToken)
    {
        var saved = await store.SaveBatchAsync(batch.Records, cancellationToken);
        run.AlreadyStored += batch.AlreadyStored;
        for (var i = 0; i < saved.Count; i++)
        {
            switch (saved[i].Outcome)
            {
                case SaveOutcome.AlreadyStored:
                    run.AlreadyStored++;
                    continue;
                case SaveOutcome.New:
                    run.New++;
                    break;
                case SaveOutcome.NewVersion:
                    run.NewVersions++;
                    break;
            }

            run.Found = run.Found.Add(batch.Found[i]);
            if (batch.Records[i].Error is { } error)
            {
                run.PipelineFailures++;
                run.Observer?.OnPipelineFailure(batch.Records[i].Source.ExternalId, error);
            }
        }
    }

    private sealed record PreparedBatch(ReportToStore[] Records, FoundCounts[] Found, int AlreadyStored);

    private ReportToStore ToRecord(SourceReport report, ContentHash hash, PipelineResult result)
    {
        var (annotations, error) = Annotations(report, result);
        return new ReportToStore { Source = report, Hash = hash, Annotations = annotations, Pipeline = _pipelineStamp, Error = error };
    }

    /// <summary>The contract document to store for a pipeline result, and the pipeline's error if it failed.</summary>
    internal static (string Annotations, string? Error) Annotations(SourceReport report, PipelineResult result)
    {
        var error = result.Succeeded
            ? null
            : $"{IngestErrors.PipelineFailed}: stage '{result.FailedStage}' failed ({result.Error!.GetType().Name}: {result.Error.Message}); text stored without its annotations from that stage on";
        try
        {
            return (ContractJson.Serialize(ContractMapper.Map(result.Document, includeText: false) with { Error = error }), error);
        }
        catch (Exception) when (!result.Succeeded)
        {
            // A stage that failed half-way may leave spans the mapper cannot project; keep the report and the first error.
            return (ContractJson.Serialize(ContractMapper.Map(new ReportDocument(report.ExternalId, report.Text, null), includeText: false) with { Error = error }), error);
        }
    }

    /// <summary>How a pipeline names itself in the store: its stages and versions.</summary>
    internal static string Stamp(ReportPipeline pipeline) => string.Join(' ', pipeline.Stages.Select(s => $"{s.Name}@{s.Version}"));

    private static FoundCounts Count(ReportDocument document) => new(
        document.Sentences.Count,
        document.Times.Count,
        document.Quantities.Count,
        document.Places.Count,
        document.Actors.Count,
        document.Events.Count,
        document.Claims.Count);

    /// <summary>Counters of one run, touched by one batch write at a time.</summary>
    private sealed class Run(IIngestObserver? observer)
    {
        public IIngestObserver? Observer { get; } = observer;

        public List<IngestProblem> Problems { get; } = [];

        public int InputsFailed { get; set; }

        public int ReportsRead { get; set; }

        public int Skipped { get; set; }

        public int New { get; set; }

        public int NewVersions { get; set; }

        public int AlreadyStored { get; set; }

        public int PipelineFailures { get; set; }

        public FoundCounts Found { get; set; } = FoundCounts.None;

        /// <summary>The batch being written, if any.</summary>
        public Task Writing { get; set; } = Task.CompletedTask;

        public int Done => New + NewVersions + AlreadyStored;
    }
}
