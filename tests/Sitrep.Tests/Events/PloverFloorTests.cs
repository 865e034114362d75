using Sitrep.Events.Evaluation;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Events;

/// <summary>The PLOVER gold records (../shared/data/events), scored as `sitrep eval events` scores them, with CI floors.</summary>
public sealed class PloverFloorTests
{
    [Fact]
    public void PloverGold_TypeAccuracyAndActors_StayAboveTheirFloors()
    {
        var path = EventTestKit.SharedData("events", "PLOVER_GSR_CAMEO.json");
        var records = PloverRecord.Read(File.ReadAllText(path));
        Assert.Equal(322, records.Count);

        var score = EventScorer.ScorePlover(records, DefaultPipeline.Create(PipelineResources.FromEnvironment()), TimeProvider.System);

        // Measured: type 0.820 (most salient event 0.745), actors P 0.882 / R 0.812. Floors = figures minus a small margin.
        Assert.True(score.TypeAccuracy >= 0.81, $"type accuracy {score.TypeAccuracy:F3}");
        Assert.True(score.TopEventTypeAccuracy >= 0.735, $"most-salient type accuracy {score.TopEventTypeAccuracy:F3}");
        Assert.True(score.Actors.Precision >= 0.87, $"actor precision {score.Actors.Precision:F3}");
        Assert.True(score.Actors.Recall >= 0.80, $"actor recall {score.Actors.Recall:F3}");
    }
}
