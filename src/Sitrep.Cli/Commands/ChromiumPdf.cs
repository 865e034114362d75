using System.Diagnostics;

namespace Sitrep.Cli.Commands;

/// <summary>
/// Prints an HTML file to PDF with the machine's Chromium in headless mode (Debian's <c>chromium</c>
/// package, which eng/prepare-test-env.sh installs): no browser is downloaded, nothing leaves the machine.
/// </summary>
internal static class ChromiumPdf
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>$SITREP_CHROMIUM, else /usr/bin/chromium (as the browser tests use), else the first of the usual names on PATH.</summary>
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("SITREP_CHROMIUM") is { Length: > 0 } given)
        {
            return File.Exists(given) ? given : null;
        }

        if (File.Exists("/usr/bin/chromium"))
        {
            return "/usr/bin/chromium";
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(folder => Names.Select(name => Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Prints <paramref name="html"/> to <paramref name="pdf"/>; null when it worked, else why not (with a SITREP code).</summary>
    public static async Task<string?> PrintAsync(string html, string pdf, CancellationToken cancellationToken)
    {
        if (Find() is not { } chromium)
        {
            return "SITREP-CLI-010: Chromium is needed for --pdf and was not found (apt-get install chromium, or set SITREP_CHROMIUM to its path)";
        }

        if (Path.GetDirectoryName(Path.GetFullPath(pdf)) is { } folder && !Directory.Exists(folder))
        {
            return $"SITREP-CLI-011: no folder {folder} to write the PDF in";
        }

        // A profile of its own, so a Chromium the user has open (or a parallel print) does not hold the lock.
        var profile = Directory.CreateTempSubdirectory("sitrep-chromium-");
        try
        {
            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--user-data-dir=" + profile.FullName, "--no-pdf-header-footer", "--print-to-pdf=" + Path.GetFullPath(pdf),
                new Uri(Path.GetFullPath(html)).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(argument);
            }

            File.Delete(pdf);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("SITREP-CLI-011: could not start " + chromium);
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(90));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                return $"SITREP-CLI-011: {chromium} did not finish printing within 90 s";
            }

            await Task.WhenAll(output, errors);
            return File.Exists(pdf) && new FileInfo(pdf).Length > 0
                ? null
                : $"SITREP-CLI-011: {chromium} exited with {process.ExitCode} and wrote no PDF: {LastLine(await errors)}";
        }
        finally
        {
            try
            {
                profile.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Chromium's helpers may still be letting go of the profile; it is only a temporary folder.
            }
        }
    }

    private static string LastLine(string text) => text.Trim().Split('\n').LastOrDefault()?.Trim() ?? string.Empty;
}
