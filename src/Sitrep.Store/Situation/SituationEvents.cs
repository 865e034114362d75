using System.Globalization;
using System.Text.Json;
using Sitrep.Contract;
using Sitrep.Situation;
using Sitrep.Time;

namespace Sitrep.Store.Situation;

/// <summary>
/// Turns stored reports into the knowledge base's unit, one <see cref="SituationEvent"/> per extracted
/// event, with the place's gazetteer entry looked up in the report's places layer.
/// </summary>
public static class SituationEvents
{
    public static IEnumerable<SituationEvent> From(StoredReport report) =>
        JsonSerializer.Deserialize<ContractDocument>(report.Annotations, ContractJson.Options) is { } document ? From(report, document) : [];

    /// <summary>The report's events, from its annotations already read as <paramref name="document"/>.</summary>
    public static IEnumerable<SituationEvent> From(StoredReport report, ContractDocument document)
    {
        var reportId = report.Id.ToString();

        // An event whose sentence names no place ("have besieged the town since July 2015") happened, as
        // a reader would assume, at the report's focus: the place of its most salient located event that is
        // not a whole country.
        var located = document.Events
            .Select(e => e.Place is { } at ? document.Places.FirstOrDefault(x => x.Start == at.Start && x.End == at.End) : null)
            .Where(p => p is { Lat: not null } && p.FeatureCode is not ("PCLI" or "PCL" or "PCLS" or "PCLD"))
            .ToList();
        var focus = located.FirstOrDefault();

        // A siege or a restriction holds an area: "the closure left 120,000 people in the region without food"
        // after "the Lachin corridor was closed" is about the region, not the road.
        var areaFocus = located.FirstOrDefault(p => p!.FeatureCode is not ("CORR" or "CRSG"));
        var published = report.Published is { } p ? DateOnly.FromDateTime(p.Date) : (DateOnly?)null;
        foreach (var e in document.Events)
        {
            var place = e.Place is { } at ? document.Places.FirstOrDefault(x => x.Start == at.Start && x.End == at.End)
                : e.Type is "BLOCKADE" or "BLOCKADE_LIFTED" or "RESTRICTION" or "RESTRICTION_EASED" ? areaFocus ?? focus : focus;
            var actor1 = document.Actors.FirstOrDefault(a => a.Id == e.Actor1);
            var actor2 = document.Actors.FirstOrDefault(a => a.Id == e.Actor2);
            yield return new SituationEvent
            {
                // Stable across re-extraction as long as the evidence and type stay: what analyst decisions key on.
                Key = string.Create(CultureInfo.InvariantCulture, $"{report.Hash.Value[..16]}#{e.Type}@{e.Evidence.Start}-{e.Evidence.End}"),
                ReportId = reportId,
                Source = report.Outlet ?? report.Channel,
                Published = published,
                Type = e.Type,
                Actor1 = e.Actor1,
                Actor2 = e.Actor2,
                Actor1Type = actor1?.Type,
                Actor1Name = actor1?.Name,
                Actor2Name = actor2?.Name,
                Actor1Country = actor1?.CountryCode,
                Actor2Country = actor2?.CountryCode,
                PlaceText = e.Place?.Text,
                PlaceName = place?.Name ?? e.Place?.Text,
                GeonameId = place?.Geonameid,
                FeatureCode = place?.FeatureCode,
                Latitude = e.Place is null ? place?.Lat : e.Place.Lat,
                Longitude = e.Place is null ? place?.Lon : e.Place.Lon,
                When = TimexInterval.Parse(e.Date),
                Quantities = [.. e.Quantities.Select(q => new SituationQuantity(q.Value, q.Unit, q.Category, q.Approximate, q.Text))],
                Supplies = e.Supplies,
                Modality = e.Negated ? "negated" : e.Modality,
                EvidenceText = e.Evidence.End <= report.Text.Length ? Slice(report.Text, e.Evidence.Start, e.Evidence.End) : string.Empty,
                Confidence = e.Confidence,
            };
        }
    }

    // Contract offsets count code points; the text is UTF-16.
    private static string Slice(string text, int start, int end)
    {
        var from = Text.CodePoints.ToUtf16(text, start);
        var to = Text.CodePoints.ToUtf16(text, end);
        return text[from..to];
    }
}
