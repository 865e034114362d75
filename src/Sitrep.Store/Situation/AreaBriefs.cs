using System.Globalization;
using Sitrep.Situation;
using Sitrep.Situation.Briefs;
using Sitrep.Situation.Needs;

namespace Sitrep.Store.Situation;

/// <summary>
/// An area's brief (<see cref="AreaBrief"/>) with its citations' metadata read from the store: the one way
/// <c>sitrep brief</c> and the server's <c>/api/areas/{name}/brief</c> make it, so both give the same Markdown.
/// </summary>
public static class AreaBriefs
{
    /// <param name="store">Where the cited reports are.</param>
    /// <param name="area">The area's picture (from events analysts have not rejected).</param>
    /// <param name="events">The area's merged events, rejected ones left out.</param>
    /// <param name="generated">When the brief is made.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public static async Task<string> WriteAsync(IReportStore store, AreaPicture area, IReadOnlyList<MergedEvent> events, DateTimeOffset generated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(events);
        var sources = new Dictionary<string, BriefSource>(StringComparer.Ordinal);
        foreach (var id in area.Sources.Concat(events.SelectMany(e => e.Sources)).Distinct(StringComparer.Ordinal))
        {
            if (long.TryParse(id, CultureInfo.InvariantCulture, out var number) && await store.GetAsync(new ReportId(number), cancellationToken) is { } report)
            {
                sources[id] = new BriefSource(id, report.Title, report.Outlet ?? report.Channel, report.Published is { } p ? DateOnly.FromDateTime(p.Date) : null, report.Url);
            }
        }

        return AreaBrief.Write(area, events, AreaNeeds.For(area), sources, generated);
    }
}
