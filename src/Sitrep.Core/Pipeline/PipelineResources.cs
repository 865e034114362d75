namespace Sitrep.Pipeline;

/// <summary>
/// Where the pipeline's data files live (the prepared gazetteer, registries). Loaded once per process;
/// the stages built from them are shared by all threads.
/// </summary>
public sealed record PipelineResources
{
    /// <summary>The folder `sitrep setup` prepares (default: <c>.data</c> beside the repository root, or $SITREP_DATA).</summary>
    public required string DataDirectory { get; init; }

    public static PipelineResources FromEnvironment()
    {
        var configured = Environment.GetEnvironmentVariable("SITREP_DATA");
        return new PipelineResources { DataDirectory = string.IsNullOrWhiteSpace(configured) ? DefaultDataDirectory() : configured };
    }

    /// <summary>The repository's <c>.data</c> folder, or <c>.data</c> in the current folder outside a checkout.</summary>
    public static string DefaultDataDirectory() =>
        Path.Combine(FindRepositoryRoot() ?? Environment.CurrentDirectory, ".data");

    /// <summary>The checkout Sitrep runs from: the first folder holding <c>Sitrep.slnx</c> above the executable, or null.</summary>
    public static string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sitrep.slnx")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
