using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Documents;

namespace Sitrep.Quantities;

/// <summary>A quantity found in text, before it becomes an annotation.</summary>
public sealed record QuantityMatch(TextSpan Span, double Value, string Unit, bool Approximate, QuantityBound Bound, string Category);

/// <summary>
/// Finds counted and measured amounts: a number (digits, words, "two dozen", "hundreds", "1.2 million"),
/// the approximation or bound words before it, and the unit or counted noun after it; people's
/// categories come from the noun ("refugees", "dead") or the nearest verb ("were killed", "fled").
/// </summary>
/// <remarks>
/// Conventions for vague counts, all marked approximate: "dozens" 24, "scores" 40, "hundreds" 200,
/// "thousands" 2,000, "tens of thousands" 20,000, "hundreds of thousands" 200,000, "millions" 2,000,000
/// (twice the unit: the smallest plural), with a lower bound ("thousands" is at least 2,000, not 2,000);
/// "a few dozen" and "several dozen" are estimates (36, exact bound). Numbers without a unit or noun are left alone (scores,
/// votes, codes), as are years, dates, clock times and ages ("aged 5", "5-year-old"), and every
/// number inside a temporal expression. Stateless and thread-safe.
/// </remarks>
public static partial class QuantityTagger
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    [GeneratedRegex(
        @"\G(?<![\w.,$€£])(?<pre>(?:(?:at\s+least|more\s+than|over|upwards\s+of|in\s+excess\s+of|no\s+fewer\s+than|no\s+less\s+than|up\s+to|fewer\s+than|less\s+than|under|at\s+most|as\s+many\s+as|as\s+much\s+as|around|about|approximately|some|nearly|almost|roughly|an\s+estimated|estimated|close\s+to|just\s+over|just\s+under|well\s+over|more\s+or\s+less|at\s+an\s+estimated|a\s+total\s+of|only|just)\s+)*)"
        + @"(?<cur>US\$|\$|€|£|(?:USD|EUR|GBP)\s?)?"
        + @"(?<num>tens\s+of\s+thousands|hundreds\s+of\s+thousands|tens\s+of\s+millions|dozens|scores|hundreds|thousands|millions|a\s+few\s+dozen|(?:a|one|two|three|four|five|six|several|half\s+a)\s+dozen|a\s+(?:hundred|thousand|million)|"
        + NumberWords.DigitPattern + "|" + NumberWords.WordPattern + @")"
        + @"(?<scale>\s*(?:million|billion|trillion|thousand|mn|bn|m|k)\b)?(?:\s+dozen)?"
        + @"(?<pct>\s*%|\s+per\s*cent\b|\s+percent\b|\s+pc\b)?",
        Options)]
    private static partial Regex NumberRegex();

    [GeneratedRegex(@"\G(?:\s+of)?(?:\s+(?<w>[A-Za-z][A-Za-z'-]*|km2|m3)){1,3}", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex FollowingWords();

    [GeneratedRegex(@"\b(?<killed>killed|killing|kills|dead|died|die|deaths?|death\s+toll|fatalities|lost\s+their\s+lives|massacred|executed|slain|bodies)\b|\b(?<injured>injured|injuring|wounded|wounding|hurt|injuries)\b|\b(?<needing>(?:need|needing|needs|require|requiring|awaiting|await)\s+(?:(?:urgent|medical|immediate)\s+){0,2}(?:to\s+be\s+)?evacuat\w*)\b|\b(?<evacuated>evacuated|evacuating|evacuation\s+of|airlifted|rescued)\b|\b(?<displaced>displaced|displacing|fled|fleeing|flee|uprooted|forced\s+from\s+their\s+homes|refugees|homeless|made\s+homeless)\b|\b(?<trapped>trapped|stranded|besieged|encircled|cut\s+off|under\s+siege|stuck)\b|\b(?<detained>detained|detaining|arrested|arresting|captured|capturing|abducted|kidnapped|imprisoned|jailed|held\s+captive|taken\s+hostage|taken\s+prisoner)\b|\b(?<missing>missing|disappeared|unaccounted\s+for)\b|\b(?<population>home\s+to|population|inhabitants|residents|live|lives\s+in|living|inhabited|populated)\b", Options)]
    private static partial Regex CategoryCue();

    /// <summary>
    /// A count of people named by what happened to them, with no noun: "4,000 were displaced", "200 remain
    /// trapped", "45 killed", "1,500 need evacuation". Only a participle or a short verb phrase right
    /// after the number counts; anything else leaves the number alone.
    /// </summary>
    [GeneratedRegex(@"\G\s+(?:(?:were|was|are|is|have\s+been|has\s+been|had\s+been|are\s+being|were\s+being|remain|remained|remains|are\s+still|were\s+still|reportedly|also|still|now|later)\s+){0,3}"
        + @"(?:(?<killed>killed|died|perished|slain|executed|massacred)|(?<injured>injured|wounded|hurt)|(?<needing>(?:need|needed|needing|require|required|requiring|await|awaiting)\s+(?:(?:urgent|medical|immediate)\s+){0,2}evacuation)|(?<evacuated>evacuated|airlifted|rescued)|(?<displaced>displaced|fled|uprooted)|(?<trapped>trapped|stranded|besieged|encircled)|(?<detained>detained|arrested|abducted|kidnapped|captured|imprisoned|jailed)|(?<missing>missing|unaccounted\s+for))\b", Options)]
    private static partial Regex BareCount();

    [GeneratedRegex(@"\b(?:aged|ages?|age\s+of|No\.|number|#|page|resolution|article|chapter|section|route|highway|flight|room|grade|level|phase|round|item|point|division|brigade|battalion|regiment|corps|unit)\s*$", Options)]
    private static partial Regex NotACountBefore();

    /// <summary>The words <see cref="NotACountBefore"/> can end with ("age of" ends with "of").</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotACountWords = new[]
    {
        "aged", "age", "ages", "of", "number", "page", "resolution", "article", "chapter", "section", "route", "highway", "flight", "room",
        "grade", "level", "phase", "round", "item", "point", "division", "brigade", "battalion", "regiment", "corps", "unit",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// A cheap necessary condition for <see cref="NotACountBefore"/>: the text before the number ends with
    /// one of its words, "#" or "No.". Saves running that unanchored regex before almost every number.
    /// </summary>
    private static bool MayNameANumberBefore(ReadOnlySpan<char> before)
    {
        var end = before.Length;
        while (end > 0 && char.IsWhiteSpace(before[end - 1]))
        {
            end--;
        }

        if (end == 0)
        {
            return false;
        }

        if (before[end - 1] is '#' or '.')
        {
            return true;
        }

        var start = end;
        while (start > 0 && char.IsLetter(before[start - 1]))
        {
            start--;
        }

        return start < end && NotACountWords.Contains(before[start..end]);
    }

    /// <param name="text">The normalized text.</param>
    /// <param name="sentences">Sentence spans (the window for category cues); may be empty.</param>
    /// <param name="excluded">Spans whose numbers are not quantities (temporal expressions).</param>
    public static List<QuantityMatch> Tag(string text, IReadOnlyList<TextSpan> sentences, IReadOnlyList<TextSpan> excluded)
    {
        var found = new List<QuantityMatch>();
        var covered = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                i++;
                continue;
            }

            var wordStart = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            // Only numbers (digits, number words, vague counts) trigger; the regex is anchored at the
            // farthest plausible start (approximation words, a currency sign) and tried there only.
            if (wordStart < covered || !(char.IsDigit(c) || NumberStarters.Contains(text.AsSpan(wordStart, i - wordStart))))
            {
                continue;
            }

            foreach (var start in Starts(text, wordStart))
            {
                var m = NumberRegex().Match(text, start);
                if (!m.Success || m.Index + m.Length <= wordStart)
                {
                    continue;
                }

                if (Read(text, m, sentences, excluded) is { } quantity && (found.Count == 0 || !found[^1].Span.Overlaps(quantity.Span)))
                {
                    found.Add(quantity);
                    covered = quantity.Span.End;
                }

                covered = Math.Max(covered, m.Index + m.Length);
                break;
            }
        }

        return found;
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NumberStarters = new[]
    {
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
        "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
        "ninety", "dozens", "scores", "hundreds", "thousands", "millions", "tens", "dozen", "hundred", "thousand", "million", "half",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PrefixWords = new[]
    {
        "at", "least", "more", "than", "over", "upwards", "of", "in", "excess", "no", "fewer", "less", "up", "to", "under", "most", "as",
        "many", "much", "around", "about", "approximately", "some", "nearly", "almost", "roughly", "an", "estimated", "close", "just",
        "well", "or", "a", "total", "only", "several", "few",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Where a quantity around the number at <paramref name="numberStart"/> may begin, farthest first.</summary>
    private static IEnumerable<int> Starts(string text, int numberStart)
    {
        var first = numberStart;
        if (first > 0 && text[first - 1] is '$' or '€' or '£')
        {
            first--;
            if (first >= 2 && text.AsSpan(first - 2, 2).Equals("US", StringComparison.Ordinal))
            {
                first -= 2;
            }
        }
        else if (first >= 4 && (text.AsSpan(first - 4, 4).Equals("USD ", StringComparison.Ordinal) || text.AsSpan(first - 4, 4).Equals("EUR ", StringComparison.Ordinal) || text.AsSpan(first - 4, 4).Equals("GBP ", StringComparison.Ordinal)))
        {
            first -= 4;
        }

        var starts = new List<int>(6);
        var position = first;
        for (var words = 0; words < 5; words++)
        {
            var end = position;
            while (end > 0 && text[end - 1] == ' ')
            {
                end--;
            }

            var start = end;
            while (start > 0 && char.IsLetter(text[start - 1]))
            {
                start--;
            }

            if (start == end || end == position || !PrefixWords.Contains(text.AsSpan(start, end - start)))
            {
                break;
            }

            starts.Add(start);
            position = start;
        }

        for (var k = starts.Count - 1; k >= 0; k--)
        {
            yield return starts[k];
        }

        yield return first;
        if (first != numberStart)
        {
            yield return numberStart;
        }
    }

    private static QuantityMatch? Read(string text, Match m, IReadOnlyList<TextSpan> sentences, IReadOnlyList<TextSpan> excluded)
    {
        var numGroup = m.Groups["num"];
        var numText = numGroup.Value;
        var numSpan = new TextSpan(numGroup.Index, numGroup.Index + numGroup.Length);
        foreach (var span in excluded)
        {
            if (span.Overlaps(numSpan))
            {
                return null;
            }
        }

        // A bare article, "one" or "some" is not a figure worth reporting unless a unit follows directly.
        var lower = numText.ToUpperInvariant();
        if (lower is "A" or "AN")
        {
            return null;
        }

        if (!TryValue(numText, out var value, out var vague))
        {
            return null;
        }

        if (m.Groups["scale"].Success)
        {
            var scale = m.Groups["scale"].Value.Trim().ToUpperInvariant();
            value *= scale switch
            {
                "THOUSAND" or "K" => 1e3,
                "MILLION" or "MN" or "M" => 1e6,
                "BILLION" or "BN" => 1e9,
                _ => 1e12,
            };
        }

        if (m.Value.Contains("dozen", StringComparison.OrdinalIgnoreCase) && !numText.Contains("dozen", StringComparison.OrdinalIgnoreCase))
        {
            value *= 12;
        }

        var before = text.AsSpan(Math.Max(0, m.Index - 20), m.Index - Math.Max(0, m.Index - 20));
        if (MayNameANumberBefore(before) && NotACountBefore().IsMatch(before))
        {
            return null;
        }

        var (approximate, bound, preStart) = ReadPrefix(m);
        approximate |= vague;
        if (vague && bound == QuantityBound.Exact && numText.EndsWith('s'))
        {
            // "thousands of residents" says at least two thousand, not 2,000: the value is that lower bound.
            bound = QuantityBound.Lower;
        }
        var start = preStart;
        var end = m.Index + m.Length;

        if (m.Groups["pct"].Success)
        {
            return new QuantityMatch(new TextSpan(start, end), value, "percent", approximate, bound, "percent");
        }

        if (m.Groups["cur"].Success)
        {
            var unit = m.Groups["cur"].Value.Trim().ToUpperInvariant() switch
            {
                "€" or "EUR" => "EUR",
                "£" or "GBP" => "GBP",
                _ => "USD",
            };
            return new QuantityMatch(new TextSpan(start, end), value, unit, approximate, bound, "money");
        }

        // "m" as a scale is ambiguous with metres: "400m" reads as metres only without a noun after it.
        var words = FollowingWords().Match(text, end);
        if (!words.Success)
        {
            return null;
        }

        return ReadCounted(text, sentences, words, value, approximate, bound, start, end) ?? ReadBareCount(text, m, end, value, approximate, bound, start);
    }

    /// <summary>The counted noun or unit after the number ("12 aid trucks", "300 wounded fighters").</summary>
    private static QuantityMatch? ReadCounted(string text, IReadOnlyList<TextSpan> sentences, Match words, double value, bool approximate, QuantityBound bound, int start, int end)
    {
        var captures = words.Groups["w"].Captures;
        for (var i = 0; i < captures.Count; i++)
        {
            var word = captures[i].Value;
            if (QuantityLexicon.TryGet(word, out var sense))
            {
                // "300 wounded fighters": a category word used as an adjective before the counted noun.
                string? adjectiveCategory = null;
                if (sense.People && i + 1 < captures.Count && QuantityLexicon.TryGet(captures[i + 1].Value, out var nextSense) && nextSense.People
                    && char.IsLower(captures[i + 1].Value[0]))
                {
                    adjectiveCategory = sense.Category;
                    sense = nextSense;
                    i++;
                }

                // "5-year-old", "aged 5" are ages, "11th" never matches: ordinals are not counts.
                if (IsAge(text, end))
                {
                    return null;
                }

                var nounEnd = captures[i].Index + captures[i].Length;
                var category = sense.People ? PeopleCategory(text, sentences, start, nounEnd, adjectiveCategory ?? sense.Category, overridable: adjectiveCategory is not null) : sense.Category;
                if (sense.Unit == "convoy" || sense.Unit == "truck")
                {
                    category = "vehicles";
                }

                return new QuantityMatch(new TextSpan(start, nounEnd), value, sense.Unit, approximate, bound, category);
            }

            if (!QuantityLexicon.IsModifier(word) || (i == 0 && word.Length == 1))
            {
                return null;
            }
        }

        return null;
    }

    private static readonly string[] BareCategories = ["killed", "injured", "needing", "evacuated", "displaced", "trapped", "detained", "missing"];

    /// <summary>
    /// "4,000 were displaced": people counted by a verb right after the number. Not after a scale-less
    /// year-like number ("in 2014 fled"), which the temporal stage normally claims anyway.
    /// </summary>
    private static QuantityMatch? ReadBareCount(string text, Match m, int end, double value, bool approximate, QuantityBound bound, int start)
    {
        if (m.Groups["scale"].Success || value < 1 || value != Math.Floor(value)
            || (value is >= 1000 and <= 2100 && !m.Groups["num"].Value.Contains(',', StringComparison.Ordinal) && char.IsDigit(m.Groups["num"].Value[0])))
        {
            return null;
        }

        var verb = BareCount().Match(text, end);
        if (!verb.Success)
        {
            return null;
        }

        foreach (var name in BareCategories)
        {
            if (verb.Groups[name].Success)
            {
                var category = name == "needing" ? "needing_evacuation" : name;
                return new QuantityMatch(new TextSpan(start, end), value, "people", approximate, bound, category);
            }
        }

        return null;
    }

    private static bool IsAge(string text, int end) =>
        text.AsSpan(end, Math.Min(12, text.Length - end)).StartsWith("-year", StringComparison.OrdinalIgnoreCase)
        || text.AsSpan(end, Math.Min(12, text.Length - end)).StartsWith(" years old", StringComparison.OrdinalIgnoreCase);

    private static (bool Approximate, QuantityBound Bound, int Start) ReadPrefix(Match m)
    {
        var pre = m.Groups["pre"];
        var approximate = false;
        var bound = QuantityBound.Exact;
        var start = m.Groups["cur"].Success ? m.Groups["cur"].Index : m.Groups["num"].Index;
        if (pre.Length == 0)
        {
            return (approximate, bound, start);
        }

        var words = pre.Value.ToUpperInvariant();
        if (Has(words, "AT LEAST") || Has(words, "MORE THAN") || Has(words, "OVER") || Has(words, "UPWARDS OF") || Has(words, "IN EXCESS OF") || Has(words, "NO FEWER THAN") || Has(words, "NO LESS THAN"))
        {
            bound = QuantityBound.Lower;
        }
        else if (Has(words, "UP TO") || Has(words, "FEWER THAN") || Has(words, "LESS THAN") || Has(words, "UNDER") || Has(words, "AT MOST") || Has(words, "AS MANY AS") || Has(words, "AS MUCH AS"))
        {
            bound = QuantityBound.Upper;
        }

        if (Has(words, "AROUND") || Has(words, "ABOUT") || Has(words, "APPROXIMATELY") || Has(words, "SOME") || Has(words, "NEARLY") || Has(words, "ALMOST")
            || Has(words, "ROUGHLY") || Has(words, "ESTIMATED") || Has(words, "CLOSE TO") || Has(words, "MORE OR LESS") || Has(words, "JUST OVER") || Has(words, "JUST UNDER") || Has(words, "WELL OVER"))
        {
            approximate = true;
        }

        // The span starts at the first word that changes the reading; "a total of", "only" stay outside.
        var trimmed = pre.Value.TrimStart();
        var offset = pre.Index + (pre.Value.Length - trimmed.Length);
        if (trimmed.StartsWith("a total of", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("only", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("just ", StringComparison.OrdinalIgnoreCase) && !(approximate || bound != QuantityBound.Exact))
        {
            return (approximate, bound, approximate || bound != QuantityBound.Exact ? offset : start);
        }

        return (approximate, bound, approximate || bound != QuantityBound.Exact ? offset : start);
    }

    private static bool Has(string words, string phrase)
    {
        var index = words.IndexOf(phrase, StringComparison.Ordinal);
        return index >= 0 && (index == 0 || words[index - 1] == ' ') && (index + phrase.Length == words.Length || words[index + phrase.Length] == ' ');
    }

    /// <summary>Parses the number; <paramref name="vague"/> is set for "hundreds", "dozens" and the like.</summary>
    internal static bool TryValue(string numText, out double value, out bool vague)
    {
        vague = true;
        var upper = numText.ToUpperInvariant();
        value = upper switch
        {
            _ when upper.StartsWith("TENS OF THOUSANDS", StringComparison.Ordinal) => 20_000,
            _ when upper.StartsWith("HUNDREDS OF THOUSANDS", StringComparison.Ordinal) => 200_000,
            _ when upper.StartsWith("TENS OF MILLIONS", StringComparison.Ordinal) => 20_000_000,
            "DOZENS" => 24,
            "SCORES" => 40,
            "HUNDREDS" => 200,
            "THOUSANDS" => 2_000,
            "MILLIONS" => 2_000_000,
            "A FEW DOZEN" => 36,
            "SEVERAL DOZEN" => 36,
            "HALF A DOZEN" => 6,
            _ => -1,
        };
        if (value >= 0)
        {
            return true;
        }

        vague = false;
        if (upper.EndsWith("DOZEN", StringComparison.Ordinal))
        {
            var head = numText[..^5].Trim();
            if (NumberWords.TryParse(head, out var count))
            {
                value = count * 12;
                return true;
            }

            return false;
        }

        return NumberWords.TryParse(numText, out value) && value >= 0;
    }

    /// <summary>
    /// The category of a count of people: the noun's own ("refugees", "dead") unless a cue word nearer to
    /// the number in the same sentence says more ("were killed", "fled", "home to").
    /// </summary>
    private static string PeopleCategory(string text, IReadOnlyList<TextSpan> sentences, int start, int end, string nounCategory, bool overridable)
    {
        var sentence = SentenceOf(sentences, start, text.Length);
        var best = nounCategory;
        // A generic noun takes the nearest cue; "residents" and "inhabitants" (population) only a cue
        // right next to them ("12,000 residents are trapped"), so "home to 12,000 residents" stays population.
        var bestDistance = nounCategory == "people" || overridable ? int.MaxValue : nounCategory == "population" ? 16 : 0;
        // Matched within the sentence's bounds (as if it were the whole text), without copying it.
        for (var cue = CategoryCue().Match(text, sentence.Start, sentence.Length); cue.Success; cue = cue.NextMatch())
        {
            var at = cue.Index;
            var distance = at >= end ? at - end : at + cue.Length <= start ? start - (at + cue.Length) : -1;
            if (distance < 0 && (overridable || nounCategory == "population"))
            {
                continue; // the adjective inside the span is the fallback, not a cue
            }

            distance = Math.Max(0, distance);
            if (distance > 60 || distance >= bestDistance)
            {
                continue;
            }

            foreach (var name in (ReadOnlySpan<string>)["killed", "injured", "needing", "evacuated", "displaced", "trapped", "detained", "missing", "population"])
            {
                if (cue.Groups[name].Success)
                {
                    best = name == "needing" ? "needing_evacuation" : name;
                    bestDistance = distance;
                    break;
                }
            }
        }

        return best;
    }

    private static TextSpan SentenceOf(IReadOnlyList<TextSpan> sentences, int position, int textLength)
    {
        foreach (var s in sentences)
        {
            if (s.Start <= position && position < s.End)
            {
                return s;
            }
        }

        return new TextSpan(Math.Max(0, position - 150), Math.Min(textLength, position + 150));
    }

    /// <summary>For tests and tools.</summary>
    public static List<QuantityMatch> Find(string text, IReadOnlyList<TextSpan>? excluded = null) =>
        Tag(text, [.. Text.SentenceSegmenter.Split(text)], excluded ?? []);

    internal static string Describe(QuantityMatch q) =>
        string.Create(CultureInfo.InvariantCulture, $"{q.Value} {q.Unit} ({q.Category}{(q.Approximate ? ", approximate" : string.Empty)}, {q.Bound})");
}
