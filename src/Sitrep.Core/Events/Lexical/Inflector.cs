using System.Collections.Frozen;

namespace Sitrep.Events.Lexical;

/// <summary>
/// English word forms for the trigger lexicon: a verb's -s, -ed and -ing forms (with the irregular
/// ones listed), a noun's plural. Over-generating is harmless (a form that English lacks never matches).
/// </summary>
internal static class Inflector
{
    // Irregular verbs met in conflict reporting: base -> past, past participle.
    private static readonly FrozenDictionary<string, string[]> Irregular = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["take"] = ["took", "taken"], ["give"] = ["gave", "given"], ["shoot"] = ["shot"], ["fight"] = ["fought"],
        ["hold"] = ["held"], ["lead"] = ["led"], ["meet"] = ["met"], ["send"] = ["sent"], ["break"] = ["broke", "broken"],
        ["set"] = ["set"], ["begin"] = ["began", "begun"], ["blow"] = ["blew", "blown"], ["beat"] = ["beat", "beaten"],
        ["throw"] = ["threw", "thrown"], ["withdraw"] = ["withdrew", "withdrawn"], ["bring"] = ["brought"], ["hit"] = ["hit"],
        ["flee"] = ["fled"], ["overrun"] = ["overran", "overrun"], ["steal"] = ["stole", "stolen"], ["seek"] = ["sought"],
        ["drive"] = ["drove", "driven"], ["shut"] = ["shut"], ["put"] = ["put"], ["cut"] = ["cut"], ["keep"] = ["kept"],
        ["fly"] = ["flew", "flown"], ["make"] = ["made"], ["win"] = ["won"], ["lose"] = ["lost"], ["speak"] = ["spoke", "spoken"],
        ["tell"] = ["told"], ["say"] = ["said"], ["go"] = ["went", "gone"], ["come"] = ["came"], ["strike"] = ["struck", "stricken"],
        ["forbid"] = ["forbade", "forbidden"], ["undertake"] = ["undertook", "undertaken"], ["swear"] = ["swore", "sworn"],
        ["rise"] = ["rose", "risen"], ["get"] = ["got", "gotten"], ["find"] = ["found"], ["build"] = ["built"], ["feed"] = ["fed"],
        ["spread"] = ["spread"], ["stand"] = ["stood"], ["lay"] = ["laid"], ["let"] = ["let"], ["write"] = ["wrote", "written"],
        ["choose"] = ["chose", "chosen"], ["hang"] = ["hung", "hanged"], ["run"] = ["ran"], ["bear"] = ["bore", "borne"],
        ["fall"] = ["fell", "fallen"], ["sell"] = ["sold"], ["leave"] = ["left"], ["lend"] = ["lent"], ["spend"] = ["spent"],
        ["arise"] = ["arose", "arisen"], ["shake"] = ["shook", "shaken"], ["tear"] = ["tore", "torn"], ["freeze"] = ["froze", "frozen"],
        ["overtake"] = ["overtook", "overtaken"], ["retake"] = ["retook", "retaken"], ["mistake"] = ["mistook", "mistaken"],
        ["seize"] = ["seized"], ["slay"] = ["slew", "slain"], ["stab"] = ["stabbed"], ["hide"] = ["hid", "hidden"],
        ["do"] = ["did", "done"], ["see"] = ["saw", "seen"], ["know"] = ["knew", "known"], ["grow"] = ["grew", "grown"],
        ["split"] = ["split"], ["forgive"] = ["forgave", "forgiven"], ["overthrow"] = ["overthrew", "overthrown"],
        ["shed"] = ["shed"], ["read"] = ["read"], ["buy"] = ["bought"], ["pay"] = ["paid"], ["wake"] = ["woke", "woken"],
        ["deal"] = ["dealt"], ["mean"] = ["meant"], ["hear"] = ["heard"], ["feel"] = ["felt"], ["sit"] = ["sat"],
        ["light"] = ["lit"], ["bid"] = ["bid"], ["stick"] = ["stuck"], ["sink"] = ["sank", "sunk"], ["ride"] = ["rode", "ridden"],
        ["eat"] = ["ate", "eaten"], ["swim"] = ["swam"], ["shine"] = ["shone"], ["bind"] = ["bound"], ["wind"] = ["wound"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Verbs of more than one syllable with a stressed last syllable double their final consonant.
    private static readonly FrozenSet<string> Doubling = FrozenSet.ToFrozenSet(
        ["kidnap", "patrol", "control", "permit", "admit", "commit", "submit", "occur", "compel", "expel", "propel", "rebel",
         "equip", "regret", "acquit", "transmit", "omit", "abet", "refer", "deter", "remit", "embed", "outfit", "overrun", "compel"],
        StringComparer.Ordinal);

    public static IEnumerable<string> Verb(string lemma)
    {
        yield return lemma;
        yield return ThirdPerson(lemma);
        foreach (var past in Past(lemma))
        {
            yield return past;
        }

        foreach (var ing in Gerund(lemma))
        {
            yield return ing;
        }

        if (Irregular.TryGetValue(lemma, out var irregular))
        {
            foreach (var form in irregular)
            {
                yield return form;
            }
        }
    }

    public static IEnumerable<string> Noun(string lemma)
    {
        yield return lemma;
        yield return ThirdPerson(lemma);
    }

    private static string ThirdPerson(string word)
    {
        if (word.EndsWith('y') && word.Length > 1 && !IsVowel(word[^2]))
        {
            return word[..^1] + "ies";
        }

        return word.EndsWith('s') || word.EndsWith('x') || word.EndsWith('z') || word.EndsWith("ch", StringComparison.Ordinal)
            || word.EndsWith("sh", StringComparison.Ordinal) || word.EndsWith('o')
            ? word + "es"
            : word + "s";
    }

    private static IEnumerable<string> Past(string word)
    {
        if (word.EndsWith('e'))
        {
            yield return word + "d";
        }
        else if (word.EndsWith('y') && word.Length > 1 && !IsVowel(word[^2]))
        {
            yield return word[..^1] + "ied";
        }
        else
        {
            yield return word + "ed";
            if (Doubles(word))
            {
                yield return word + word[^1] + "ed";
            }
        }
    }

    private static IEnumerable<string> Gerund(string word)
    {
        if (word.EndsWith("ie", StringComparison.Ordinal))
        {
            yield return word[..^2] + "ying";
        }
        else if (word.EndsWith('e') && !word.EndsWith("ee", StringComparison.Ordinal) && !word.EndsWith("ye", StringComparison.Ordinal) && !word.EndsWith("oe", StringComparison.Ordinal))
        {
            yield return word[..^1] + "ing";
        }
        else
        {
            yield return word + "ing";
            if (Doubles(word))
            {
                yield return word + word[^1] + "ing";
            }
        }
    }

    /// <summary>Consonant-vowel-consonant endings of short verbs ("ban" -> "banned") and the listed long ones.</summary>
    private static bool Doubles(string word)
    {
        if (Doubling.Contains(word))
        {
            return true;
        }

        if (word.Length < 3 || word.Length > 4)
        {
            return false;
        }

        var last = word[^1];
        return !IsVowel(last) && last is not ('w' or 'x' or 'y') && IsVowel(word[^2]) && !IsVowel(word[^3]);
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
