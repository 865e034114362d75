using System.Collections.Frozen;

namespace Sitrep.Geo.Gazetteer;

/// <summary>Spellings news uses that GeoNames' names and alternates often lack.</summary>
internal static class NameVariants
{
    /// <summary>Countries whose place names carry the Arabic article in GeoNames ("Al Qāmishlī", "Ar Raqqah", "Ash Shaykh Maskin").</summary>
    private static readonly FrozenSet<string> ArticleCountries = new[]
    {
        "AE", "BH", "DZ", "EG", "EH", "IQ", "JO", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA", "SA", "SD", "SY", "TN", "YE",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly string[] Articles = ["al", "ar", "as", "ash", "ad", "adh", "az", "an", "at", "ath", "el", "ed", "es", "et", "en", "ez"];

    /// <summary>
    /// The name without its leading Arabic article, as English news mostly writes it ("Qamishli", "Raqqah",
    /// "Hasakah"); null when the place is not in an Arabic-speaking country or the name has no article.
    /// </summary>
    public static string? WithoutArabicArticle(string name, string countryCode)
    {
        if (!ArticleCountries.Contains(countryCode))
        {
            return null;
        }

        foreach (var article in Articles)
        {
            if (name.Length > article.Length + 4
                && name.StartsWith(article, StringComparison.OrdinalIgnoreCase)
                && name[article.Length] is ' ' or '-')
            {
                var rest = name[(article.Length + 1)..];
                return char.IsUpper(rest[0]) ? rest : null;
            }
        }

        return null;
    }
}
