namespace Sitrep.Server.Situation;

/// <summary>
/// The positions (in the snapshot's newest-first order) of the events that have one value: a type, an
/// actor, a word. Ascending, so a date window is a range found by binary search; long lists also keep a
/// bit per event, so checking membership while walking another list costs one lookup.
/// </summary>
internal sealed class Posting
{
    /// <summary>Lists at least this share of all events get a bitmap (1 bit per event).</summary>
    private const int BitmapShare = 64;

    private readonly int[] _positions;
    private readonly ulong[]? _bits;

    /// <param name="bitmap">Whether to keep the bitmap (default: for lists of 1,024 positions and a 64th of the events or more).</param>
    public Posting(int[] positions, int eventCount, bool? bitmap = null)
    {
        _positions = positions;
        if (bitmap ?? (positions.Length >= 1024 && positions.Length >= eventCount / BitmapShare))
        {
            _bits = new ulong[(eventCount + 63) / 64];
            foreach (var p in positions)
            {
                _bits[p >> 6] |= 1UL << (p & 63);
            }
        }
    }

    public static Posting Empty { get; } = new([], 0);

    public int Count => _positions.Length;

    public int this[int index] => _positions[index];

    /// <summary>Whether <see cref="Word"/> answers (long lists); otherwise membership is by binary search.</summary>
    public bool HasBitmap => _bits is not null;

    /// <summary>Positions 64 w to 64 w + 63 as bits (bit i: position 64 w + i); only when <see cref="HasBitmap"/>.</summary>
    public ulong Word(int w) => _bits![w];

    public bool Contains(int position) =>
        _bits is { } bits ? (bits[position >> 6] & (1UL << (position & 63))) != 0 : Array.BinarySearch(_positions, position) >= 0;

    /// <summary>The index of the first position at or after <paramref name="position"/>.</summary>
    public int LowerBound(int position)
    {
        var (low, high) = (0, _positions.Length);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (_positions[middle] < position)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>How many positions lie in [from, to).</summary>
    public int CountIn(int from, int to) => LowerBound(to) - LowerBound(from);
}
