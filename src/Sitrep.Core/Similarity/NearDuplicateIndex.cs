namespace Sitrep.Similarity;

/// <summary>
/// Finds near-duplicate texts among many without comparing every pair: locality-sensitive hashing over
/// bands of MinHash signatures. 32 bands of 4 rows make a pair with Jaccard 0.7 a candidate with
/// probability 1-(1-0.7^4)^32 &gt; 0.999, and one with Jaccard 0.2 with probability about 0.05; candidates are
/// then confirmed on the full signature.
/// </summary>
/// <remarks>Not thread-safe; one index per ingest run or per server, guarded by the caller.</remarks>
public sealed class NearDuplicateIndex<TKey>(double threshold = NearDuplicateIndex<TKey>.DefaultThreshold)
    where TKey : notnull
{
    public const double DefaultThreshold = 0.7;
    private const int Bands = LshBuckets.Bands;

    private readonly Dictionary<(int Band, ulong Hash), List<TKey>> _buckets = [];
    private readonly Dictionary<TKey, MinHashSignature> _signatures = [];

    public int Count => _signatures.Count;

    /// <summary>The already indexed texts similar to <paramref name="signature"/> at or above the threshold, most similar first.</summary>
    public IReadOnlyList<(TKey Key, double Similarity)> Find(MinHashSignature signature)
    {
        var candidates = new HashSet<TKey>();
        for (var band = 0; band < Bands; band++)
        {
            if (_buckets.TryGetValue((band, BandHash(signature, band)), out var keys))
            {
                candidates.UnionWith(keys);
            }
        }

        return [.. candidates
            .Select(key => (Key: key, Similarity: _signatures[key].Similarity(signature)))
            .Where(match => match.Similarity >= threshold)
            .OrderByDescending(match => match.Similarity)];
    }

    public void Add(TKey key, MinHashSignature signature)
    {
        if (!_signatures.TryAdd(key, signature))
        {
            return;
        }

        for (var band = 0; band < Bands; band++)
        {
            var bucketKey = (band, BandHash(signature, band));
            if (!_buckets.TryGetValue(bucketKey, out var keys))
            {
                _buckets[bucketKey] = keys = [];
            }

            keys.Add(key);
        }
    }

    private static ulong BandHash(MinHashSignature signature, int band) => LshBuckets.BandHash(signature, band);
}
