using System.Collections.Frozen;
using System.Globalization;

namespace Sitrep.Quantities;

/// <summary>
/// Reads the numbers news text writes: digits with thousands separators and decimals ("120,000", "1.2"),
/// words ("seventy-five", "two hundred", "a dozen"), mixed scales ("1.2 million", "2 1/2"), and the
/// vague counts ("several", "hundreds") for which the caller decides a convention.
/// </summary>
/// <remarks>Pure and thread-safe. Used by both the time and the quantity taggers.</remarks>
public static class NumberWords
{
    private static readonly FrozenDictionary<string, int> Units = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = 0, ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5,
        ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
        ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17,
        ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50,
        ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, double> Scales = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase)
    {
        ["hundred"] = 100, ["thousand"] = 1_000, ["million"] = 1_000_000, ["billion"] = 1_000_000_000, ["trillion"] = 1e12,
        ["dozen"] = 12, ["m"] = 1_000_000, ["bn"] = 1_000_000_000, ["k"] = 1_000,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, int> Ordinals = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7,
        ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10, ["eleventh"] = 11, ["twelfth"] = 12, ["thirteenth"] = 13,
        ["fourteenth"] = 14, ["fifteenth"] = 15, ["sixteenth"] = 16, ["seventeenth"] = 17, ["eighteenth"] = 18,
        ["nineteenth"] = 19, ["twentieth"] = 20, ["thirtieth"] = 30, ["last"] = -1,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Regex fragment for a cardinal in words (up to the scales), for composing patterns.</summary>
    public const string WordPattern =
        "(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
        + "|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
        + "(?:[- ](?:hundred|thousand|million|billion)(?:[- ](?:and[- ])?(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))?)?";

    /// <summary>Regex fragment for a number in digits: "120,000", "1.2", "2 1/2", "95".</summary>
    public const string DigitPattern = @"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?:\s\d/\d)?";

    /// <summary>Parses a cardinal phrase ("two dozen", "1.2 million", "seventy-five", "2 1/2", "a"). False when it is not one.</summary>
    public static bool TryParse(ReadOnlySpan<char> phrase, out double value)
    {
        value = 0;
        phrase = phrase.Trim();
        if (phrase.IsEmpty)
        {
            return false;
        }

        double total = 0;
        double current = 0;
        var any = false;
        foreach (var range in phrase.SplitAny(" -"))
        {
            var word = phrase[range];
            if (word.IsEmpty || word.Equals("and", StringComparison.OrdinalIgnoreCase) || word.Equals("of", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (char.IsDigit(word[0]))
            {
                if (word.Contains('/'))
                {
                    // "2 1/2": a fraction after a whole number.
                    var slash = word.IndexOf('/');
                    if (double.TryParse(word[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out var numerator)
                        && double.TryParse(word[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var denominator) && denominator > 0)
                    {
                        current += numerator / denominator;
                        any = true;
                        continue;
                    }

                    return false;
                }

                if (!double.TryParse(word, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var digits))
                {
                    return false;
                }

                current += digits;
                any = true;
            }
            else if (Units.TryGetValue(word.ToString(), out var unit))
            {
                current += unit;
                any = true;
            }
            else if (Scales.TryGetValue(word.ToString(), out var scale))
            {
                if (!any)
                {
                    current = 1; // "hundred" alone, "dozen" alone
                }

                if (scale >= 1000)
                {
                    total += (current == 0 ? 1 : current) * scale;
                    current = 0;
                }
                else
                {
                    current = (current == 0 ? 1 : current) * scale;
                }

                any = true;
            }
            else if (word.Equals("half", StringComparison.OrdinalIgnoreCase))
            {
                current = current == 0 ? 0.5 : current + 0.5;
                any = true;
            }
            else
            {
                return false;
            }
        }

        value = total + current;
        return any;
    }

    /// <summary>"third" -> 3, "11th" -> 11; false when it is not an ordinal.</summary>
    public static bool TryParseOrdinal(ReadOnlySpan<char> word, out int value)
    {
        value = 0;
        word = word.Trim();
        if (word.Length >= 3 && char.IsDigit(word[0]))
        {
            var digits = word[..^2];
            return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        if (Ordinals.TryGetValue(word.ToString(), out value))
        {
            return true;
        }

        // "twenty-first"
        var dash = word.IndexOf('-');
        if (dash > 0 && Units.TryGetValue(word[..dash].ToString(), out var tens) && Ordinals.TryGetValue(word[(dash + 1)..].ToString(), out var ones))
        {
            value = tens + ones;
            return true;
        }

        return false;
    }
}
