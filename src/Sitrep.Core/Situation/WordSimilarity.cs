namespace Sitrep.Situation;

/// <summary>Jaccard similarity of the content words of two short texts (evidence sentences).</summary>
public static class WordSimilarity
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "from", "that", "this",
        "was", "were", "is", "are", "has", "have", "had", "be", "been", "it", "its", "as", "said", "says", "after",
    };

    public static double Jaccard(string x, string y)
    {
        var a = ContentWords(x);
        var b = ContentWords(y);
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var shared = a.Count(b.Contains);
        return shared / (double)(a.Count + b.Count - shared);
    }

    private static HashSet<string> ContentWords(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in text.Split((char[])[' ', '\n', '\t', ',', '.', ';', ':', '"', '\'', '(', ')', '!', '?'], StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw.ToLowerInvariant();
            if (word.Length > 2 && !StopWords.Contains(word))
            {
                words.Add(word);
            }
        }

        return words;
    }
}
