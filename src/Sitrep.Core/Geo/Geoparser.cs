using Sitrep.Documents;
using Sitrep.Geo.Gazetteer;
using Sitrep.Geo.Recognition;
using Sitrep.Geo.Resolution;

namespace Sitrep.Geo;

/// <summary>
/// Resolution of given spans (<c>sitrep geocode</c>, and the gold-span evaluation): each span is looked up
/// (with fallbacks for "the", possessives, type words and longer phrases that contain a name), ranked with
/// the document's other toponyms as context, and answered even when weakly supported, because the caller
/// says the span is a place.
/// </summary>
public sealed class Geoparser(PlaceGazetteer gazetteer)
{
    private readonly ToponymRecognizer _recognizer = new(gazetteer);
    private readonly ToponymResolver _resolver = new(gazetteer);

    public PlaceGazetteer Gazetteer => gazetteer;

    /// <param name="text">The document text (normalized or not: spans index it in UTF-16 units).</param>
    /// <param name="spans">The place spans to resolve.</param>
    public IReadOnlyList<PlaceMention> ResolveSpans(string text, IReadOnlyList<TextSpan> spans, bool explain = false)
    {
        var stamp = new StageStamp("geocode", "1.0");
        var given = spans.Select(span => ForSpan(text, span)).ToList();
        var context = _recognizer.Recognize(text).Where(t => !spans.Any(s => s.Overlaps(t.Span)));
        var all = given.Concat(context).OrderBy(t => t.Span.Start).ToList();
        ToponymRecognizer.LinkQualifiers(text, all);
        var resolutions = _resolver.Resolve(all, explain);
        var byToponym = new Dictionary<Toponym, Resolution.Resolution>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < all.Count; i++)
        {
            byToponym[all[i]] = resolutions[i];
        }

