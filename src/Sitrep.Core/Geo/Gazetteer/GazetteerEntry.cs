namespace Sitrep.Geo.Gazetteer;

/// <summary>
/// One place of the gazetteer: a GeoNames feature (city, country, first-level region) or an entry of our
/// own supplement (disputed territory, corridor, crossing).
/// </summary>
/// <param name="Id">GeoNames id; supplement entries without one use ids from 900,000,000,000 up (see <c>Data/supplement.tsv</c>).</param>
/// <param name="FeatureClass">GeoNames feature class: P (populated place), A (country, region), L (area), R (road, corridor), S (spot, crossing).</param>
/// <param name="Admin1">The GeoNames first-level admin code inside the country ("12", "CA"); empty when unknown.</param>
public sealed record GazetteerEntry(
    long Id,
    string Name,
    float Latitude,
    float Longitude,
    string CountryCode,
    char FeatureClass,
    string FeatureCode,
    string Admin1,
    long Population)
{
    public bool IsCountry => FeatureClass == 'A' && FeatureCode.StartsWith("PCL", StringComparison.Ordinal);

    public bool IsContinent => FeatureCode == "CONT";

    public bool IsFirstOrderRegion => FeatureCode == "ADM1";

    /// <summary>Areas that contain other places: countries, regions, territories.</summary>
    public bool IsArea => FeatureClass is 'A' or 'L' || IsContinent;
}
