using Sitrep.Geo.Gazetteer;
using Sitrep.Geo.Recognition;

namespace Sitrep.Geo.Resolution;

/// <summary>One toponym's decision: the chosen entry (or none) and the ranked candidates behind it.</summary>
public sealed record Resolution(GazetteerEntry? Entry, double Score, IReadOnlyList<RankedCandidate> Ranked);

public sealed record RankedCandidate(GazetteerEntry Entry, double Score, string Reason);

/// <summary>
/// Ranks each toponym's gazetteer candidates in two passes. First by what the name alone says (population,
/// feature class, whether the name is the place's main name); then with the document: its country focus
/// (the countries the first-pass choices fall in), admin regions mentioned, qualifiers ("Pandi, Bulacan"),
/// type words ("Idlib province") and nearness to the other places. A toponym whose best score stays low is
/// left unresolved rather than guessed.
/// </summary>
public sealed class ToponymResolver(PlaceGazetteer gazetteer)
{
    private const int MaxCandidates = 40;

    /// <summary>Only the best candidates by prior get the (costlier) nearness bonus.</summary>
    private const int NearnessCandidates = 12;
    private const double MinimumScore = 0.30;

    /// <summary>How many of a qualifier's candidates ("Bulacan" in "Pandi, Bulacan") are tried as containers, and of a qualified name's.</summary>
    private const int QualifierCandidates = 10;
    private const int QualifiedCandidates = 5;

