using System.Collections.Frozen;
using System.Reflection;
using Sitrep.Events.Lexical;

namespace Sitrep.Events;

/// <summary>A trigger found in a sentence: the event type it evokes and the tokens that matched.</summary>
internal readonly record struct TriggerMatch(EventType Type, int First, int Last, int LiteralCount, int[] Literals, string Pattern);

/// <summary>
/// The trigger patterns of <c>Data/triggers.tsv</c>, compiled into word-form sets and indexed by the forms
/// of their first word, so a sentence is matched with one dictionary probe per token. Immutable.
/// </summary>
internal sealed class TriggerLexicon
{
    private const int MaxGap = 4;

    /// <summary>'**': a subject with its modifiers before a passive verb ("the only road linking Armenia with Nagorno-Karabakh has been closed").</summary>
    private const int MaxLongGap = 8;

    private static readonly Lazy<TriggerLexicon> Shared = new(() => Load(typeof(TriggerLexicon).Assembly, Ontology.Default));

    private readonly FrozenDictionary<string, Pattern[]> _byFirstForm;

    private TriggerLexicon(IEnumerable<Pattern> patterns)
    {
        var index = new Dictionary<string, List<Pattern>>(StringComparer.Ordinal);
        foreach (var pattern in patterns)
        {
            foreach (var form in pattern.Elements[0].Forms!)
            {
                if (!index.TryGetValue(form, out var list))
                {
                    index[form] = list = [];
                }

                list.Add(pattern);
            }
        }

        _byFirstForm = index.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    public static TriggerLexicon Default => Shared.Value;

    public List<TriggerMatch> FindAll(List<Token> tokens)
    {
        var matches = new List<TriggerMatch>();
        var literals = new List<int>(6);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!token.IsWord || !_byFirstForm.TryGetValue(token.Lower, out var patterns))
            {
                continue;
            }

            // "March 2020" is a month, not a protest march.
            if (token.Lower == "march" && token.IsCapitalized)
            {
                continue;
            }

            foreach (var pattern in patterns)
            {
                literals.Clear();
                if (Match(tokens, pattern.Elements, 0, i, literals) is { } last)
                {
                    matches.Add(new TriggerMatch(pattern.Type, i, last, literals.Count, [.. literals], pattern.Source));
                }
            }
        }

        return matches;
    }

    private static int? Match(List<Token> tokens, Element[] elements, int e, int t, List<int> literals)
    {
        if (e == elements.Length)
        {
            return t - 1;
        }

        var element = elements[e];
        if (element.Forms is null)
        {
            // A gap of 0..MaxGap (or MaxLongGap) tokens that stays inside the clause.
            for (var gap = 0; gap <= element.Gap && t + gap <= tokens.Count; gap++)
            {
                if (gap > 0 && IsBarrier(tokens[t + gap - 1]))
                {
                    break;
                }

                var count = literals.Count;
                if (Match(tokens, elements, e + 1, t + gap, literals) is { } end)
                {
                    return end;
                }

                literals.RemoveRange(count, literals.Count - count);
            }

            return null;
        }

        if (t >= tokens.Count || !tokens[t].IsWord || !element.Forms.Contains(tokens[t].Lower))
        {
            return null;
        }

        literals.Add(t);
        return Match(tokens, elements, e + 1, t + 1, literals);
    }

    private static bool IsBarrier(Token token) => !token.IsWord && token.Text is "." or ";" or ":" or "!" or "?" or "\"" or "(" or ")"
        || token.Lower is "if" or "unless" or "when" or "while" or "because" or "after" or "before" or "but" or "which" or "who" or "although";

    public static TriggerLexicon Load(Assembly assembly, Ontology ontology)
    {
        const string resource = "Sitrep.Events.Data.triggers.tsv";
        var patterns = new List<Pattern>();
        foreach (var fields in Sitrep.Text.EmbeddedTable.Rows(assembly, resource, "SITREP-EVENTS-001"))
        {
            var type = ontology[fields[0]];
            var elements = fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Compile).ToArray();
            if (elements.Length == 0 || elements[0].Forms is null)
            {
                throw new InvalidOperationException($"SITREP-EVENTS-003: trigger pattern must start with a word: '{fields[1]}'.");
            }

            patterns.Add(new Pattern(type, elements, fields[1]));
        }

        return new TriggerLexicon(patterns);
    }

    private static Element Compile(string token)
    {
        if (token is "*" or "**")
        {
            return new Element(null, token == "*" ? MaxGap : MaxLongGap);
        }

        var forms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var alternative in token.Split('|'))
        {
            if (alternative.EndsWith("{v}", StringComparison.Ordinal))
            {
                forms.UnionWith(Inflector.Verb(alternative[..^3]));
            }
            else if (alternative.EndsWith("{n}", StringComparison.Ordinal))
            {
                forms.UnionWith(Inflector.Noun(alternative[..^3]));
            }
            else
            {
                forms.Add(alternative);
            }
        }

        return new Element(forms.ToFrozenSet(StringComparer.Ordinal), 0);
    }

    /// <param name="Forms">The word forms this element matches; null for a gap of up to <paramref name="Gap"/> tokens.</param>
    private sealed record Element(FrozenSet<string>? Forms, int Gap);

    private sealed record Pattern(EventType Type, Element[] Elements, string Source);
}
