using Sitrep.Documents;
using Sitrep.Geo.Gazetteer;

namespace Sitrep.Geo.Recognition;

/// <summary>
/// Finds toponyms: every longest run of tokens whose folded form is a gazetteer name (a dictionary probe per
/// token and length, bounded by the longest name), then filtered with context: capitalisation, sentence
/// position, frequent English words, neighbouring capitalised words (person and organisation names),
/// titles, and names already seen as surnames. Thread-safe; allocation is per call.
/// </summary>
public sealed class ToponymRecognizer(PlaceGazetteer gazetteer)
{
    /// <summary>Names that are also among this many most frequent English words need context to count as places.</summary>
    private const int CommonWordRankLimit = 40_000;

    /// <summary>Words this frequent ("University", "Police") are places only when strong or qualified.</summary>
    private const int VeryCommonWordRank = 3000;

    private const int MaxTokensPerName = 7;

    public IReadOnlyList<Toponym> Recognize(string text)
    {
        var tokens = TextTokens.Tokenize(text);
        var matches = new List<(int First, int Last, NamePosting[] Postings, string Key)>();
        var surnames = new HashSet<string>(StringComparer.Ordinal);
        Span<char> buffer = stackalloc char[256];

        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!CanStart(text, token))
            {
                continue;
            }

            var length = 0;
            var bestLast = -1;
            NamePosting[]? bestPostings = null;
            var limit = Math.Min(tokens.Count, i + Math.Min(MaxTokensPerName, gazetteer.MaxTokens));
            for (var j = i; j < limit; j++)
            {
                var current = tokens[j];
                if (j > i)
                {
                    if (!IsNameGap(text, tokens[j - 1].End, current.Start))
                    {
                        break;
                    }

                    if (current.Case == TokenCase.Lower && !IsConnector(text, current) && !IsGenericTail(text, current))
                    {
                        break;
                    }

                    if (length + 1 >= buffer.Length)
                    {
                        break;
                    }

                    buffer[length++] = ' ';
                }

                if (length + current.Length >= buffer.Length)
                {
                    break;
                }

                for (var k = current.Start; k < current.End; k++)
                {
                    var c = text[k];
                    if (!NameFold.IsMark(c))
                    {
                        buffer[length++] = NameFold.Fold(c);
                    }
                }

                if (current.Case == TokenCase.Lower && j > i && !IsGenericTail(text, current))
                {
                    continue; // a name never ends on a connector
                }

                var postings = gazetteer.Lookup(buffer[..length]);
                if (postings.Length > 0 && AcceptsSurface(text, tokens, i, j, postings))
                {
                    bestLast = j;
                    bestPostings = postings.ToArray();
                }
            }

            if (bestPostings is null)
            {
                continue;
            }

