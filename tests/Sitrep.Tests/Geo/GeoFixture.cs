using Sitrep.Geo.Gazetteer;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Geo;

/// <summary>The real gazetteer, prepared by eng/prepare-test-env.sh (./sitrep setup), loaded once for all geo tests.</summary>
public sealed class GeoFixture
{
    public GeoFixture()
    {
        Resources = PipelineResources.FromEnvironment();
        Gazetteer = GazetteerCache.Get(Resources.DataDirectory);
        Pipeline = DefaultPipeline.Create(Resources);
    }

    public PipelineResources Resources { get; }

    public PlaceGazetteer Gazetteer { get; }

    public ReportPipeline Pipeline { get; }

    /// <summary>The repository root (the folder holding Sitrep.slnx).</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Sitrep.slnx")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Sitrep.slnx not found above the test binaries");
        }
    }

    /// <summary>The shared gold corpora (../shared beside the repository).</summary>
    public static string SharedData(string relative) => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data", relative));
}

[CollectionDefinition(Name)]
public sealed class GeoCollection : ICollectionFixture<GeoFixture>
{
    public const string Name = "geo";
}
