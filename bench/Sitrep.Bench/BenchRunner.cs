namespace Sitrep.Bench;

internal static class BenchRunner
{
    private static readonly Dictionary<string, Func<string[], int>> Suites = new(StringComparer.Ordinal)
    {
        ["pipeline"] = PipelineBench.Run,
        ["merge"] = MergeBench.Run,
        ["kb"] = KnowledgeBench.Run,
        ["geo"] = GeoBench.Run,
        ["ingest"] = IngestBench.Run,
        ["ingest-pg"] = PostgresIngestBench.Run,
        ["ingest-pg-worker"] = PostgresIngestBench.Worker,
        ["events"] = EventsBench.Run,
        ["time"] = TimeBench.Run,
        ["extract"] = ExtractBench.Run,
        ["stages"] = StagesBench.Run,
        ["api"] = ApiBench.Run,
        ["dashboard"] = DashboardBench.Run,
    };

    public static int Run(string[] args)
    {
        if (args.Length == 0 || !Suites.TryGetValue(args[0], out var suite))
        {
            Console.Error.WriteLine($"usage: bench <{string.Join("|", Suites.Keys)}> [options]");
            return 2;
        }

        return suite(args[1..]);
    }
}
