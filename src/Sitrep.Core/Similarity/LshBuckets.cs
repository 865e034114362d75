namespace Sitrep.Similarity;

/// <summary>
/// Locality-sensitive hashing of MinHash signatures: 32 bands of 4 rows, each band hashed to one bucket.
/// Two texts sharing a bucket are candidates; <see cref="NearDuplicateIndex{TKey}"/> keeps buckets in
/// memory, the knowledge base in its database.
/// </summary>
public static class LshBuckets
{
    public const int Bands = 32;
    public const int Rows = MinHashSignature.Size / Bands;

    public static IEnumerable<(int Band, ulong Hash)> Of(MinHashSignature signature)
    {
        for (var band = 0; band < Bands; band++)
        {
            yield return (band, BandHash(signature, band));
        }
    }

    public static ulong BandHash(MinHashSignature signature, int band)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var hash = 14695981039346656037UL;
        for (var row = band * Rows; row < (band + 1) * Rows; row++)
        {
            hash = (hash ^ signature.Values[row]) * 1099511628211UL;
        }

        return hash;
    }
}
