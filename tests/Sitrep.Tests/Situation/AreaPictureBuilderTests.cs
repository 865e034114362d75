using Sitrep.Situation;
using Sitrep.Time;

namespace Sitrep.Tests.Situation;

public sealed class AreaPictureBuilderTests
{
    // Coordinates from GeoNames: Stepanakert 39.8153/46.7519; the Nagorno-Karabakh region centre and Lachin
    // corridor points are the supplement's; Madaya 33.6892/36.0972.
    private const double KarabakhLat = 39.92, KarabakhLon = 46.75;

    private static SituationEvent Event(
        string key, string report, string type, string date, string placeText, string placeName, long geonameId, string featureCode,
        double lat, double lon, string? actor1 = null, SituationQuantity[]? quantities = null, string[]? supplies = null, string modality = "asserted") => new()
        {
            Key = key,
            ReportId = report,
            Type = type,
            When = TimexInterval.Parse(date),
            Published = TimexInterval.Parse(date)!.Value.Start,
            PlaceText = placeText,
            PlaceName = placeName,
            GeonameId = geonameId,
            FeatureCode = featureCode,
            Latitude = lat,
            Longitude = lon,
            Actor1 = actor1,
            Quantities = quantities ?? [],
            Supplies = supplies ?? [],
            Modality = modality,
            EvidenceText = $"{type} {placeText} {date}",
        };

    private static IReadOnlyList<AreaPicture> Build(params SituationEvent[] events)
    {
        var merger = new EventMerger(new EventMatcher());
        foreach (var item in events)
        {
            merger.Add(item);
        }

        return AreaPictureBuilder.Build(merger.Clusters());
    }

    [Fact]
    public void Build_Artsakh_BesiegedSince202212_WithCorridorDeliveriesAndAliases()
    {
        var people = new SituationQuantity(120_000, "people", "population", true, "around 120,000 people");
        var areas = Build(
            Event("seed#1", "seed", "BLOCKADE", "2022-12", "Artsakh", "Nagorno-Karabakh", 900001, "RGN", KarabakhLat, KarabakhLon, "AZE", [people], ["food", "fuel", "medical"]),
            Event("md#1", "md", "BLOCKADE", "2022-12-12", "Nagorno-Karabakh", "Nagorno-Karabakh", 900001, "RGN", KarabakhLat, KarabakhLon, "AZE", supplies: ["food", "fuel", "medical"]),
            Event("md#2", "md", "CROSSING_CLOSED", "2022-12-12", "Lachin corridor", "Lachin corridor", 900101, "CORR", 39.62, 46.55, "AZE"),
            Event("seed#2", "seed", "AID_DELIVERED", "2023-09-12", "Stepanakert", "Stepanakert", 174875, "PPLA", 39.8153, 46.7519, "RUS"),
            Event("tg#2", "telegram", "AID_DELIVERED", "2023-09-12", "Stepanakert", "Stepanakert", 174875, "PPLA", 39.8153, 46.7519, "RUS"),
            Event("md#9", "md", "BLOCKADE", "2024-01-01", "Artsakh", "Nagorno-Karabakh", 900001, "RGN", KarabakhLat, KarabakhLon, "AZE", modality: "hypothetical"));

        var artsakh = Assert.Single(areas);
        Assert.Equal("Nagorno-Karabakh", artsakh.Name);
        Assert.Contains("Artsakh", artsakh.Aliases);
        Assert.Contains("Stepanakert", artsakh.Aliases);
        Assert.Equal(AccessStatus.Besieged, artsakh.Status);
        Assert.Equal(new DateOnly(2022, 12, 1), artsakh.Since);
        Assert.Equal("AZE", Assert.Single(artsakh.Besiegers).Value);
        Assert.Equal(["food", "fuel", "medical"], artsakh.BlockedSupplies.Select(s => s.Value).Order(StringComparer.Ordinal));
        Assert.Equal(120_000, Assert.Single(artsakh.Population).Value);

        var lachin = Assert.Single(artsakh.Corridors);
        Assert.Equal(CorridorStatus.Closed, lachin.Status);
        Assert.Equal(new DateOnly(2022, 12, 12), lachin.Since);

        var delivery = Assert.Single(artsakh.Deliveries);
        Assert.Equal(new DateOnly(2023, 9, 12), delivery.Date);
        Assert.Equal(["seed", "telegram"], delivery.Sources);

        // The hypothetical future blockade is not a status change; the timeline is one besieged stretch.
        var segment = Assert.Single(artsakh.Timeline);
        Assert.Null(segment.To);
        Assert.Equal(["md", "seed", "telegram"], artsakh.Sources);
    }

    [Fact]
    public void Build_TheCorridorsCloser_BesiegesTheArea_AndTheSiegesPeopleAreItsPopulation()
    {
        var cutOff = new SituationQuantity(120_000, "people", "people", true, "about 120,000 people");
        var areas = Build(
            Event("md#1", "md", "CROSSING_CLOSED", "2022-12-12", "Lachin corridor", "Lachin corridor", 900101, "CORR", 39.62, 46.55, "AZE"),
            Event("md#2", "md", "BLOCKADE", "2022-12-13", "Nagorno-Karabakh", "Nagorno-Karabakh", 900001, "RGN", KarabakhLat, KarabakhLon, quantities: [cutOff], supplies: ["food"]),
            Event("md#3", "md", "AID_DELIVERED", "2022-12-20", "Stepanakert", "Stepanakert", 174875, "PPLA", 39.8153, 46.7519, "ICRC", [new SituationQuantity(40, "people", "people", false, "40 people")]));

        var area = Assert.Single(areas);
        Assert.Equal("AZE", Assert.Single(area.Besiegers).Value);
        Assert.Equal(120_000, Assert.Single(area.Population).Value);
    }

    [Fact]
    public void Build_SiegeLifted_ClosesTheBesiegedStretch_AndTownsFarApartStayApart()
    {
        var areas = Build(
            Event("a#1", "a", "BLOCKADE", "2015-07", "Madaya", "Madaya", 170001, "PPL", 33.6892, 36.0972, "SYR"),
            Event("b#1", "b", "BLOCKADE", "2015-07", "Foua", "Al Fu'ah", 170002, "PPL", 35.9667, 36.7167, "REB"),
            Event("c#1", "c", "BLOCKADE_LIFTED", "2017-04-14", "Madaya", "Madaya", 170001, "PPL", 33.6892, 36.0972));

        Assert.Equal(2, areas.Count);
        var madaya = Assert.Single(areas, a => a.Name == "Madaya");
        Assert.Equal(AccessStatus.Accessible, madaya.Status);
        Assert.Equal(2, madaya.Timeline.Count);
        Assert.Equal(new DateOnly(2017, 4, 14), madaya.Timeline[0].To);
        Assert.Equal(AccessStatus.Besieged, madaya.Timeline[0].Status);
    }
}
