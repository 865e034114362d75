using System.Net;
using Sitrep.Server;

namespace Sitrep.Tests.Server;

/// <summary>Who may read: anyone by default, only signed-in users with --read-access login; writes need an analyst either way.</summary>
public sealed class ReadAccessTests
{
    private static readonly string[] Reads = ["/api/events?limit=5", "/api/events/histogram", "/api/areas?events=false", "/api/actors"];

    [Fact]
    public async Task PublicReads_NeedNoSignIn_ButTheAuditLogStillNeedsAnAnalyst()
    {
        await using var server = await SitrepTestServer.StartAsync();
        using var anonymous = server.Client();
        using var viewer = server.KeyClient(server.ViewerKey);

        foreach (var read in Reads)
        {
            using var response = await anonymous.GetAsync(read);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using var log = await anonymous.GetAsync("/api/review/log");
        using var viewerLog = await viewer.GetAsync("/api/review/log");
        Assert.Equal(HttpStatusCode.Unauthorized, log.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewerLog.StatusCode);
    }

    [Fact]
    public async Task LoginReads_AreRefusedWithoutSignIn_AndServedToAViewer()
    {
        await using var server = await SitrepTestServer.StartAsync(configure: o => o with { ReadAccess = ReadAccess.Login });
        using var anonymous = server.Client();
        using var viewer = server.KeyClient(server.ViewerKey);

        foreach (var read in Reads)
        {
            using var refused = await anonymous.GetAsync(read);
            using var served = await viewer.GetAsync(read);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        }
    }
}
