using Sitrep.Store;

namespace Sitrep.Server.Situation;

/// <summary>What the dashboard shows of a report cited as a source: enough to name it and link to it.</summary>
public sealed record ReportSource(string Id, string ExternalId, string? Title, string? Outlet, string? Channel, DateTimeOffset? Published)
{
    public static ReportSource From(ReportSummary report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new ReportSource(report.Id.ToString(), report.ExternalId, report.Title, report.Outlet, report.Channel, report.Published);
    }
}
