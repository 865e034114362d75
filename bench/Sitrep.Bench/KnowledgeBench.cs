using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Sitrep.Store.Knowledge;
using Sitrep.Store.Sqlite;

namespace Sitrep.Bench;

/// <summary>
/// Merging events into the persisted knowledge base (SQLite file, WAL): throughput, memory and file size at
/// 10,000, 30,000 and 100,000 events, so the growth is visible. Each event is looked up in its blocks by an
/// indexed query, linked, and written; near-linear growth is the target.
/// </summary>
internal static class KnowledgeBench
{
    public static int Run(string[] args)
    {
        int[] sizes = args.Length > 0 ? [.. args.Select(a => int.Parse(a, CultureInfo.InvariantCulture))] : [10_000, 30_000, 100_000];
        double? baseline = null;
        foreach (var size in sizes)
        {
            var folder = Path.Combine(Path.GetTempPath(), "sitrep-bench-kb-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                var database = Path.Combine(folder, "kb.db");
                var events = MergeBench.Generate(size, seed: 7, numericReports: true);
                var store = SqliteReportStore.OpenAsync(database, TimeProvider.System, default).GetAwaiter().GetResult();
                StoreReports(database, size);
                var knowledge = new KnowledgeBase(store, TimeProvider.System);

                GC.Collect();
                var before = GC.GetTotalMemory(forceFullCollection: true);
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                var stopwatch = Stopwatch.StartNew();
                var update = knowledge.AddEventsAsync(events, perTransaction: 5_000, default).GetAwaiter().GetResult();
                stopwatch.Stop();
                var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
                var retained = GC.GetTotalMemory(forceFullCollection: true) - before;

                var merging = stopwatch.Elapsed.TotalSeconds;
                var rate = update.Events / merging;
                baseline ??= rate;

                stopwatch.Restart();
                var clusters = knowledge.ClustersAsync(default).GetAwaiter().GetResult();
                var reading = stopwatch.Elapsed.TotalSeconds;
                store.DisposeAsync().AsTask().GetAwaiter().GetResult();
                SqliteConnection.ClearAllPools();
                var fileMb = new DirectoryInfo(folder).GetFiles().Sum(f => f.Length) / (1024.0 * 1024.0);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"kb merge: {size,7} events -> {clusters.Count,7} clusters, {update.Links,6} links in {merging,6:F2} s = {rate,7:F0} events/s " +
                    $"(x{rate / baseline.Value:F2} of the first size's rate); allocated {allocated / (1024 * 1024),5} MB, " +
                    $"retained {retained / (1024 * 1024),4} MB; file {fileMb,6:F1} MB; all clusters read back in {reading:F2} s"));
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
            }
        }

        return 0;
    }

    // One stored report per event (the knowledge base's rows refer to reports): minimal rows, written directly.
    private static void StoreReports(string database, int count)
    {
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO reports (id, content_hash, external_id, version, format, origin, ingested_at, text)
            VALUES ($id, $hash, $id, 1, 'text', 'bench', '2026-01-01T00:00:00Z', '')
            """;
        var id = command.Parameters.Add("$id", SqliteType.Integer);
        var hash = command.Parameters.Add("$hash", SqliteType.Text);
        for (var i = 0; i < count; i++)
        {
            id.Value = i + 1;
            hash.Value = "h" + i.ToString(CultureInfo.InvariantCulture);
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
