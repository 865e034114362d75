using Sitrep.Server.Situation;

namespace Sitrep.Tests.Server;

public sealed class ResponseCacheTests
{
    [Fact]
    public void GetOrAdd_KeepsAResponseTheSecondTimeItIsAsked_AndServesItAfter()
    {
        var cache = new ResponseCache();
        var made = 0;
        byte[] Make(int value)
        {
            made++;
            return [(byte)value];
        }

        Assert.Equal([1], cache.GetOrAdd("/api/events?limit=1", 1, Make));
        Assert.Equal(0, cache.Count);
        Assert.Equal([1], cache.GetOrAdd("/api/events?limit=1", 1, Make));
        Assert.Equal(1, cache.Count);
        Assert.Equal([1], cache.GetOrAdd("/api/events?limit=1", 2, Make));
        Assert.Equal(2, made);
    }
}
