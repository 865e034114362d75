using Sitrep.Pipeline;

namespace Sitrep.Tests.Support;

/// <summary>Where tests find the repository (the folder holding Sitrep.slnx) and ../shared beside it.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = PipelineResources.FindRepositoryRoot()
        ?? throw new InvalidOperationException("Sitrep.slnx not found above " + AppContext.BaseDirectory);

    /// <summary>A path under ../shared beside the repository (gold corpora, the seed).</summary>
    public static string Shared(params string[] parts) => Path.GetFullPath(Path.Combine([RepositoryRoot, "..", "shared", .. parts]));
}
