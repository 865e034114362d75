namespace Sitrep.Events.Evaluation;

/// <summary>Per-class precision, recall and F1 over (gold, predicted) labels, averaged with gold support as weights.</summary>
public static class WeightedF1
{
    public static double Compute(IReadOnlyList<(string Gold, string Predicted)> pairs)
    {
        if (pairs.Count == 0)
        {
            return 0;
        }

        var total = 0.0;
        foreach (var label in pairs.Select(p => p.Gold).Distinct(StringComparer.Ordinal))
        {
            var tp = pairs.Count(p => p.Gold == label && p.Predicted == label);
            var support = pairs.Count(p => p.Gold == label);
            var predicted = pairs.Count(p => p.Predicted == label);
            var precision = predicted == 0 ? 0 : (double)tp / predicted;
            var recall = (double)tp / support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            total += f1 * support;
        }

        return total / pairs.Count;
    }
}
