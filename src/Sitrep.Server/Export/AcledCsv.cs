using System.Globalization;
using System.Text;
using Sitrep.Server.Situation;

namespace Sitrep.Server.Export;

/// <summary>
/// Events as CSV with the columns of ACLED's data export, in ACLED's order, so tools built for ACLED
/// read Sitrep's events. Columns Sitrep has no value for are left empty; ACLED's coded columns are
/// filled from our ontology's mapping (<c>src/Sitrep.Core/Events/Data/ontology.tsv</c>) and actor types.
/// </summary>
/// <remarks>
/// RFC 4180 quoting. Text cells that a spreadsheet would run as a formula (starting with =, +, -, @) get a
/// leading apostrophe: report text is untrusted.
/// </remarks>
public static class AcledCsv
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
        "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
        "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
        "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
    ];

    public static string Write(IEnumerable<SituationEventRecord> events, IReadOnlyDictionary<string, ActorSummary> actors)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(actors);
        var csv = new StringBuilder();
        csv.AppendJoin(',', Columns).Append("\r\n");
        foreach (var e in events)
        {
            var m = e.Merged;
            var date = m.Dates.FirstOrDefault()?.Value;
            var actor1 = m.Actor1.FirstOrDefault()?.Value;
            var actor2 = m.Actor2.FirstOrDefault()?.Value;
            var inter1 = Inter(actor1, actors);
            var inter2 = Inter(actor2, actors);
            string?[] row =
            [
                m.Id,
                Text(m.Start),
                m.Start?.Year.ToString(CultureInfo.InvariantCulture),
                TimePrecision(date),
                DisorderType(e.AcledEventType),
                e.AcledEventType,
                e.AcledSubEventType,
                Name(actor1, actors),
                string.Join("; ", m.Actor1.Skip(1).Select(a => Name(a.Value, actors))),
                inter1,
                Name(actor2, actors),
                string.Join("; ", m.Actor2.Skip(1).Select(a => Name(a.Value, actors))),
                inter2,
                inter1 is null ? null : inter1 + (inter2 ?? "0"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                m.Places.FirstOrDefault()?.Value,
                m.Latitude?.ToString("0.####", CultureInfo.InvariantCulture),
                m.Longitude?.ToString("0.####", CultureInfo.InvariantCulture),
                m.Latitude is null ? null : GeoPrecision(e.FeatureCode),
                string.Join("; ", e.SourceNames),
                null,
                e.Mentions.FirstOrDefault()?.EvidenceText,
                Fatalities(e),
                $"sitrep_sources={m.Sources.Count.ToString(CultureInfo.InvariantCulture)}; modality={string.Join("/", e.Modalities)}; type={m.Type}",
                null,
            ];
            csv.AppendJoin(',', row.Select(Cell)).Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>ACLED's disorder type from its event type.</summary>
    internal static string? DisorderType(string? eventType) => eventType switch
    {
        "Battles" or "Explosions/Remote violence" or "Violence against civilians" => "Political violence",
        "Protests" => "Demonstrations",
        "Riots" => "Political violence; Demonstrations",
        "Strategic developments" => "Strategic developments",
        _ => null,
    };

    /// <summary>ACLED's time precision: 1 the day is known, 2 the week, 3 the month or less precise.</summary>
    private static string? TimePrecision(string? timex) => timex switch
    {
        null => null,
        { Length: 10 } => "1",
        _ when timex.Contains('/', StringComparison.Ordinal) => "2",
        _ => "3",
    };

    /// <summary>ACLED's geo precision: 1 a town, 2 a small region near it, 3 a larger region.</summary>
    private static string GeoPrecision(string? featureCode) => featureCode switch
    {
        null => "3",
        _ when featureCode.StartsWith("PPL", StringComparison.Ordinal) => "1",
        "ADM2" or "ADM3" or "CRSG" or "CORR" => "2",
        _ => "3",
    };

    /// <summary>ACLED's actor codes: 1 state forces, 2 rebels, 3 political militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other.</summary>
    private static string? Inter(string? actor, IReadOnlyDictionary<string, ActorSummary> actors) =>
        actor is null ? null : (actors.GetValueOrDefault(actor)?.Type ?? string.Empty) switch
        {
            "state" or "government" or "military" or "police" => "1",
            "rebels" or "armed_group" => "2",
            "militia" or "political_party" => "3",
            "civilians" => "7",
            _ when actor is "RIOTERS" => "5",
            _ when actor is "PROTESTERS" => "6",
            _ => "8",
        };

    private static string? Name(string? actor, IReadOnlyDictionary<string, ActorSummary> actors) =>
        actor is null ? null : actors.GetValueOrDefault(actor)?.Name ?? actor;

    private static string Fatalities(SituationEventRecord e) =>
        e.Merged.Quantities.TryGetValue("killed", out var killed) && killed.Count > 0
            ? killed[0].Value.ToString("0", CultureInfo.InvariantCulture)
            : "0";

    private static string? Text(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '@' or '\t' or '\r' || (value[0] == '-' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
