namespace Sitrep.Tests.Store;

/// <summary>A clock that always says the same instant (timestamps still advance, so elapsed times work).</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
