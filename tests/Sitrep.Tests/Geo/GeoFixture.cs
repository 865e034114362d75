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
    public static string RepositoryRoot => Support.TestPaths.RepositoryRoot;

    /// <summary>The shared gold corpora (../shared beside the repository).</summary>
    public static string SharedData(string relative) => Support.TestPaths.Shared("data", relative);
}

[CollectionDefinition(Name)]
public sealed class GeoCollection : ICollectionFixture<GeoFixture>
{
    public const string Name = "geo";
}
