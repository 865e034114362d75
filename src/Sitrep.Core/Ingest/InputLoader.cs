using System.Text;

namespace Sitrep.Ingest;

/// <summary>Limits on what ingest accepts.</summary>
public sealed record IngestLimits
{
    public const long DefaultMaxFileBytes = 20L * 1024 * 1024;

    public long MaxFileBytes { get; init; } = DefaultMaxFileBytes;
}

/// <summary>
/// Expands the paths a user gave (files, folders recursively, "-" for standard input), loads each input
/// within the limits, decodes it as UTF-8, and hands it to the reader for its format. Every input that
/// fails gives exactly one problem naming it and the reason; the others are read.
/// </summary>
public sealed class InputLoader(IngestLimits limits, ReportReaders readers)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The inputs named by <paramref name="paths"/>, in a stable order (folders sorted by path).</summary>
    public static IEnumerable<string> Expand(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (path == "-" || !Directory.Exists(path))
            {
                yield return path;
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                         .Where(f => !Path.GetFileName(f).StartsWith('.'))
                         .Order(StringComparer.Ordinal))
            {
                yield return file;
            }
        }
    }

    public async Task<ReadResult> LoadAsync(string path, InputFormat format, Stream? standardInput, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            if (path == "-")
            {
                using var buffer = new MemoryStream();
                await (standardInput ?? Console.OpenStandardInput()).CopyToAsync(buffer, cancellationToken);
                bytes = buffer.ToArray();
            }
            else
            {
                var info = new FileInfo(path);
                if (!info.Exists)
                {
                    return ReadResult.Failed(new IngestProblem(IngestErrors.NotFound, path, "no such file or folder"));
                }

                if (info.Length > limits.MaxFileBytes)
                {
                    return ReadResult.Failed(new IngestProblem(IngestErrors.TooLarge, path, $"file is {info.Length} bytes, over the limit of {limits.MaxFileBytes}"));
                }

                bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return ReadResult.Failed(new IngestProblem(IngestErrors.Unreadable, path, $"cannot read ({error.Message})"));
        }

        return Decode(path, bytes, format);
    }

    /// <summary>Checks and decodes bytes already in memory (standard input, uploads), then reads them.</summary>
    public ReadResult Decode(string origin, byte[] bytes, InputFormat format)
    {
        if (bytes.LongLength > limits.MaxFileBytes)
        {
            return ReadResult.Failed(new IngestProblem(IngestErrors.TooLarge, origin, $"input is {bytes.LongLength} bytes, over the limit of {limits.MaxFileBytes}"));
        }

        if (bytes.Length == 0)
        {
            return ReadResult.Failed(new IngestProblem(IngestErrors.Empty, origin, "file is empty"));
        }

        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            return ReadResult.Failed(new IngestProblem(IngestErrors.Binary, origin, "binary content (NUL bytes), not text"));
        }

        string content;
        try
        {
            content = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return ReadResult.Failed(new IngestProblem(IngestErrors.Binary, origin, "not valid UTF-8 text"));
        }

        if (content.Length > 0 && content[0] == '\uFEFF')
        {
            content = content[1..];
        }

        if (string.IsNullOrWhiteSpace(content))
        {
            return ReadResult.Failed(new IngestProblem(IngestErrors.Empty, origin, "file holds only white space"));
        }

        var reader = readers.For(format == InputFormat.Auto ? ReportReaders.Detect(origin, content) : format);
        return reader.Read(origin, content);
    }
}
