using Sitrep.Text;

namespace Sitrep.Pipeline;

/// <summary>
/// The pipeline Sitrep runs: the one place where the stages are put in order. Stages that need loaded
/// resources (gazetteer, actor registry) get them from <see cref="PipelineResources"/>.
/// </summary>
public static class DefaultPipeline
{
    public static ReportPipeline Create(PipelineResources resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var builder = new PipelineBuilder()
            .Add(new TextNormalizer())
            .Add(new SentenceSegmenter())
            .Add(new Time.TimexStage())
            .Add(new Quantities.QuantityStage())
            .Add(new Geo.PlacesStage(Geo.Gazetteer.GazetteerCache.Get(resources.DataDirectory)))
            .Add(new Actors.ActorStage())
            .Add(new Events.EventStage())
            .Add(new Claims.ClaimStage());
        return builder.Build();
    }
}
