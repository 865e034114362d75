using System.Globalization;

namespace Sitrep.Store;

/// <summary>The store's own number for one stored report version (not the source's id, not a Telegram message id).</summary>
public readonly record struct ReportId(long Value)
{
    public static bool TryParse(string? text, out ReportId id)
    {
        var ok = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0;
        id = new ReportId(ok ? value : 0);
        return ok;
    }

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
