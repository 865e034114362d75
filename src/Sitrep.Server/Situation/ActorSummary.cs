using Sitrep.Actors;
using Sitrep.Store.Knowledge;

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

    /// <summary>The knowledge base's registry entry, with how many merged events name the actor.</summary>
    public static ActorSummary From(KnownActor actor, int events)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return new ActorSummary
        {
            Id = actor.Id,
            Name = actor.Name,
            Type = actor.Type,
            CountryCode = ActorRegistry.Default.Entries.FirstOrDefault(e => string.Equals(e.Id, actor.Id, StringComparison.Ordinal))?.CountryCode,
            Aliases = actor.Aliases,
            Reports = actor.Reports,
            Events = events,
            FirstSeen = actor.FirstSeen,
            LastSeen = actor.LastSeen,
            Emerging = actor.Emerging,
            FirstReport = actor.FirstReport,
            FirstChannel = actor.FirstChannel,
        };
    }
}

