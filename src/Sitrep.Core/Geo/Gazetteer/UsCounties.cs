using System.Text.Json;

namespace Sitrep.Geo.Gazetteer;

/// <summary>
/// The counties of the United States (GeoNames ADM2 features, which the cities500 dump lacks) from the Census
/// Bureau's shapes in the <c>us-atlas</c> package (<c>counties-10m.json</c>, TopoJSON): each county is placed at
/// the centre of its outline's bounding box, a few kilometres from GeoNames' point for it. US news names
/// counties constantly ("Cuyahoga County", "Jefferson Parish"); a name of the form "X County" otherwise falls
/// back to a town called X, often in another state.
/// </summary>
internal static class UsCounties
{
    /// <summary>Ids: this base plus the county's five-digit FIPS code (GeoNames' ids are not in the package).</summary>
    public const long IdBase = 900_100_000_000;

    /// <summary>A nominal population: namesakes are other counties, told apart by the document's states and towns.</summary>
    private const long Population = 100_000;

    /// <summary>States whose FIPS county codes from 500 up are independent cities, not counties (Baltimore, St. Louis, Carson City, Virginia's cities).</summary>
    private static readonly HashSet<string> IndependentCityStates = new(StringComparer.Ordinal) { "24", "29", "32", "51" };

    public static void Read(string path, List<GazetteerEntry> entries, Action<int, string, NameKind> addName)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var transform = root.GetProperty("transform");
        var arcs = DecodeArcs(root.GetProperty("arcs"), transform.GetProperty("scale"), transform.GetProperty("translate"));
        var states = StateAdminCodes(root.GetProperty("objects").GetProperty("states"), entries);
        foreach (var county in root.GetProperty("objects").GetProperty("counties").GetProperty("geometries").EnumerateArray())
        {
            var fips = county.GetProperty("id").GetString() ?? "";
            var name = county.GetProperty("properties").GetProperty("name").GetString() ?? "";
            if (fips.Length != 5 || name.Length == 0 || !states.TryGetValue(fips[..2], out var state) || IsIndependentCity(fips) || fips.StartsWith("02", StringComparison.Ordinal))
            {
                continue; // territories, independent cities, and Alaska's boroughs and census areas, whose kind the package does not give
            }

            var (lat, lon) = Centre(county.GetProperty("arcs"), arcs);
            var kind = fips.StartsWith("22", StringComparison.Ordinal) ? "Parish" : "County";
            var index = entries.Count;
            entries.Add(new GazetteerEntry(IdBase + long.Parse(fips, System.Globalization.CultureInfo.InvariantCulture), $"{name} {kind}", (float)lat, (float)lon, "US", 'A', "ADM2", state, Population));
            addName(index, $"{name} {kind}", NameKind.Primary);
            if (name.StartsWith("St. ", StringComparison.Ordinal))
            {
                addName(index, $"Saint {name[4..]} {kind}", NameKind.Primary);
            }
        }
    }

    private static bool IsIndependentCity(string fips) =>
        IndependentCityStates.Contains(fips[..2]) && int.Parse(fips[2..], System.Globalization.CultureInfo.InvariantCulture) >= 500;

    /// <summary>State FIPS code to the GeoNames admin code of the state's region entry ("39" -> "OH"), matched by name.</summary>
    private static Dictionary<string, string> StateAdminCodes(JsonElement states, List<GazetteerEntry> entries)
    {
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry.CountryCode == "US" && entry.IsFirstOrderRegion)
            {
                byName.TryAdd(entry.Name, entry.Admin1);
            }
        }

        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var state in states.GetProperty("geometries").EnumerateArray())
        {
            var name = state.GetProperty("properties").GetProperty("name").GetString() ?? "";
            if (byName.TryGetValue(name, out var admin))
            {
                codes[state.GetProperty("id").GetString() ?? ""] = admin;
            }
        }

        return codes;
    }

    /// <summary>TopoJSON arcs: quantized, delta-encoded positions, turned into longitude/latitude points.</summary>
    private static List<(double Lon, double Lat)[]> DecodeArcs(JsonElement arcs, JsonElement scale, JsonElement translate)
    {
        var (scaleX, scaleY) = (scale[0].GetDouble(), scale[1].GetDouble());
        var (translateX, translateY) = (translate[0].GetDouble(), translate[1].GetDouble());
        var decoded = new List<(double Lon, double Lat)[]>(arcs.GetArrayLength());
        foreach (var arc in arcs.EnumerateArray())
        {
            var points = new (double Lon, double Lat)[arc.GetArrayLength()];
            long x = 0, y = 0;
            var i = 0;
            foreach (var position in arc.EnumerateArray())
            {
                x += position[0].GetInt64();
                y += position[1].GetInt64();
                points[i++] = ((x * scaleX) + translateX, (y * scaleY) + translateY);
            }

            decoded.Add(points);
        }

        return decoded;
    }

    /// <summary>The centre of the bounding box of every arc a geometry uses (a negative index ~i is arc i reversed).</summary>
    private static (double Lat, double Lon) Centre(JsonElement geometryArcs, List<(double Lon, double Lat)[]> arcs)
    {
        double minLat = double.MaxValue, maxLat = double.MinValue, minLon = double.MaxValue, maxLon = double.MinValue;
        var pending = new Stack<JsonElement>();
        pending.Push(geometryArcs);
        while (pending.Count > 0)
        {
            var element = pending.Pop();
            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var child in element.EnumerateArray())
                {
                    pending.Push(child);
                }

                continue;
            }

            var index = element.GetInt32();
            foreach (var (lon, lat) in arcs[index >= 0 ? index : ~index])
            {
                minLat = Math.Min(minLat, lat);
                maxLat = Math.Max(maxLat, lat);
                minLon = Math.Min(minLon, lon);
                maxLon = Math.Max(maxLon, lon);
            }
        }

        return ((minLat + maxLat) / 2, (minLon + maxLon) / 2);
    }
}