    public IReadOnlyList<Resolution> Resolve(IReadOnlyList<Toponym> toponyms, bool keepRanking)
    {
        var count = toponyms.Count;
        var candidates = new List<(int Index, NameKind Kind, double Prior)>[count];
        var firstChoice = new GazetteerEntry?[count];
        var firstMargin = new double[count];
        for (var t = 0; t < count; t++)
        {
            var list = new List<(int Index, NameKind Kind, double Prior)>(Math.Min(toponyms[t].Postings.Length, MaxCandidates));
            foreach (var posting in toponyms[t].Postings)
            {
                var entry = gazetteer.Entry(posting.EntryIndex);
                list.Add((posting.EntryIndex, posting.Kind, Prior(entry, posting.Kind, toponyms[t])));
            }

            list.Sort((a, b) => b.Prior.CompareTo(a.Prior));
            if (list.Count > MaxCandidates)
            {
                list.RemoveRange(MaxCandidates, list.Count - MaxCandidates);
            }

            candidates[t] = list;
            if (list.Count > 0)
            {
                firstChoice[t] = gazetteer.Entry(list[0].Index);
                firstMargin[t] = list.Count > 1 ? list[0].Prior - list[1].Prior : 1.0;
            }
        }

        // Document context from the first pass.
        var countryWeight = new Dictionary<string, double>(StringComparer.Ordinal);
        var regionsMentioned = new HashSet<string>(StringComparer.Ordinal);
        var countriesMentioned = new HashSet<string>(StringComparer.Ordinal);
        var regionsWithPlaces = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var regionsByCountry = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var total = 0.0;
        for (var t = 0; t < count; t++)
        {
            if (firstChoice[t] is not { } entry || entry.CountryCode.Length == 0 || toponyms[t].IsPartialMatch)
            {
                continue; // a name found inside a longer phrase is too weak to set the document's context
            }

            var weight = 0.5 + Math.Min(firstMargin[t], 1.0);
            countryWeight[entry.CountryCode] = countryWeight.GetValueOrDefault(entry.CountryCode) + weight;
            total += weight;
            if (entry.FeatureClass == 'P' && entry.Admin1.Length > 0)
            {
                var region = entry.CountryCode + "." + entry.Admin1;
                if (!regionsWithPlaces.TryGetValue(region, out var names))
                {
                    regionsWithPlaces[region] = names = new HashSet<string>(StringComparer.Ordinal);
                }

                names.Add(toponyms[t].Key);
            }

            if (entry.IsCountry)
            {
                countriesMentioned.Add(entry.CountryCode);
            }
            else if (entry.IsFirstOrderRegion && firstMargin[t] > 0.2)
            {
                regionsMentioned.Add(entry.CountryCode + "." + entry.Admin1);
                if (!regionsByCountry.TryGetValue(entry.CountryCode, out var regions))
                {
                    regionsByCountry[entry.CountryCode] = regions = new HashSet<string>(StringComparer.Ordinal);
                }

                regions.Add(entry.Admin1);
            }
        }

        // Distinct first-pass places that are points (towns, sites), for the nearness bonus (one entry counts
        // once); a region's or sea's centre says little about what lies near it, a county's (ADM2) is close to its towns.
        var seen = new HashSet<long>();
        var neighbours = new List<GazetteerEntry>();
        for (var t = 0; t < count; t++)
        {
            if (firstChoice[t] is { } choice && (!choice.IsArea || choice.FeatureCode == "ADM2") && choice.FeatureClass != 'H' && !toponyms[t].IsPartialMatch && seen.Add(choice.Id))
            {
                neighbours.Add(choice);
            }
        }

        // Oceans, seas, continents and regions across borders have no country; they get part of the main
        // country's focus so a namesake village in that country ("Atlantic", Iowa) does not win on focus alone.
        var borderlessFocus = total > 0 ? 0.6 * countryWeight.Values.Max() / total : 0;
        var results = new Resolution[count];
        for (var t = 0; t < count; t++)
        {
            var toponym = toponyms[t];
            var list = candidates[t];
            var qualifier = toponym.QualifierIndex is { } q ? candidates[q] : null;
            var qualified = t > 0 && toponyms[t - 1].QualifierIndex == t && !toponyms[t - 1].IsPartialMatch ? candidates[t - 1] : null;
            var ranked = new List<RankedCandidate>(list.Count);
            var namesakeCity = NamesakeCityRegion(list);
            var siblings = ListSiblings(toponyms, firstChoice, firstMargin, t);
            var nearbyRegion = NamesRegion(list) ? null : NearestRegionInText(toponyms, firstChoice, firstMargin, t);
            foreach (var (index, kind, prior) in list)
            {
                var entry = gazetteer.Entry(index);
                var focus = total == 0 ? 0
                    : entry.CountryCode.Length > 0 ? countryWeight.GetValueOrDefault(entry.CountryCode) / total
                    : entry.IsArea || entry.FeatureClass == 'H' ? borderlessFocus : 0;
                var score = prior + (0.9 * focus);
                if (countriesMentioned.Contains(entry.CountryCode) && !entry.IsCountry)
                {
                    score += 0.15;
                }

                if (entry.Admin1.Length > 0 && !entry.IsFirstOrderRegion && regionsMentioned.Contains(entry.CountryCode + "." + entry.Admin1))
                {
                    score += 0.35;
                    if (nearbyRegion is not null && nearbyRegion.CountryCode == entry.CountryCode && nearbyRegion.Admin1 == entry.Admin1)
                    {
                        score += 0.2; // of the regions the document names, the one named closest: "in Michigan, near ... in Monroe County"
                    }
                }

                var regionKey = entry.CountryCode + "." + entry.Admin1;
                if (entry.IsFirstOrderRegion && regionKey != namesakeCity && regionsWithPlaces.TryGetValue(regionKey, out var towns)
                    && (towns.Count > 1 || !towns.Contains(toponym.Key)))
                {
                    score += 0.35; // the document names a town inside this region
                }

                if (entry.FeatureClass == 'P' && regionKey == namesakeCity)
                {
                    score += 0.25; // "New York", "São Paulo": the bare name is the big city more often than its region
                }

                foreach (var sibling in siblings)
                {
                    if (sibling is not null && entry.Id != sibling.Id
                        && ((entry.IsCountry && sibling.IsCountry) || (entry.IsFirstOrderRegion && sibling.IsFirstOrderRegion && entry.CountryCode == sibling.CountryCode)))
                    {
                        score += 0.4; // "Arkansas, Vermont, Virginia": a list names things of one kind
                    }
                }

                if (entry.IsFirstOrderRegion && regionsByCountry.TryGetValue(entry.CountryCode, out var otherRegions)
                    && otherRegions.Count - (otherRegions.Contains(entry.Admin1) ? 1 : 0) >= 2)
                {
                    score += 0.3; // the document names other regions of this country: "Georgia" among US states
                }

                if (qualifier is not null && Qualifies(qualifier, QualifierCandidates, entry))
                {
                    score += 1.0;
                }

                if (qualified is not null && Qualifies(qualified, QualifiedCandidates, entry, reverse: true))
                {
                    score += 0.6; // "Manaoag, Pangasinan": the qualifier is where the place before it is
                }

                if (list.Count > 1 && ranked.Count < NearnessCandidates)
                {
                    score += Nearness(entry, firstChoice[t], neighbours);
                }

                ranked.Add(new RankedCandidate(entry, score, keepRanking ? Reason(prior, focus, score) : ""));
            }

            ranked.Sort((a, b) => b.Score.CompareTo(a.Score));
            if (toponym.QualifierIndex is { } qualifierIndex && QualifyingRegion(firstChoice[qualifierIndex]) is { } region
                && (ranked.Count == 0
                    || ((toponym.TypeHint == PlaceTypeHint.Area
                            || (firstMargin[qualifierIndex] > 0.2 && (region.FeatureCode == "ADM2" || QualifiedInTurnByItsCountry(toponyms, firstChoice, qualifierIndex, region))))
                        && !IsRegionOrLarger(ranked[0].Entry) && !Within(ranked[0].Entry, region))))
            {
                // "Scott County, Indiana" where no Scott lies in Indiana, or a village the gazetteer lacks ("Rockingham,
                // Northamptonshire", "Stroud, Ontario, Canada"): the qualifying region is the best answer we have. Only
                // where the shape cannot be a list ("Miami, New York" looks like a qualifier too): the name says it
                // is an area, or the qualifier is a county or is itself qualified by its country (and is not one of
                // several namesakes, "Scott County", whose first-pass choice says little).
                var note = new RankedCandidate(region, 0, "no candidate lies in the qualifying region; answered with the region");
                results[t] = new Resolution(region, 0.3, keepRanking ? [note, .. ranked.Take(4)] : []);
                continue;
            }

            if (ranked.Count == 0)
            {
                results[t] = new Resolution(null, 0, []);
                continue;
            }

            var best = ranked[0];
            var margin = ranked.Count > 1 ? best.Score - ranked[1].Score : 1.0;
            var confidence = Math.Clamp((best.Score / 2.5) + (0.5 * Math.Min(margin, 1.0)), 0, 1);
            var kept = keepRanking ? (IReadOnlyList<RankedCandidate>)ranked.Take(5).ToList() : [];
            results[t] = best.Score < MinimumScore
                ? new Resolution(null, confidence, kept)
                : new Resolution(best.Entry, confidence, kept);
        }

        return results;
    }

