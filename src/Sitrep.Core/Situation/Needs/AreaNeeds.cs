namespace Sitrep.Situation.Needs;

/// <summary>The needs estimate of a besieged area: its population over the siege against the deliveries counted.</summary>
public static class AreaNeeds
{
    /// <summary>
    /// The estimate for the area's current besieged stretch, from its start to the latest dated event of
    /// the area, for the largest population figure reported; null when the area is not besieged or the
    /// reports give no start or no population. A delivery reported without figures counts as one
    /// truckload (an assumption, stated with the others).
    /// </summary>
    public static NeedsEstimate? For(AreaPicture area, NeedsAssumptions? assumptions = null)
    {
        if (area.Status == AccessStatus.Accessible || area.Since is not { } since || area.Population.Count == 0)
        {
            return null;
        }

        var lastDates = area.Deliveries.Select(d => d.Date).Concat(area.Timeline.Select(t => (DateOnly?)t.From))
            .Concat(area.Corridors.SelectMany(c => c.History.Select(h => (DateOnly?)h.From)))
            .Where(d => d is not null)
            .Select(d => d!.Value)
            .ToList();
        var until = lastDates.Count == 0 ? since : lastDates.Max();
        if (until < since)
        {
            until = since;
        }

        var delivered = area.Deliveries.Where(d => d.Date is null || d.Date >= since).ToList();
        var trucks = delivered.Sum(d => d.Trucks ?? (d.Tonnes is null ? 1 : 0));
        var tonnes = delivered.Sum(d => d.Tonnes ?? 0);
        return NeedsEstimate.For(area.Population.Max(p => p.Value), since, until, trucks, tonnes, assumptions);
    }
}
