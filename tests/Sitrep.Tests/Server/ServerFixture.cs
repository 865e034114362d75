namespace Sitrep.Tests.Server;

/// <summary>One in-memory server over the sample reports, shared by the API tests of a class.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public SitrepTestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await SitrepTestServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
