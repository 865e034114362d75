using Sitrep.Geo;
using Sitrep.Geo.Evaluation;

namespace Sitrep.Tests.Geo;

/// <summary>
/// CI floors: the scorer on the dev corpora must not fall below the figures reached so far (minus a small
/// margin). Raise them when the geoparser improves; never lower them.
/// </summary>
[Collection(GeoCollection.Name)]
public sealed class GeoEvalFloorTests(GeoFixture fixture)
{
    [Theory]
    // corpus, recognition F1, end-to-end acc@161, gold-span acc@161, gold-span AUC ceiling
    [InlineData("geo/GeoVirus.xml", 0.869, 0.884, 0.916, 0.277)]
    [InlineData("geo/GWN.xml", 0.912, 0.848, 0.928, 0.142)]
    public void EvalGeo_DevCorpus_StaysAboveFloors(string corpus, double f1, double endToEnd, double goldSpans, double aucCeiling)
    {
        var path = GeoFixture.SharedData(corpus);
        Assert.True(File.Exists(path), $"gold corpus missing: {path}");
        var scores = GeoScorer.Score(GeoCorpus.Load(path), document => fixture.Pipeline.Process(document).Places, new Geoparser(fixture.Gazetteer));

        Assert.True(scores.F1 >= f1, $"recognition F1 {scores.F1:F3} < floor {f1}");
        Assert.True(scores.EndToEndAccuracy161 >= endToEnd, $"end-to-end acc@161 {scores.EndToEndAccuracy161:F3} < floor {endToEnd}");
        Assert.True(scores.Accuracy161 >= goldSpans, $"gold-span acc@161 {scores.Accuracy161:F3} < floor {goldSpans}");
        Assert.True(scores.Auc <= aucCeiling, $"AUC {scores.Auc:F3} > ceiling {aucCeiling}");
    }
}
