using System.Globalization;
using System.Text;
using Sitrep.Situation.Needs;

namespace Sitrep.Situation.Briefs;

/// <summary>A report a brief cites: what the reader needs to find it.</summary>
public sealed record BriefSource(string ReportId, string? Title, string? Outlet, DateOnly? Published, string? Url);

/// <summary>
/// "What you need to know" about one area, in Markdown, every statement with numbered citations to the
/// reports behind it. Facts only as the knowledge base holds them: where sources disagree, both values
/// are shown with their citations; the needs figure is labelled as an estimate with its assumptions.
/// </summary>
public sealed class AreaBrief
{
    private readonly List<string> _cited = [];
    private readonly IReadOnlyDictionary<string, BriefSource> _sources;

    private AreaBrief(IReadOnlyDictionary<string, BriefSource> sources) => _sources = sources;

    /// <param name="area">The area's picture.</param>
    /// <param name="events">The merged events of the area (any order), for the recent-events section.</param>
    /// <param name="needs">The needs estimate, when the area's population and siege dates allow one.</param>
    /// <param name="sources">Metadata of every report the picture cites, by report id.</param>
    /// <param name="generated">When the brief is made (stated in it).</param>
    public static string Write(AreaPicture area, IReadOnlyList<MergedEvent> events, NeedsEstimate? needs, IReadOnlyDictionary<string, BriefSource> sources, DateTimeOffset generated)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(events);
        return new AreaBrief(sources).Compose(area, events, needs, generated);
    }

    private string Compose(AreaPicture a, IReadOnlyList<MergedEvent> events, NeedsEstimate? needs, DateTimeOffset generated)
    {
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.Append(inv, $"# {a.Name}: situation brief").AppendLine().AppendLine();
        if (a.Aliases.Count > 0)
        {
            md.Append("Also called: ").AppendJoin(", ", a.Aliases).AppendLine(".").AppendLine();
        }

        md.Append(inv, $"_Made by Sitrep on {generated:yyyy-MM-dd} from {a.Sources.Count} report(s). Numbers in brackets cite the sources listed at the end; where sources disagree, each figure is shown with its own._").AppendLine().AppendLine();

        md.AppendLine("## What you need to know").AppendLine();
        var statusSources = a.Timeline.Count > 0 ? SourcesOf(events, a.Timeline[^1].Evidence) : [];
        md.Append("- **Status:** ").Append(Status(a.Status));
        if (a.Since is { } since)
        {
            md.Append(" since ").Append(Day(since));
            // Days counted to the latest report, not to today: the brief says what the sources say.
            var asOf = _sources.Values.Select(s => s.Published).Max() ?? DateOnly.FromDateTime(generated.UtcDateTime);
            if (a.Status != AccessStatus.Accessible && asOf >= since)
            {
                md.Append(inv, $" ({asOf.DayNumber - since.DayNumber:N0} days as of the latest report, {Day(asOf)})");
            }
        }

        md.Append(Cite(statusSources)).AppendLine(".");
        if (a.Besiegers.Count > 0)
        {
            md.Append("- **By:** ").AppendJoin("; ", a.Besiegers.Select(b => b.Value + Cite(b.Sources))).AppendLine(".");
        }

        if (a.BlockedSupplies.Count > 0)
        {
            md.Append("- **Blocked supplies:** ").AppendJoin("; ", a.BlockedSupplies.Select(b => b.Value + Cite(b.Sources))).AppendLine(".");
        }

        if (a.Population.Count > 0)
        {
            md.Append("- **Population affected:** ").AppendJoin("; ", a.Population.Select(p => string.Create(inv, $"{p.Value:N0}") + Cite(p.Sources)));
            md.AppendLine(a.Population.Count > 1 ? " (sources give different figures)." : ".");
        }

        foreach (var c in a.Corridors)
        {
            md.Append(inv, $"- **{c.Name}:** {Corridor(c.Status)}").Append(c.Since is { } s ? " since " + Day(s) : string.Empty).Append(Cite(c.Sources)).AppendLine(".");
        }

        md.Append(inv, $"- **Aid deliveries counted:** {a.Deliveries.Count}");
        if (a.Deliveries.Count > 0)
        {
            md.Append(": ").AppendJoin("; ", a.Deliveries.Select(d =>
                $"{(d.Date is { } date ? Day(date) : "undated")} {d.Actors.FirstOrDefault()?.Value ?? "unknown sender"}{Size(d)}{Cite(d.Sources)}"));
        }

        md.AppendLine(".");
        if (needs is not null)
        {
            md.Append(inv, $"- **Needs (estimate, not a reported figure):** {needs.Population:N0} people over {needs.Days:N0} days need about {needs.FoodTonnesNeeded:N0} t of food ({needs.FoodTruckloadsNeeded:N0} truckloads) and {needs.WaterCubicMetresNeeded:N0} m³ of water; the deliveries counted carried about {needs.FoodTonnesDelivered:N0} t, {needs.FoodCoverage:P1} of the food need. ")
                .Append("Assumptions: ").AppendJoin("; ", needs.Assumptions.Describe()).AppendLine(".");
        }

        md.AppendLine();
        if (a.Timeline.Count > 0)
        {
            md.AppendLine("## Status over time").AppendLine();
            md.AppendLine("| from | to | status | sources |").AppendLine("|---|---|---|---|");
            foreach (var t in a.Timeline)
            {
                md.Append(inv, $"| {Day(t.From)} | {(t.To is { } to ? Day(to) : "now")} | {Status(t.Status)} | {Cite(SourcesOf(events, t.Evidence)).Trim()} |").AppendLine();
            }

            md.AppendLine();
        }

        var recent = events.Where(e => e.Start is not null).OrderByDescending(e => e.Start).ThenBy(e => e.Id, StringComparer.Ordinal).Take(10).ToList();
        if (recent.Count > 0)
        {
            md.AppendLine("## Latest events").AppendLine();
            foreach (var e in recent)
            {
                var who = e.Actor1.FirstOrDefault()?.Value;
                var whom = e.Actor2.FirstOrDefault()?.Value;
                var where = e.Places.FirstOrDefault()?.Value;
                md.Append(inv, $"- {Day(e.Start!.Value)} **{e.Type}**")
                    .Append(who is null ? string.Empty : $" by {who}")
                    .Append(whom is null ? string.Empty : $" against {whom}")
                    .Append(where is null ? string.Empty : $" in {where}")
                    .Append(Cite(e.Sources));
                if (e.Evidence.FirstOrDefault()?.Value is { } quote)
                {
                    md.Append(": \"").Append(Escape(Shorten(quote))).Append('"');
                }

                md.AppendLine();
            }

            md.AppendLine();
        }

        md.AppendLine("## Sources").AppendLine();
        for (var i = 0; i < _cited.Count; i++)
        {
            var id = _cited[i];
            var s = _sources.TryGetValue(id, out var found) ? found : new BriefSource(id, null, null, null, null);
            md.Append(inv, $"{i + 1}. {Escape(s.Title ?? "(untitled)")}")
                .Append(s.Outlet is { } o ? $", {Escape(o)}" : string.Empty)
                .Append(s.Published is { } p ? $", {Day(p)}" : string.Empty)
                .Append(s.Url is { } u ? $", <{u}>" : string.Empty)
                .Append(inv, $" (report {id}: `sitrep show {id}`)")
                .AppendLine();
        }

        return md.ToString();
    }

    // The citation marks for these reports, numbering each report the first time it is cited.
    private string Cite(IEnumerable<string> reportIds)
    {
        var numbers = new SortedSet<int>();
        foreach (var id in reportIds)
        {
            var index = _cited.IndexOf(id);
            if (index < 0)
            {
                _cited.Add(id);
                index = _cited.Count - 1;
            }

            numbers.Add(index + 1);
        }

        return numbers.Count == 0 ? string.Empty : " " + string.Concat(numbers.Select(n => string.Create(CultureInfo.InvariantCulture, $"[{n}]")));
    }

    private static IEnumerable<string> SourcesOf(IReadOnlyList<MergedEvent> events, IReadOnlyList<string> eventIds) =>
        events.Where(e => eventIds.Contains(e.Id, StringComparer.Ordinal)).SelectMany(e => e.Sources).Distinct(StringComparer.Ordinal);

    private static string Size(DeliveryPicture d)
    {
        var parts = new List<string>();
        if (d.Trucks is { } trucks)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{trucks:N0} truck(s)"));
        }

        if (d.Tonnes is { } tonnes)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{tonnes:N0} t"));
        }

        if (d.Supplies.Count > 0)
        {
            parts.Add(string.Join("/", d.Supplies));
        }

        return parts.Count == 0 ? string.Empty : " (" + string.Join(", ", parts) + ")";
    }

    private static string Status(AccessStatus status) => status switch
    {
        AccessStatus.Besieged => "besieged",
        AccessStatus.PartiallyBesieged => "partially besieged",
        _ => "accessible",
    };

    private static string Corridor(CorridorStatus status) => status.ToString().ToLowerInvariant();

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 240 ? text : text[..237].TrimEnd() + "...";

    // Report text is data: Markdown and HTML in it are shown, not interpreted.
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|')
            {
                escaped.Append('\\');
            }

            escaped.Append(c is '\n' or '\r' ? ' ' : c);
        }

        return escaped.ToString();
    }
}
