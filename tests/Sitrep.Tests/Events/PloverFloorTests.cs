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

        // Measured: type 0.817 (most salient event 0.742), actors P 0.865 / R 0.782. Floors = figures minus a margin.
        Assert.True(score.TypeAccuracy >= 0.79, $"type accuracy {score.TypeAccuracy:F3}");
        Assert.True(score.TopEventTypeAccuracy >= 0.71, $"most-salient type accuracy {score.TopEventTypeAccuracy:F3}");
        Assert.True(score.Actors.Precision >= 0.84, $"actor precision {score.Actors.Precision:F3}");
        Assert.True(score.Actors.Recall >= 0.76, $"actor recall {score.Actors.Recall:F3}");
    }
}
