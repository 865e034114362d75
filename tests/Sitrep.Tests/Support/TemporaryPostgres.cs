using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Sitrep.Tests.Support;

/// <summary>
/// A real PostgreSQL server for the tests and the benchmarks (bench/Sitrep.Bench links this file), started from the machine's binaries in a temporary cluster
/// (<c>initdb</c>, <c>pg_ctl</c>) on a free loopback port, its unix socket in the same temporary folder,
/// and stopped and removed at the end. Tests get a database each from <see cref="CreateDatabaseAsync"/>.
/// </summary>
/// <remarks>
/// PostgreSQL refuses to run as root: as root, the binaries run as the <c>postgres</c> system user,
/// which owns the folder. Durability is switched off (<c>fsync</c>, <c>full_page_writes</c>): the tests
/// kill clients, never the server. Without PostgreSQL binaries the tests fail, saying how to install
/// them; they are never skipped silently.
/// </remarks>
public sealed class TemporaryPostgres : IAsyncDisposable
{
    private const string Superuser = "postgres";
    private static readonly string Parent = Path.Combine(Path.GetTempPath(), "sitrep-pg");
    private readonly string _root = Path.Combine(Parent, Guid.NewGuid().ToString("N")[..12]);
    private string _bin = "";
    private bool _started;

    public int Port { get; private set; }

    private string Data => Path.Combine(_root, "data");

    /// <summary>The connection string of <paramref name="database"/> on this server, as a user would pass it to <c>--db</c>.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Database = database,
    }.ToString();

    /// <summary>Makes the cluster and starts the server; throws, saying what to install, when PostgreSQL is missing.</summary>
    public async Task StartAsync()
    {
        _bin = FindBinaries() ?? throw new InvalidOperationException(
            "SITREP-TEST-001: PostgreSQL server binaries (initdb, pg_ctl) not found: looked at $SITREP_PG_BIN, 'pg_config --bindir', "
            + "/usr/lib/postgresql/*/bin and /usr/local/bin. Install them ('apt-get install -y postgresql'; eng/prepare-test-env.sh does it).");
        await RemoveAbandonedClustersAsync();
        // The owner file comes first and lives beside the cluster, so a cleanup by another run never sees a cluster without its owner.
        Directory.CreateDirectory(Parent);
        await File.WriteAllTextAsync(_root + ".pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(_root);
        if (IsRoot)
        {
            await RunAsync("chown", ["-R", Superuser + ":", _root], asPostgres: false);
        }

        await RunAsync(Path.Combine(_bin, "initdb"), ["-D", Data, "-U", Superuser, "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"]);

        // A free port can be taken between asking and binding: try a few.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            try
            {
                await RunAsync(Path.Combine(_bin, "pg_ctl"),
                [
                    "-D", Data, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "120", "start", "-o",
                    $"-p {Port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=200",
                ]);
                _started = true;
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Port taken meanwhile; pg_ctl said so in the log.
            }
        }
    }

    /// <summary>A new, empty database; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = (prefix + "_" + Guid.NewGuid().ToString("N")[..10]).ToLowerInvariant();
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_started)
        {
            await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Data, "-w", "-m", "immediate", "stop"]);
        }

        TryDelete(_root);
        File.Delete(_root + ".pid");
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static string? FindBinaries()
    {
        static bool Has(string? folder) => folder is not null && File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl"));

        var candidates = new List<string?> { Environment.GetEnvironmentVariable("SITREP_PG_BIN"), PgConfigBinDir() };
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        candidates.Add("/usr/local/bin");
        return candidates.FirstOrDefault(Has);
    }

    private static string? PgConfigBinDir()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pg_config", "--bindir") { RedirectStandardOutput = true, RedirectStandardError = true });
            var output = process!.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no pg_config on the PATH
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Clusters left by a test run that was killed (its owner process is gone): stopped and removed.</summary>
    private async Task RemoveAbandonedClustersAsync()
    {
        if (!Directory.Exists(Parent))
        {
            return;
        }

        foreach (var owner in Directory.GetFiles(Parent, "*.pid"))
        {
            if (int.TryParse(File.ReadAllText(owner), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && IsAlive(pid))
            {
                continue;
            }

            var folder = owner[..^".pid".Length];
            if (File.Exists(Path.Combine(folder, "data", "postmaster.pid")))
            {
                try
                {
                    await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(folder, "data"), "-m", "immediate", "stop"]);
                }
                catch (InvalidOperationException)
                {
                    // Not running any more.
                }
            }

            TryDelete(folder);
            File.Delete(owner);
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Removed by the OS temp cleaner or the next run's RemoveAbandonedClustersAsync.
        }
    }

    /// <summary>Runs a tool (as the postgres user when this process is root); its output is in the exception when it fails.</summary>
    private static async Task RunAsync(string file, string[] arguments, bool asPostgres = true)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres && IsRoot)
        {
            start.FileName = "runuser";
            foreach (var argument in (string[])["-u", Superuser, "--", file])
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = file;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + file);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await stdout}{await stderr}");
        }
    }
}