            var key = NameFold.Key(text[token.Start..tokens[bestLast].End]);
            matches.Add((i, bestLast, bestPostings, key));
            i = bestLast;
        }

        var toponyms = new List<Toponym>(matches.Count);
        var verdicts = new bool[matches.Count];
        for (var m = 0; m < matches.Count; m++)
        {
            var (first, last, postings, key) = matches[m];
            verdicts[m] = Judge(text, tokens, first, last, postings, key, surnames);
        }

        for (var m = 0; m < matches.Count; m++)
        {
            var (first, last, postings, key) = matches[m];
            if (!verdicts[m] || (last == first && surnames.Contains(key) && !IsStrong(postings)))
            {
                continue;
            }

            var (kept, kind) = SplitDemonyms(postings);
            toponyms.Add(new Toponym
            {
                Span = new TextSpan(tokens[first].Start, tokens[last].End),
                Key = key,
                Postings = kept,
                Kind = kind,
                LocativeCue = HasLocativeCue(text, tokens, first),
                TypeHint = TypeHintAround(text, tokens[first].Start, tokens[last].End),
            });
        }

        LinkQualifiers(text, toponyms);
        return toponyms;
    }

    /// <summary>
    /// A name that is a demonym of some place ("Canadian", "Chinese") is read as the demonym, even when a
    /// small town somewhere carries it as its name; otherwise demonym readings are dropped.
    /// </summary>
    internal static (NamePosting[] Postings, PlaceMentionKind Kind) SplitDemonyms(NamePosting[] postings)
    {
        var demonyms = postings.Where(p => (p.Kind & NameKind.Demonym) != 0).ToArray();
        if (demonyms.Length > 0)
        {
            return (demonyms, PlaceMentionKind.Demonym);
        }

        return (postings, PlaceMentionKind.Literal);
    }

    /// <summary>
    /// A name that is the main name of a country, continent, region, supplement entry or a city of at least
    /// <paramref name="cityPopulation"/>: well known enough to stand inside a longer capitalised phrase
    /// ("Boston Marathon") or, at the higher bar, at the start of a sentence though it is also a word.
    /// </summary>
    private bool IsStrong(NamePosting[] postings, long cityPopulation = 300_000)
    {
        foreach (var posting in postings)
        {
            var entry = gazetteer.Entry(posting.EntryIndex);
            if ((posting.Kind & (NameKind.Primary | NameKind.Demonym | NameKind.Abbreviation)) != 0 && (entry.IsCountry || entry.IsContinent || entry.IsFirstOrderRegion || entry.Population >= cityPopulation || entry.Id >= SupplementIds.First))
            {
                return true;
            }
        }

        return false;
    }

    private static bool CanStart(string text, TextToken token)
    {
        if (token.Case is TokenCase.Capitalized or TokenCase.AllCaps or TokenCase.Caseless)
        {
            return true;
        }

        // Hashtags: #Madaya, #aleppo.
        return token.Case == TokenCase.Lower && token.Start > 0 && text[token.Start - 1] == '#';
    }

    /// <summary>Between two tokens of one name: a space, a hyphen, an apostrophe or an abbreviation dot ("St. Louis").</summary>
    private static bool IsNameGap(string text, int end, int start)
    {
        var gap = start - end;
        if (gap is < 1 or > 2)
        {
            return false;
        }

        var a = text[end];
        if (gap == 1)
        {
            return a is ' ' or '-' or '\'' or '.' or '&'; // "T&T"
        }

        return a == '.' && text[end + 1] == ' ' || a == '\'' && text[end + 1] == ' ';
    }

    private static bool IsGenericTail(string text, TextToken token) =>
        token.Length <= 10 && ContextWords.GenericTails.Contains(Lower(text, token));

    private static bool IsConnector(string text, TextToken token) =>
        token.Length <= 5 && ContextWords.NameConnectors.Contains(Lower(text, token));

    /// <summary>Case rules for a candidate run: abbreviations only in capitals, no lower-case last word.</summary>
    private static bool AcceptsSurface(string text, List<TextToken> tokens, int first, int last, ReadOnlySpan<NamePosting> postings)
    {
        var lastToken = tokens[last];
        if (lastToken.Case == TokenCase.Lower && last > first && IsGenericTail(text, lastToken))
        {
            return true;
        }

        if (lastToken.Case == TokenCase.Lower && !(first == last && text[lastToken.Start - (lastToken.Start > 0 ? 1 : 0)] == '#'))
        {
            return false;
        }

        var allAbbreviation = true;
        foreach (var posting in postings)
        {
            if (posting.Kind != NameKind.Abbreviation)
            {
                allAbbreviation = false;
                break;
            }
        }

        if (allAbbreviation)
        {
            for (var t = first; t <= last; t++)
            {
                if (tokens[t].Case != TokenCase.AllCaps && !(tokens[t].Length == 1 && char.IsUpper(text[tokens[t].Start])))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The context rules. Records surnames ("Hillary Clinton") so later lone mentions are not taken for places.</summary>
    private bool Judge(string text, List<TextToken> tokens, int first, int last, NamePosting[] postings, string key, HashSet<string> surnames)
    {
        var firstToken = tokens[first];
        var single = first == last;
        var lowerKey = key;
        if (ContextWords.NeverPlaces.Contains(lowerKey))
        {
            return false;
        }

        if (key == "bc" && first > 0 && char.IsDigit(text[tokens[first - 1].Start]))
        {
            return false; // "500 BC", not British Columbia
        }

        if (IsRegionAbbreviationAfterTown(text, tokens, first, last, postings))
        {
            return true;
        }

        var isDemonym = postings.Any(p => (p.Kind & NameKind.Demonym) != 0);
        var strong = IsStrong(postings);
        var bestPopulation = 0L;
        var anyPrimary = false;
        foreach (var posting in postings)
        {
            if (posting.Kind == NameKind.Abbreviation && !(single && firstToken.Case == TokenCase.AllCaps))
            {
                continue;
            }

            var entry = gazetteer.Entry(posting.EntryIndex);
            bestPopulation = Math.Max(bestPopulation, entry.IsArea ? 1_000_000 : entry.Population);
            anyPrimary |= (posting.Kind & (NameKind.Primary | NameKind.Demonym | NameKind.Abbreviation)) != 0;
        }

        // All-capital short words are acronyms (WHO, DA, TASS) unless they are a known abbreviation (US, UK, DRC).
        if (single && firstToken.Case == TokenCase.AllCaps && firstToken.Length <= 4 && !postings.Any(p => (p.Kind & NameKind.Abbreviation) != 0))
        {
            return false;
        }

        if (single && ContextWords.GivenNames.Contains(key) && !NamesMajorPlace(postings))
        {
            return false;
        }

        var previous = first > 0 ? tokens[first - 1] : default;
        var hasPrevious = first > 0 && IsPhraseGap(text, previous.End, firstToken.Start);
        var next = last + 1 < tokens.Count ? tokens[last + 1] : default;
        var hasNext = last + 1 < tokens.Count && IsPhraseGap(text, tokens[last].End, next.Start);

        if (hasPrevious && previous.Case is TokenCase.Capitalized or TokenCase.AllCaps)
        {
            var word = Lower(text, previous);
            if (ContextWords.Titles.Contains(word))
            {
                if (single)
                {
                    surnames.Add(key);
                }

                return false;
            }

            var previousIsFunctionWord = previous.Initial && gazetteer.CommonWordRank(word) is > 0 and < 3000;
            if (!ContextWords.AllowedBefore.Contains(word) && !previousIsFunctionWord && !isDemonym && !IsPlaceWord(word)
                && !ContextWords.SettlementWords.Contains(word))
            {
                // "Hillary Clinton", "Bernard Paris": the place name is part of a longer proper name ("Village Malakal",
                // "Camp Bastion" are not).
                if (single && !(hasNext && next.Case is TokenCase.Capitalized or TokenCase.AllCaps))
                {
                    surnames.Add(key);
                }

                if (!strong)
                {
                    return false;
                }
            }
        }

        if (first > 0 && !strong && !isDemonym && firstToken.Start - previous.End == 1 && text[previous.End] == '-'
            && previous.Case is TokenCase.Capitalized && !IsPlaceWord(Lower(text, previous)) && !IsStrong(gazetteer.Lookup(Lower(text, previous)).ToArray()))
        {
            return false; // the second half of a double-barrelled surname ("Diaz-Balart"), not joined to a place ("Israel-Gaza", "Kabul-Kandahar")
        }

        if (hasNext && next.Case is TokenCase.Capitalized or TokenCase.AllCaps && !isDemonym && !strong)
        {
            var word = Lower(text, next);
            if (!ContextWords.AreaWords.Contains(word) && !ContextWords.SettlementWords.Contains(word) && !ContextWords.LocalBodies.Contains(word) && !IsPlaceWord(word))
            {
                // "Washington Post", "Paris Hilton", "Mobile World Congress": part of another proper name.
                return false;
            }
        }

        var locative = HasLocativeCue(text, tokens, first);
        var qualified = HasQualifierAfter(text, tokens, last);
        var rank = single ? gazetteer.CommonWordRank(key) : 0;
        if (rank is > 0 and <= CommonWordRankLimit && !isDemonym)
        {
            var wellKnown = IsStrong(postings, cityPopulation: 1_000_000);
            if (firstToken.Initial && !wellKnown && !qualified)
            {
                return false;
            }

            if (rank < VeryCommonWordRank && !wellKnown && !qualified && !(locative && strong))
            {
                return false; // "in Boston", "in Reading" are places; "Boston native", "Reading the report" need more
            }

            if (!wellKnown && bestPopulation < 100_000 && !(locative || qualified))
            {
                return false;
            }
        }

        if (!anyPrimary && !strong && !(locative || qualified) && bestPopulation < 50_000)
        {
            return false;
        }

        // Two-letter names only as capitals (a code such as "US", "UK"); three letters need strong support.
        if (key.Length <= 2 && !(firstToken.Case == TokenCase.AllCaps && postings.Any(p => (p.Kind & NameKind.Abbreviation) != 0)))
        {
            return false;
        }

        if (key.Length <= 3 && !strong && !(locative && anyPrimary) && firstToken.Case != TokenCase.AllCaps)
        {
            return false;
        }

        return true;
    }

    /// <summary>
    /// Whether a given name ("Virginia", "Georgia", not "Mary" or "Paul") is the main name of a country, a continent,
    /// a first-order region of three million people or a city of a million: only then is it more often the place.
    /// </summary>
    private bool NamesMajorPlace(NamePosting[] postings)
    {
        foreach (var posting in postings)
        {
            var entry = gazetteer.Entry(posting.EntryIndex);
            if ((posting.Kind & NameKind.Primary) != 0
                && (entry.IsCountry || entry.IsContinent || (entry.IsFirstOrderRegion && entry.Population >= 3_000_000) || (entry.FeatureClass == 'P' && entry.Population >= 1_000_000)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A dotted abbreviation of a first-order region right after "Town, " ("Gainesville, Va.", "WAUSAU, Wis."): the
    /// AP dateline and address form, where the short form ("Va", "Wis") cannot be a word.
    /// </summary>
    private bool IsRegionAbbreviationAfterTown(string text, List<TextToken> tokens, int first, int last, NamePosting[] postings)
    {
        var start = tokens[first].Start;
        var end = tokens[last].End;
        if (first == 0 || start < 2 || text[start - 2] != ',' || text[start - 1] != ' ' || end >= text.Length || text[end] != '.'
            || tokens[first - 1].Case is not (TokenCase.Capitalized or TokenCase.AllCaps))
        {
            return false;
        }

        foreach (var posting in postings)
        {
            if (gazetteer.Entry(posting.EntryIndex).IsFirstOrderRegion)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A word that is itself a demonym or a country/region name ("Karabakh Armenians", "Syria Kurds").</summary>
    private bool IsPlaceWord(string word)
    {
        foreach (var posting in gazetteer.Lookup(word))
        {
            var entry = gazetteer.Entry(posting.EntryIndex);
            if ((posting.Kind & NameKind.Demonym) != 0 || ((posting.Kind & NameKind.Primary) != 0 && (entry.IsCountry || entry.IsFirstOrderRegion)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Two words of one phrase are separated by exactly one space.</summary>
    private static bool IsPhraseGap(string text, int end, int start) => start - end == 1 && text[end] == ' ';

    internal static bool HasLocativeCue(string text, List<TextToken> tokens, int first)
    {
        for (var back = 1; back <= 2 && first - back >= 0; back++)
        {
            var token = tokens[first - back];
            if (token.Case is not (TokenCase.Lower or TokenCase.Capitalized))
            {
                return false;
            }

            var word = Lower(text, token);
            if (ContextWords.Locatives.Contains(word))
            {
                return true;
            }

            if (word is not ("the" or "northern" or "southern" or "eastern" or "western" or "central" or "rural" or "besieged" or "occupied"))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>"X, Y" or "X (Y)" where Y starts with a capital: the shape of an administrative qualifier.</summary>
    private static bool HasQualifierAfter(string text, List<TextToken> tokens, int last)
    {
        if (last + 1 >= tokens.Count)
        {
            return false;
        }

        var end = tokens[last].End;
        var next = tokens[last + 1];
        var gap = text.AsSpan(end, next.Start - end);
        return next.Case is TokenCase.Capitalized or TokenCase.AllCaps && (gap is ", " or " (");
    }

    /// <summary>
    /// What the words around a name say it is: "Idlib province", "Washington state", "New York Governor", "the state
    /// of Washington" (an area); "Gaza city", "the town of Southold", "the Boston mayor" (a settlement).
    /// </summary>
    internal static PlaceTypeHint TypeHintAround(string text, int start, int end)
    {
        if (end + 1 < text.Length && text[end] == ' ')
        {
            var after = WordAt(text, end + 1);
            if (ContextWords.AreaWords.Contains(after) || after is "governor" or "governors")
            {
                return PlaceTypeHint.Area;
            }

            if (ContextWords.SettlementWords.Contains(after) || after == "mayor")
            {
                return PlaceTypeHint.Settlement;
            }
        }

        if (start >= 4 && text.AsSpan(start - 4, 4).Equals(" of ", StringComparison.OrdinalIgnoreCase))
        {
            var wordEnd = start - 3;
            var wordStart = wordEnd - 1;
            while (wordStart > 0 && char.IsLetter(text[wordStart - 1]))
            {
                wordStart--;
            }

            var before = NameFold.Key(text[wordStart..(wordEnd - 1)]);
            return before is "state" or "province" or "region" or "county" or "district" or "governorate" ? PlaceTypeHint.Area
                : before is "city" or "town" or "village" ? PlaceTypeHint.Settlement
                : PlaceTypeHint.None;
        }

        return PlaceTypeHint.None;
    }

    /// <summary>The folded word starting at a position ("" when none).</summary>
    private static string WordAt(string text, int start)
    {
        var end = start;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        return NameFold.Key(text[start..end]);
    }

    /// <summary>
    /// Links "Pandi, Bulacan", "Madaya (Rif Dimashq)" and "Monroe County in Michigan": the second toponym
    /// qualifies the first. A qualifier only adds to candidates that lie in it, so "Russians in Ukraine" costs nothing.
    /// </summary>
    internal static void LinkQualifiers(string text, List<Toponym> toponyms)
    {
        for (var t = 0; t + 1 < toponyms.Count; t++)
        {
            var end = toponyms[t].Span.End;
            var nextStart = toponyms[t + 1].Span.Start;
            var gap = text.AsSpan(end, nextStart - end);
            if (gap is ", " or " (" or ",  " or " in " or ", in " && toponyms[t + 1].Kind == PlaceMentionKind.Literal)
            {
                toponyms[t].QualifierIndex = t + 1;
            }
        }
    }

    /// <summary>The folded form of one token (it has no separators, so this equals its key).</summary>
    private static string Lower(string text, TextToken token) =>
        string.Create(token.Length, (text, token.Start), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = NameFold.Fold(state.text[state.Start + i]);
            }
        });
}
