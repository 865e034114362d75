using System.Globalization;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Quantities;

namespace Sitrep.Contract;

/// <summary>Projects a processed document onto the public contract (source text, code point offsets).</summary>
public static class ContractMapper
{
    public static ContractDocument Map(ReportDocument document, bool includeText = true, bool explain = false)
    {
        var quantities = document.Quantities.ToDictionary(q => q.Span, q => Map(document, q));
        return new ContractDocument
        {
            Id = document.Id,
            Published = document.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Text = includeText ? document.Text : null,
            Times = [.. document.Times.Select(t =>
            {
                var (start, end) = document.ToSourceCodePoints(t.Span);
                return new ContractTime(start, end, document.SourceSlice(t.Span), t.Type.ToString().ToUpperInvariant(), t.Value)
                {
                    Mod = t.Mod,
                    RangeStart = t.RangeStart,
                    RangeEnd = t.RangeEnd,
                    Point = t.Point,
                };
            })],
            Quantities = [.. quantities.Values],
            Places = [.. document.Places.Select(p =>
            {
                var (start, end) = document.ToSourceCodePoints(p.Span);
                return new ContractPlace(start, end, document.SourceSlice(p.Span), p.GeonameId, p.Name, p.Latitude, p.Longitude, p.CountryCode, p.FeatureCode, Math.Round(p.Score, 4))
                {
                    Kind = p.Kind.ToString().ToLowerInvariant(),
                };
            })],
            Actors = [.. document.Actors.Where(a => !a.IsLocative).Select(a =>
            {
                var (start, end) = document.ToSourceCodePoints(a.Span);
                return new ContractActor(start, end, document.SourceSlice(a.Span), a.ActorId, a.Name, SnakeCase(a.Type.ToString()), a.CountryCode)
                {
                    IsNew = a.IsNew,
                    FirstSeen = a.FirstSeen?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    FirstSeenChannel = a.FirstSeenChannel,
                    Office = a.Office,
                };
            })],
            Events = [.. document.Events.Select(e => Map(document, e, quantities))],
            Claims = [.. document.Claims.Select(c =>
            {
                var (start, end) = document.ToSourceCodePoints(c.Span);
                return new ContractClaim(start, end, c.Speaker, c.Via, document.SourceSlice(c.Span));
            })],
            Explain = explain
                ? [.. document.Explanations.Select(n => new ContractExplanation(n.Stage.ToString(), n.Span is { } s ? Span(document, s) : null, n.Message))]
                : null,
        };
    }

    private static ContractQuantity Map(ReportDocument document, Quantity q)
    {
        var (start, end) = document.ToSourceCodePoints(q.Span);
        return new ContractQuantity(start, end, document.SourceSlice(q.Span), q.Value, q.Unit, q.Approximate, q.Category)
        {
            Bound = q.Bound.ToString().ToLowerInvariant(),
        };
    }

    private static ContractEvent Map(ReportDocument document, EventMention e, Dictionary<TextSpan, ContractQuantity> quantities)
    {
        ContractEventPlace? place = null;
        if (e.PlaceSpan is { } placeSpan)
        {
            var mention = document.Places.FirstOrDefault(p => p.Span == placeSpan);
            var (start, end) = document.ToSourceCodePoints(placeSpan);
            place = new ContractEventPlace(start, end, document.SourceSlice(placeSpan), mention?.Latitude, mention?.Longitude);
        }

        return new ContractEvent
        {
            Id = e.EventId,
            Type = e.Type,
            AcledEventType = e.AcledEventType,
            AcledSubEventType = e.AcledSubEventType,
            CameoRoot = e.CameoRoot,
            Modality = e.Modality.ToString().ToLowerInvariant(),
            Negated = e.Negated,
            Actor1 = e.Actor1,
            Actor2 = e.Actor2,
            Place = place,
            Date = e.Date,
            Quantities = [.. e.QuantitySpans.Select(s => quantities.TryGetValue(s, out var q) ? q : null).OfType<ContractQuantity>()],
            Supplies = e.Supplies,
            Evidence = Span(document, e.Span),
            Confidence = Math.Round(e.Confidence, 4),
            PloverType = e.PloverType,
            Trigger = e.TriggerSpan is { } trigger ? Span(document, trigger) : null,
            Actor1All = e.Actor1All,
            Actor2All = e.Actor2All,
            Reciprocal = e.Reciprocal,
            DateSource = e.DateSource,
        };
    }

    private static ContractSpan Span(ReportDocument document, TextSpan span)
    {
        var (start, end) = document.ToSourceCodePoints(span);
        return new ContractSpan(start, end);
    }

    /// <summary>"ArmedGroup" -> "armed_group".</summary>
    public static string SnakeCase(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