        var countries = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < all.Count; i++)
        {
            if (!all[i].IsPartialMatch && resolutions[i].Entry is { CountryCode.Length: > 0 } e)
            {
                countries[e.CountryCode] = countries.GetValueOrDefault(e.CountryCode) + 1;
            }
        }

        var named = new List<GazetteerEntry>();
        for (var i = 0; i < all.Count; i++)
        {
            if (!all[i].IsPartialMatch && resolutions[i].Entry is { } e)
            {
                named.Add(e);
            }
        }

        var fallback = FocusFallback(all, resolutions, countries);
        var resolvedCount = countries.Values.Sum();
        // One sense per discourse: a bare "Scott County" takes the decision its qualified mention got.
        var qualifiedByKey = new Dictionary<string, Resolution.Resolution>(StringComparer.Ordinal);
        for (var i = 0; i < all.Count; i++)
        {
            if (all[i].QualifierIndex is not null && resolutions[i].Entry is not null)
            {
                qualifiedByKey.TryAdd(all[i].Key, resolutions[i]);
            }
        }

        var mentions = new List<PlaceMention>(given.Count);
        foreach (var toponym in given)
        {
            var resolution = toponym.QualifierIndex is null && qualifiedByKey.TryGetValue(toponym.Key, out var qualified) ? qualified : byToponym[toponym];
            if (resolution.Entry is { } chosen && fallback is not null
                && (IsStray(chosen, countries, resolvedCount, fallback) || IsWeakPart(toponym, chosen, countries, named)))
            {
                // A small place in a country the document never otherwise mentions, while the document is
                // clearly about one country, or a name inside a longer phrase ("Marigny" in "Faubourg Marigny")
                // that matches only abroad or far from everything else: the document's focus is a better guess.
                resolution = resolution with { Entry = fallback, Score = Math.Min(resolution.Score, 0.2) };
            }

            if (resolution.Entry is null)
            {
                var best = resolution.Ranked.Count > 0 ? resolution.Ranked[0].Entry : BestRanked(toponym);
                resolution = best is not null
                    ? resolution with { Entry = best, Score = Math.Min(resolution.Score, 0.3) }
                    : resolution with { Entry = QualifyingPlace(all, byToponym, toponym) ?? fallback, Score = 0.05 };
            }

            mentions.Add(PlacesStage.ToMention(toponym.Span, toponym.Kind, resolution, stamp, explain));
        }

        return mentions;
    }

    /// <summary>
    /// For a span no name matches (a building, a street): the resolved place that qualifies it ("a hospital in Rome",
    /// "2700 North Fourth Street in Red Oak"); null where none. Merely nearby names are no better than the
    /// document's focus (a street list of one city names other places in passing).
    /// </summary>
    private static GazetteerEntry? QualifyingPlace(List<Toponym> all, Dictionary<Toponym, Resolution.Resolution> byToponym, Toponym toponym) =>
        toponym.QualifierIndex is { } q && !all[q].IsPartialMatch && byToponym[all[q]].Entry is { IsContinent: false, FeatureClass: not 'H' } entry ? entry : null;

    private static bool IsStray(GazetteerEntry chosen, Dictionary<string, int> countries, int resolvedCount, GazetteerEntry fallback)
    {
        if (chosen.IsCountry || chosen.IsContinent || chosen.FeatureClass == 'H' || chosen.CountryCode.Length == 0 || chosen.Population >= 100_000 || resolvedCount < 4)
        {
            return false;
        }

        var own = countries.GetValueOrDefault(chosen.CountryCode);
        var focus = countries.GetValueOrDefault(fallback.CountryCode);
        return own <= 1 && fallback.CountryCode != chosen.CountryCode && focus * 2 >= resolvedCount;
    }

    private bool NamesMajorPlace(ReadOnlySpan<NamePosting> postings)
    {
        foreach (var posting in postings)
        {
            var entry = gazetteer.Entry(posting.EntryIndex);
            if ((posting.Kind & (NameKind.Primary | NameKind.Demonym)) != 0 && (entry.IsArea || entry.FeatureClass is 'H' or 'T' || entry.Population >= 100_000))
            {
                return true;
            }
        }

        return false;
    }

    private bool NamesCountryByCode(ReadOnlySpan<NamePosting> postings)
    {
        foreach (var posting in postings)
        {
            if ((posting.Kind & NameKind.Abbreviation) != 0 && gazetteer.Entry(posting.EntryIndex).IsCountry)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A name found inside a longer phrase ("Marigny" in "Marigny Plantation") whose place lies in a country the
    /// document's full names hardly point to, or is a small town far from every place they name.
    /// </summary>
    private static bool IsWeakPart(Toponym toponym, GazetteerEntry chosen, Dictionary<string, int> countries, List<GazetteerEntry> named)
    {
        if (!toponym.IsPartialMatch || countries.Count == 0 || chosen.CountryCode.Length == 0 || (chosen.IsCountry && toponym.Kind == PlaceMentionKind.Literal))
        {
            return false; // a country named inside a phrase ("Bank of Japan") is that country, however minor in the document; its demonym ("French Quarter") need not be
        }

        if (countries.GetValueOrDefault(chosen.CountryCode) * 3 < countries.Values.Max())
        {
            return true;
        }

        return chosen.FeatureClass == 'P' && chosen.Population < 100_000
            && !named.Any(other => other.Id != chosen.Id && !other.IsArea && GeoMath.DistanceKm(other.Latitude, other.Longitude, chosen.Latitude, chosen.Longitude) < 200);
    }

    private GazetteerEntry? BestRanked(Toponym toponym) =>
        toponym.Postings.Length == 0 ? null : _resolver.Resolve([toponym], keepRanking: true)[0].Ranked.FirstOrDefault()?.Entry;

    /// <summary>
    /// For a span no name in the gazetteer matches (a street, a building): the most mentioned resolved place
    /// below country level in the document's main country (the country its full names point to most), else
    /// that country. Mentions count by the resolver's confidence (a doubtful context hit counts less); names
    /// matched only inside a longer phrase count only where nothing else does.
    /// </summary>
    private static GazetteerEntry? FocusFallback(List<Toponym> toponyms, IReadOnlyList<Resolution.Resolution> resolutions, Dictionary<string, int> countries)
    {
        var main = countries.Count == 0 ? null : countries.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).First().Key;
        var counts = new Dictionary<long, (GazetteerEntry Entry, double Count)>();
        for (var i = 0; i < toponyms.Count; i++)
        {
            if (resolutions[i].Entry is { } entry && !entry.IsContinent && entry.FeatureClass != 'H' && (main is null || entry.CountryCode == main))
            {
                var weight = toponyms[i].IsPartialMatch ? 0.01 : 0.2 + resolutions[i].Score;
                counts[entry.Id] = (entry, counts.GetValueOrDefault(entry.Id).Count + weight);
            }
        }

        return counts.Values.Where(c => !c.Entry.IsCountry).OrderByDescending(c => c.Count).Select(c => c.Entry).FirstOrDefault()
            ?? counts.Values.OrderByDescending(c => c.Count).Select(c => c.Entry).FirstOrDefault();
    }

    private Toponym ForSpan(string text, TextSpan span)
    {
        var surface = text[span.Start..span.End];
        var key = NameFold.Key(surface);
        var (postings, partial) = LookupWithFallbacks(key);
        var (kept, kind) = ToponymRecognizer.SplitDemonyms(postings);
        var tokens = TextTokens.Tokenize(text[Math.Max(0, span.Start - 40)..span.Start]);
        var lastWord = key.LastIndexOf(' ') is var space and > 0 ? key[(space + 1)..] : "";
        return new Toponym
        {
            TypeHint = ContextWords.AreaWords.Contains(lastWord) ? PlaceTypeHint.Area
                : ContextWords.SettlementWords.Contains(lastWord) ? PlaceTypeHint.Settlement
                : ToponymRecognizer.TypeHintAround(text, span.Start, span.End),
            Span = span,
            Key = key,
            Postings = kept,
            Kind = kind,
            IsPartialMatch = partial,
            LocativeCue = tokens.Count > 0 && ToponymRecognizer.HasLocativeCue(text[Math.Max(0, span.Start - 40)..span.Start], tokens, tokens.Count),
        };
    }

    /// <returns>The postings, and whether they are those of a name inside the phrase rather than of the phrase.</returns>
    private (NamePosting[] Postings, bool Partial) LookupWithFallbacks(string key)
    {
        var direct = gazetteer.Lookup(key);
        if (direct.Length > 0)
        {
            return (direct.ToArray(), false);
        }

        var words = key.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 1 && words[0] == "the")
        {
            words.RemoveAt(0);
        }

        if (words.Count > 1 && words[^1] == "s")
        {
            words.RemoveAt(words.Count - 1);
        }

        while (words.Count > 1 && (ContextWords.AreaWords.Contains(words[^1]) || ContextWords.SettlementWords.Contains(words[^1])))
        {
            words.RemoveAt(words.Count - 1);
        }

        var trimmed = gazetteer.Lookup(string.Join(' ', words));
        if (trimmed.Length > 0)
        {
            return (trimmed.ToArray(), false);
        }

        if (words.Count == 1 && words[0].EndsWith('s'))
        {
            var singular = gazetteer.Lookup(words[0][..^1]);
            if (singular.Length > 0)
            {
                return (singular.ToArray(), false);
            }
        }

        // The longest run of words inside the phrase that is a name ("University of Oregon" -> "oregon").
        for (var length = words.Count - 1; length >= 1; length--)
        {
            for (var start = words.Count - length; start >= 0; start--)
            {
                var part = string.Join(' ', words.Skip(start).Take(length));
                var found = gazetteer.Lookup(part);
                if ((part.Length < 3 && !NamesCountryByCode(found)) || ContextWords.NeverPlaces.Contains(part) || ContextWords.NameConnectors.Contains(part))
                {
                    continue; // two letters only as a country's code ("US Federal Reserve")
                }

                if (length == 1 && gazetteer.CommonWordRank(part) is > 0 and < 20_000 && !NamesMajorPlace(found) && !NamesCountryByCode(found))
                {
                    continue; // "State", "Grand": frequent words, unless the main name or demonym of an area, a sea or a city ("Arizona", "Mediterranean", "European")
                }

                if (found.Length > 0)
                {
                    return (found.ToArray(), true);
                }
            }
        }

        return ([], false);
    }
}
