using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sitrep.Events.Evaluation;

/// <summary>A gold actor of a PLOVER record: its text in the sentence and its CAMEO-style code ("HUN", "IGO").</summary>
public sealed record PloverActor(string Text, string Code);

/// <summary>One gold event record of the PLOVER GSR corpus (PLOVER_GSR_CAMEO.json).</summary>
public sealed record PloverRecord(string Id, string Text, DateOnly? Date, string Event, IReadOnlyList<PloverActor> Sources, IReadOnlyList<PloverActor> Targets, IReadOnlyList<string> TriggerWords)
{
    /// <summary>Reads the records of a PLOVER GSR JSON file, skipping its documentation record.</summary>
    public static List<PloverRecord> Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var records = new List<PloverRecord>();
        foreach (var element in document.RootElement.EnumerateArray())
        {
            var type = element.GetProperty("event").GetString();
            if (type is null or "DOCUMENT" || !element.TryGetProperty("text", out var text))
            {
                continue;
            }

            DateOnly? date = element.TryGetProperty("date", out var d) && DateOnly.TryParse(d.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
            var markup = element.TryGetProperty("textInfo", out var info) && info.ValueKind == JsonValueKind.Object && info.TryGetProperty("markup", out var m) ? m.GetString() ?? "" : "";
            var triggers = Regex.Matches(markup, @"\(EVT:\s*([^)]*)\)", RegexOptions.None, TimeSpan.FromSeconds(1)).Select(x => x.Groups[1].Value.Trim()).Where(x => x.Length > 0).ToList();
            records.Add(new PloverRecord(
                element.GetProperty("id").GetString() ?? "",
                text.GetString() ?? "",
                date,
                type,
                Actors(element, "source"),
                Actors(element, "target"),
                triggers));
        }

        return records;
    }

    private static List<PloverActor> Actors(JsonElement element, string name)
    {
        var actors = new List<PloverActor>();
        if (element.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var actor in list.EnumerateArray())
            {
                if (actor.ValueKind == JsonValueKind.Object)
                {
                    actors.Add(new PloverActor(
                        actor.TryGetProperty("actorText", out var t) ? t.GetString() ?? "" : "",
                        actor.TryGetProperty("code", out var c) ? c.GetString() ?? "" : ""));
                }
            }
        }

        return actors;
    }
}
