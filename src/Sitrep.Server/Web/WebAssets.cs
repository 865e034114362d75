using System.Diagnostics;
using System.Security.Cryptography;

namespace Sitrep.Server.Web;

/// <summary>
/// The dashboard's front-end libraries and map shapes: the pinned npm packages of <c>eng/web</c>
/// (Leaflet, its marker clusters, topojson-client, Natural Earth's <c>world-atlas</c>), installed with
/// <c>npm ci</c> into <c>DATA/web</c> and served by Sitrep itself under <c>/lib/</c>. Never a CDN.
/// </summary>
public static class WebAssets
{
    /// <summary>URL folder -> folder inside node_modules: only these are served.</summary>
    public static IReadOnlyList<(string Url, string Folder)> Served { get; } =
    [
        ("/lib/leaflet", "leaflet/dist"),
        ("/lib/markercluster", "leaflet.markercluster/dist"),
        ("/lib/topojson", "topojson-client/dist"),
        ("/lib/world-atlas", "world-atlas"),
    ];

    public static string Folder(string dataDirectory) => Path.Combine(dataDirectory, "web");

    public static string Modules(string dataDirectory) => Path.Combine(Folder(dataDirectory), "node_modules");

    public static bool IsInstalled(string dataDirectory, string repositoryRoot)
    {
        var stamp = Path.Combine(Folder(dataDirectory), ".installed");
        return File.Exists(stamp) && File.ReadAllText(stamp) == LockHash(repositoryRoot);
    }

    /// <summary>True when every served folder exists (installed, whether or not from this checkout's lock).</summary>
    public static bool IsPresent(string dataDirectory) =>
        Served.All(s => Directory.Exists(Path.Combine(Modules(dataDirectory), s.Folder)));

    /// <summary>Installs the packages of <c>eng/web</c> with <c>npm ci</c> unless the installed lock is the current one.</summary>
    /// <exception cref="InvalidOperationException">SITREP-WEB-001: npm is missing or failed.</exception>
    public static async Task EnsureInstalledAsync(string dataDirectory, string repositoryRoot, Action<string> log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (IsInstalled(dataDirectory, repositoryRoot))
        {
            log("setup: dashboard libraries already installed");
            return;
        }

        var target = Folder(dataDirectory);
        log($"setup: installing the dashboard's libraries from eng/web into {target} (npm ci)...");
        Directory.CreateDirectory(target);
        foreach (var file in new[] { "package.json", "package-lock.json", ".npmrc" })
        {
            File.Copy(Path.Combine(repositoryRoot, "eng", "web", file), Path.Combine(target, file), overwrite: true);
        }

        var start = new ProcessStartInfo("npm")
        {
            WorkingDirectory = target,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "ci", "--prefix", target, "--ignore-scripts", "--no-audit", "--no-fund" })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("SITREP-WEB-001: could not start npm");
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new InvalidOperationException("SITREP-WEB-001: npm is needed to install the dashboard's libraries (Debian: apt-get install npm)", error);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            await output;
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"SITREP-WEB-001: npm ci failed in {target}: {(await errors).Trim()}");
            }
        }

        await File.WriteAllTextAsync(Path.Combine(target, ".installed"), LockHash(repositoryRoot), cancellationToken);
    }

    private static string LockHash(string repositoryRoot) =>
        Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(repositoryRoot, "eng", "web", "package-lock.json"))))[..16];
}
