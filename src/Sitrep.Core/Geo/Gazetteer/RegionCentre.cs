using Sitrep.Geo.Resolution;

namespace Sitrep.Geo.Gazetteer;

/// <summary>
/// The point given to a first-level region built from the towns in it: the centre of their bounding box,
/// which is closer to the conventional "geographic centre" points gazetteers give than the mean of the
/// towns (that leans towards where people live). Outlying towns are left out first: cities500 codes a few
/// towns to the wrong region (a Jiangsu town in Gansu put the province's box centre 800 km west), and
/// far islands (Tokyo's Ogasawara, Valparaíso's Easter Island) would move a box far out to sea.
/// </summary>
internal static class RegionCentre
{
    /// <summary>A town is an outlier beyond this many times the distance within which 90% of the towns lie from their median point.</summary>
    private const double OutlierFactor = 3;

    /// <summary>Never cut closer than this: a region whose towns cluster tightly still has far corners of its own.</summary>
    private const double MinimumCutKm = 300;

    public static (double Lat, double Lon) Of(List<float> latitudes, List<float> longitudes)
    {
        var count = latitudes.Count;
        if (count < 5)
        {
            return BoxCentre(latitudes, longitudes, _ => true);
        }

        var medianLat = Median(latitudes);
        var medianLon = Median(longitudes);
        var distances = new double[count];
        for (var i = 0; i < count; i++)
        {
            distances[i] = GeoMath.DistanceKm(medianLat, medianLon, latitudes[i], longitudes[i]);
        }

        var sorted = (double[])distances.Clone();
        Array.Sort(sorted);
        var cut = Math.Max(OutlierFactor * sorted[(int)(count * 0.9)], MinimumCutKm);
        return BoxCentre(latitudes, longitudes, i => distances[i] <= cut);
    }

    private static (double Lat, double Lon) BoxCentre(List<float> latitudes, List<float> longitudes, Func<int, bool> kept)
    {
        double minLat = double.MaxValue, maxLat = double.MinValue, minLon = double.MaxValue, maxLon = double.MinValue;
        for (var i = 0; i < latitudes.Count; i++)
        {
            if (kept(i))
            {
                minLat = Math.Min(minLat, latitudes[i]);
                maxLat = Math.Max(maxLat, latitudes[i]);
                minLon = Math.Min(minLon, longitudes[i]);
                maxLon = Math.Max(maxLon, longitudes[i]);
            }
        }

        return ((minLat + maxLat) / 2, (minLon + maxLon) / 2);
    }

    private static double Median(List<float> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return sorted[sorted.Length / 2];
    }
}
