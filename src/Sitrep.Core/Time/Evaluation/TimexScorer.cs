using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Text;

namespace Sitrep.Time.Evaluation;

/// <summary>Precision, recall and F1 of one measure.</summary>
public readonly record struct Prf(int Correct, int Predicted, int Gold)
{
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;

    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static Prf operator +(Prf a, Prf b) => new(a.Correct + b.Correct, a.Predicted + b.Predicted, a.Gold + b.Gold);
}

/// <summary>A system expression next to the gold, for error listings.</summary>
public sealed record TimexError(string Document, string Kind, string Text, string? Gold, string? System)
{
    /// <summary>The text around the expression, the expression in [[brackets]], on one line.</summary>
    public string Context { get; init; } = string.Empty;
}

/// <summary>The TempEval-3 style figures for a corpus.</summary>
public sealed record TimexScore
{
    public required int Documents { get; init; }

    /// <summary>Exact span match.</summary>
    public required Prf Strict { get; init; }

    /// <summary>Overlapping spans match.</summary>
    public required Prf Relaxed { get; init; }

    /// <summary>Relaxed span match with identical value.</summary>
    public required Prf Value { get; init; }

    /// <summary>Share of relaxed matches with the gold type.</summary>
    public required double TypeAccuracy { get; init; }

    public required IReadOnlyList<TimexError> Errors { get; init; }
}

/// <summary>
/// Scores the <c>times</c> stage on TimeML documents, the way TempEval-3 does: strict and relaxed span
/// P/R/F1, value F1 (relaxed match and the same normalised value) and type accuracy. Each document
/// runs through normalize, sentences and times, with the DCT as the publication date.
/// </summary>
public static class TimexScorer
{
    public static TimexScore Score(IEnumerable<TimeMlDocument> documents)
    {
        var pipeline = new PipelineBuilder()
            .Add(new TextNormalizer())
            .Add(new SentenceSegmenter())
            .Add(new TimexStage())
            .Build();
        Prf strict = default, relaxed = default, value = default;
        int typeMatches = 0, typeTotal = 0, count = 0;
        var errors = new List<TimexError>();
        foreach (var gold in documents)
        {
            count++;
            var document = pipeline.Process(new ReportDocument(gold.Id, gold.Text, gold.CreationDate));
            var system = document.Times
                .Select(t => (Span: document.Normalized.ToSource(t.Span), t.Type, t.Value))
                .ToList();
            var usedSystem = new bool[system.Count];
            int strictHits = 0, relaxedHits = 0, valueHits = 0;
            foreach (var g in gold.Timexes)
            {
                var best = -1;
                for (var i = 0; i < system.Count; i++)
                {
                    if (usedSystem[i] || system[i].Span.Start >= g.End || g.Start >= system[i].Span.End)
                    {
                        continue;
                    }

                    if (best < 0 || (system[i].Span.Start == g.Start && system[i].Span.End == g.End))
                    {
                        best = i;
                    }
                }

                if (best < 0)
                {
                    errors.Add(new TimexError(gold.Id, "missed", g.Text, $"{g.Type} {g.Value}", null) { Context = ContextOf(gold.Text, g.Start, g.End) });
                    continue;
                }

                usedSystem[best] = true;
                var s = system[best];
                relaxedHits++;
                if (s.Span.Start == g.Start && s.Span.End == g.End)
                {
                    strictHits++;
                }

                if (string.Equals(s.Value, g.Value, StringComparison.Ordinal))
                {
                    valueHits++;
                }
                else
                {
                    errors.Add(new TimexError(gold.Id, "value", g.Text + " | " + gold.Text[s.Span.Start..s.Span.End], g.Value, s.Value) { Context = ContextOf(gold.Text, g.Start, g.End) });
                }

                typeTotal++;
                if (s.Type == g.Type)
                {
                    typeMatches++;
                }
                else
                {
                    errors.Add(new TimexError(gold.Id, "type", g.Text, g.Type.ToString(), s.Type.ToString()));
                }
            }

            for (var i = 0; i < system.Count; i++)
            {
                if (!usedSystem[i])
                {
                    var overlapsGold = gold.Timexes.Any(g => system[i].Span.Start < g.End && g.Start < system[i].Span.End);
                    errors.Add(new TimexError(gold.Id, overlapsGold ? "split" : "spurious", gold.Text[system[i].Span.Start..system[i].Span.End], null, $"{system[i].Type} {system[i].Value}")
                    {
                        Context = ContextOf(gold.Text, system[i].Span.Start, system[i].Span.End),
                    });
                }
            }

            strict += new Prf(strictHits, system.Count, gold.Timexes.Count);
            relaxed += new Prf(relaxedHits, system.Count, gold.Timexes.Count);
            value += new Prf(valueHits, system.Count, gold.Timexes.Count);
        }

        return new TimexScore
        {
            Documents = count,
            Strict = strict,
            Relaxed = relaxed,
            Value = value,
            TypeAccuracy = typeTotal == 0 ? 0 : (double)typeMatches / typeTotal,
            Errors = errors,
        };
    }

    private static string ContextOf(string text, int start, int end)
    {
        var from = Math.Max(0, start - 70);
        var to = Math.Min(text.Length, end + 50);
        return string.Concat(text[from..start], "[[", text[start..end], "]]", text[end..to])
            .ReplaceLineEndings(" ");
    }

    public static TimexScore ScoreCorpus(string path) => Score(TimeMlReader.Files(path).Select(TimeMlReader.Read));
}