    /// <summary>
    /// The confidently resolved countries or first-order regions right before and after this toponym (a few
    /// characters apart: ", ", " and "), which make this one likely a place of the same kind; null where none.
    /// </summary>
    private static GazetteerEntry?[] ListSiblings(IReadOnlyList<Toponym> toponyms, GazetteerEntry?[] firstChoice, double[] firstMargin, int t)
    {
        return [Sibling(t - 1), Sibling(t + 1)];

        GazetteerEntry? Sibling(int other)
        {
            const int MaxGap = 6;
            if (other < 0 || other >= toponyms.Count || firstChoice[other] is not { } entry || !(entry.IsCountry || entry.IsFirstOrderRegion) || firstMargin[other] < 0.15)
            {
                return null;
            }

            var (left, right) = other < t ? (toponyms[other], toponyms[t]) : (toponyms[t], toponyms[other]);
            var gap = right.Span.Start - left.Span.End;
            return gap is > 0 and <= MaxGap ? entry : null;
        }
    }

    /// <summary>Whether the name is the main name of a country or first-order region ("Oklahoma", not the village of Oklahoma, Pennsylvania).</summary>
    private bool NamesRegion(List<(int Index, NameKind Kind, double Prior)> list)
    {
        foreach (var (index, kind, _) in list)
        {
            var entry = gazetteer.Entry(index);
            if ((kind & NameKind.Primary) != 0 && (entry.IsCountry || entry.IsFirstOrderRegion))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The confidently resolved first-order region named closest to this toponym in the text, within a sentence's
    /// reach on either side; null where none.
    /// </summary>
    private static GazetteerEntry? NearestRegionInText(IReadOnlyList<Toponym> toponyms, GazetteerEntry?[] firstChoice, double[] firstMargin, int t)
    {
        const int Reach = 150;
        GazetteerEntry? nearest = null;
        var best = int.MaxValue;
        for (var other = t - 1; other >= 0 && toponyms[t].Span.Start - toponyms[other].Span.End <= Reach; other--)
        {
            if (IsConfidentRegion(other))
            {
                best = toponyms[t].Span.Start - toponyms[other].Span.End;
                nearest = firstChoice[other];
                break;
            }
        }

        for (var other = t + 1; other < toponyms.Count && toponyms[other].Span.Start - toponyms[t].Span.End < Math.Min(best, Reach); other++)
        {
            if (IsConfidentRegion(other))
            {
                return firstChoice[other];
            }
        }

        return nearest;

        bool IsConfidentRegion(int index) =>
            firstChoice[index] is { IsFirstOrderRegion: true } && firstMargin[index] > 0.2 && !toponyms[index].IsPartialMatch;
    }

    /// <summary>
    /// When a toponym's candidates hold both a city of a million or more and the first-level region it lies in,
    /// each under its main name, that region's key ("US.NY"); otherwise null.
    /// </summary>
    private string? NamesakeCityRegion(List<(int Index, NameKind Kind, double Prior)> list)
    {
        foreach (var (index, kind, _) in list)
        {
            var city = gazetteer.Entry(index);
            if (city.FeatureClass != 'P' || city.Population < 1_000_000 || city.Admin1.Length == 0 || (kind & NameKind.Primary) == 0)
            {
                continue;
            }

            foreach (var (other, otherKind, _) in list)
            {
                var region = gazetteer.Entry(other);
                if ((otherKind & NameKind.Primary) != 0 && region.IsFirstOrderRegion && region.CountryCode == city.CountryCode && region.Admin1 == city.Admin1)
                {
                    return city.CountryCode + "." + city.Admin1;
                }
            }
        }

        return null;
    }

    /// <summary>What the name alone says: bigger, more important places and main names first.</summary>
    private static double Prior(GazetteerEntry entry, NameKind kind, Toponym toponym)
    {
        // A region's population is the sum of its towns: discounted, so "New York" the city can beat the state.
        var population = Math.Min(Math.Log10(entry.Population + 1) / 7.0, 1.2) * (entry.IsFirstOrderRegion || entry.FeatureCode == "ADM1H" ? 0.75 : 1.0);
        if (entry.FeatureClass == 'P' && entry.Population >= 1_000_000)
        {
            population += 0.3;
        }

        var feature = entry.FeatureCode switch
        {
            "PCLI" or "PCLD" or "PCLF" or "PCLS" or "PCL" or "PCLIX" => 0.9,
            "OCN" => 1.6,
            "SEA" or "GULF" or "BAY" => 1.0,
            "STM" or "LK" or "STRT" or "CNL" => 0.9,
            "MTS" or "DSRT" or "PEN" or "DLTA" => 0.8,
            "MT" or "VLC" => 0.6,
            "CONT" => 0.9,
            "ADM1" => 0.55,
            "ADM1H" => 0.15,
            "RGN" or "CORR" or "CRSG" or "ISL" => 0.8,
            "PPLC" => 0.75,
            "PPLA" => 0.4,
            "PPLA2" => 0.25,
            "PPLA3" or "PPLA4" => 0.12,
            "PPLX" or "PPLL" or "PPLF" => -0.1,
            "PPLH" or "PPLQ" or "PPLW" => -0.3,
            _ => 0.05,
        };
        var name = (kind & (NameKind.Primary | NameKind.Demonym | NameKind.Abbreviation)) != 0 ? 0.45 : 0.0;
        var score = population + feature + name;
        if (toponym.Kind == PlaceMentionKind.Demonym && (entry.IsCountry || entry.IsArea))
        {
            score += 0.3;
        }

        score += toponym.TypeHint switch
        {
            PlaceTypeHint.Area when entry.IsArea => 0.5,
            PlaceTypeHint.Area => -0.2,
            PlaceTypeHint.Settlement when entry.FeatureClass == 'P' || entry.FeatureCode == "AIRP" => 0.4, // "Heathrow airport", "Da Nang International Airport"
            PlaceTypeHint.Settlement => -0.3,
            _ => 0,
        };
        return score;
    }

    /// <summary>A qualifier's first choice when it is a region below country level ("Indiana" in "Scott County, Indiana").</summary>
    private static GazetteerEntry? QualifyingRegion(GazetteerEntry? qualifier) =>
        qualifier is { IsFirstOrderRegion: true } || qualifier?.FeatureCode is "ADM1H" or "ADM2" ? qualifier : null;

    /// <summary>A list ("Vermont, Virginia", "Kent, Surrey") links regions as a qualifier would; a region is never answered with its neighbour.</summary>
    private static bool IsRegionOrLarger(GazetteerEntry entry) =>
        entry.IsCountry || entry.IsContinent || entry.IsFirstOrderRegion || entry.FeatureCode is "ADM1H" or "ADM2" or "RGN";

    /// <summary>"Stroud, Ontario, Canada": the qualifying region is followed by the country it lies in.</summary>
    private static bool QualifiedInTurnByItsCountry(IReadOnlyList<Toponym> toponyms, GazetteerEntry?[] firstChoice, int qualifierIndex, GazetteerEntry region) =>
        toponyms[qualifierIndex].QualifierIndex is { } next && firstChoice[next] is { IsCountry: true } country && country.CountryCode == region.CountryCode;

    private static bool Within(GazetteerEntry place, GazetteerEntry region) =>
        place.Id == region.Id
        || (region.IsFirstOrderRegion && place.CountryCode == region.CountryCode && place.Admin1 == region.Admin1)
        || GeoMath.DistanceKm(place.Latitude, place.Longitude, region.Latitude, region.Longitude) < 150;

    /// <summary>Whether one of the qualifier's candidates contains (country, region) or lies near the entry.</summary>
    /// <param name="limit">Only the other toponym's best candidates by prior: its reading is almost always among them, and every candidate pair costs.</param>
    private bool Qualifies(List<(int Index, NameKind Kind, double Prior)> others, int limit, GazetteerEntry entry, bool reverse = false)
    {
        for (var i = 0; i < others.Count && i < limit; i++)
        {
            var other = gazetteer.Entry(others[i].Index);
            var (container, place) = reverse ? (entry, other) : (other, entry);
            if (container.IsCountry && container.CountryCode == place.CountryCode)
            {
                return true;
            }

            if (container.IsFirstOrderRegion && container.CountryCode == place.CountryCode && container.Admin1 == place.Admin1)
            {
                return true;
            }

            // 60 km is about 0.54 degrees of latitude: most pairs are rejected before the exact distance.
            if (container.Id != place.Id && Math.Abs(container.Latitude - place.Latitude) < 0.55
                && GeoMath.DistanceKm(container.Latitude, container.Longitude, place.Latitude, place.Longitude) < 60)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A bonus for being close to the other places the document names (distinct first-pass choices).</summary>
    private static double Nearness(GazetteerEntry entry, GazetteerEntry? own, List<GazetteerEntry> neighbours)
    {
        if (entry.IsCountry || entry.IsContinent)
        {
            return 0;
        }

        var near = 0.0;
        foreach (var other in neighbours)
        {
            if (other.Id == entry.Id || ReferenceEquals(other, own)
                || Math.Abs(other.Latitude - entry.Latitude) > 2 || Math.Abs(other.Longitude - entry.Longitude) > 3)
            {
                continue; // beyond ~200 km in latitude, or far in longitude: no need for the exact distance
            }

            // A place within 100 km counts fully, one within 200 km half: namesakes are often a state apart.
            var distance = GeoMath.DistanceKm(entry.Latitude, entry.Longitude, other.Latitude, other.Longitude);
            near += distance < 100 ? 1 : distance < 200 ? 0.5 : 0;
            if (near >= 3)
            {
                break;
            }
        }

        return Math.Min(near, 3) * 0.12;
    }

    private static string Reason(double prior, double focus, double score) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"prior {prior:F2}, country focus {focus:F2}, total {score:F2}");
}
