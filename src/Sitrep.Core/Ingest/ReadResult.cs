namespace Sitrep.Ingest;

/// <summary>What reading one input produced: reports, problems (per file or per record), and records skipped on purpose.</summary>
public sealed record ReadResult(IReadOnlyList<SourceReport> Reports, IReadOnlyList<IngestProblem> Problems, int Skipped = 0)
{
    public static ReadResult Failed(IngestProblem problem) => new([], [problem]);
}
