using System.Collections.Concurrent;

namespace Sitrep.Geo.Gazetteer;

/// <summary>One loaded gazetteer per data folder and process: loading costs about a second, sharing costs nothing.</summary>
public static class GazetteerCache
{
    private static readonly ConcurrentDictionary<string, Lazy<PlaceGazetteer>> Loaded = new(StringComparer.Ordinal);

    /// <exception cref="GeoDataException">The data folder has no gazetteer yet.</exception>
    public static PlaceGazetteer Get(string dataDirectory)
    {
        var path = Path.GetFullPath(GazetteerSetup.GazetteerPath(dataDirectory));
        return Loaded.GetOrAdd(path, p => new Lazy<PlaceGazetteer>(() =>
        {
            if (!File.Exists(p))
            {
                throw new GeoDataException($"SITREP-GEO-001: the gazetteer is not prepared ({p} is missing); run ./sitrep setup");
            }

            return GazetteerFile.Read(p);
        })).Value;
    }
}
