using Sitrep.Contract;
using Sitrep.Store;

namespace Sitrep.Server.Situation;

/// <summary>
/// One actor across the stored reports: its names as written, type, first and last seen, how many reports
/// and merged events name it. An actor the pipeline met for the first time (<c>isNew</c>) is emerging, with
/// the report and channel where it first appeared.
/// </summary>
public sealed record ActorSummary
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Type { get; init; }

    public string? CountryCode { get; init; }

    public required IReadOnlyList<string> Aliases { get; init; }

    public required int Reports { get; init; }

    public required int Events { get; init; }

    public DateOnly? FirstSeen { get; init; }

    public DateOnly? LastSeen { get; init; }

    public required bool Emerging { get; init; }

    /// <summary>The report the actor first appeared in (earliest publication, then lowest id).</summary>
    public required string FirstReport { get; init; }

    public string? FirstChannel { get; init; }

    /// <summary>Every report that names it, most recent first.</summary>
    public required IReadOnlyList<string> ReportIds { get; init; }
}

/// <summary>Collects actor mentions report by report into <see cref="ActorSummary"/>s.</summary>
internal sealed class ActorBook
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public void Add(StoredReport report, ContractDocument document)
    {
        var published = report.Published is { } p ? DateOnly.FromDateTime(p.Date) : (DateOnly?)null;
        foreach (var actor in document.Actors)
        {
            if (!_entries.TryGetValue(actor.Id, out var entry))
            {
                _entries[actor.Id] = entry = new Entry(actor);
            }

            entry.Add(actor, report, published);
        }
    }

    public IReadOnlyList<ActorSummary> Summaries(IReadOnlyList<SituationEventRecord> events)
    {
        var eventCounts = events
            .SelectMany(e => e.Merged.Actor1.Concat(e.Merged.Actor2).Select(a => a.Value).Distinct(StringComparer.Ordinal))
            .GroupBy(a => a, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return [.. _entries.Values
            .Select(e => e.Summary(eventCounts.GetValueOrDefault(e.First.Id)))
            .OrderByDescending(a => a.Reports)
            .ThenBy(a => a.Name, StringComparer.Ordinal)];
    }

    private sealed class Entry(ContractActor first)
    {
        private readonly SortedSet<string> _aliases = new(StringComparer.Ordinal);
        private readonly List<(string Id, long Number, DateOnly? Published, string? Channel)> _reports = [];
        private bool _isNew;

        public ContractActor First { get; } = first;

        public void Add(ContractActor actor, StoredReport report, DateOnly? published)
        {
            _aliases.Add(actor.Text);
            _isNew |= actor.IsNew;
            if (_reports.Count == 0 || _reports[^1].Number != report.Id.Value)
            {
                _reports.Add((report.Id.ToString(), report.Id.Value, published, report.Channel ?? report.Outlet));
            }
        }

        public ActorSummary Summary(int events)
        {
            var ordered = _reports.OrderBy(r => r.Published ?? DateOnly.MaxValue).ThenBy(r => r.Number).ToList();
            var distinct = _reports.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count();
            return new ActorSummary
            {
                Id = First.Id,
                Name = First.Name,
                Type = First.Type,
                CountryCode = First.CountryCode,
                Aliases = [.. _aliases.Where(a => !string.Equals(a, First.Name, StringComparison.Ordinal))],
                Reports = distinct,
                Events = events,
                FirstSeen = _reports.Min(r => r.Published),
                LastSeen = _reports.Max(r => r.Published),
                Emerging = _isNew,
                FirstReport = ordered[0].Id,
                FirstChannel = ordered[0].Channel,
                ReportIds = [.. ordered.Select(r => r.Id).Distinct(StringComparer.Ordinal).Reverse()],
            };
        }
    }
}
