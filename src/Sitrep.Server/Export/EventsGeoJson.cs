using System.Text.Json;
using Sitrep.Server.Situation;

namespace Sitrep.Server.Export;

/// <summary>Events with coordinates as a GeoJSON FeatureCollection (RFC 7946: longitude first) of points.</summary>
public static class EventsGeoJson
{
    public static string Write(IEnumerable<SituationEventRecord> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            json.WriteStartArray("features");
            foreach (var e in events.Where(e => e.Merged.Latitude is not null && e.Merged.Longitude is not null))
            {
                var m = e.Merged;
                json.WriteStartObject();
                json.WriteString("type", "Feature");
                json.WriteString("id", m.Id);
                json.WriteStartObject("geometry");
                json.WriteString("type", "Point");
                json.WriteStartArray("coordinates");
                json.WriteNumberValue(Math.Round(m.Longitude!.Value, 5));
                json.WriteNumberValue(Math.Round(m.Latitude!.Value, 5));
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteStartObject("properties");
                json.WriteString("type", m.Type);
                json.WriteString("acledEventType", e.AcledEventType);
                json.WriteString("acledSubEventType", e.AcledSubEventType);
                json.WriteString("date", m.Start?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                json.WriteString("place", m.Places.FirstOrDefault()?.Value);
                json.WriteString("actor1", m.Actor1.FirstOrDefault()?.Value);
                json.WriteString("actor2", m.Actor2.FirstOrDefault()?.Value);
                json.WriteString("modality", string.Join("/", e.Modalities));
                json.WriteNumber("sourceCount", m.Sources.Count);
                json.WriteStartArray("sources");
                foreach (var source in m.Sources)
                {
                    json.WriteStringValue(source);
                }

                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
