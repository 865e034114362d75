using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Sitrep.Ingest;
using Sitrep.Pipeline;
using Sitrep.Server;
using Sitrep.Server.Api;
using Sitrep.Server.Security;
using Sitrep.Store;
using Sitrep.Store.Ingestion;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Server;

/// <summary>
/// <c>sitrep serve</c> on a real PostgreSQL server, two servers on one database as on two machines: both
/// serve the same picture, users and API keys live in the database, and a sign-in on one is good on the other
/// (the data-protection keys that sign cookies and antiforgery tokens are shared through the database).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresServerTests(PostgresServer postgres) : IAsyncLifetime
{
    private static readonly ReportPipeline Pipeline = DefaultPipeline.Create(PipelineResources.FromEnvironment());

    private readonly List<WebApplication> _servers = [];
    private StoreLocation _database = null!;
    private string _analystKey = "";

    public async Task InitializeAsync()
    {
        _database = StoreLocation.Parse(await postgres.CreateDatabaseAsync("serve"));
        await using var store = await _database.OpenAsync(TimeProvider.System, default);
        var service = new IngestService(store, Pipeline, new InputLoader(new IngestLimits(), ReportReaders.Default), TimeProvider.System);
        await service.IngestAsync([Path.Combine(TestPaths.RepositoryRoot, "samples", "reports")], new IngestOptions(), null, null, default);
        (_analystKey, _) = await SitrepTestServer.AddUsersAsync(store);
    }

    public async Task DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.StopAsync();
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task TwoServers_OnOneDatabase_ServeTheSameEventsAndAreas()
    {
        var first = await StartAsync();
        var second = await StartAsync();
        using var a = first.GetTestClient();
        using var b = second.GetTestClient();

        var eventsA = (await a.GetFromJsonAsync<EventPageJson>("/api/events?limit=1000"))!;
        var eventsB = (await b.GetFromJsonAsync<EventPageJson>("/api/events?limit=1000"))!;
        Assert.True(eventsA.Total > 10, $"{eventsA.Total} events");
        Assert.Equal(eventsA.Items.Select(e => e.Id), eventsB.Items.Select(e => e.Id));
        Assert.Contains("Madaya", await b.GetStringAsync("/api/areas"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_OnOneServer_IsGoodOnTheOther_ForReadingAndReviewing()
    {
        var first = await StartAsync();
        var second = await StartAsync();
        var cookies = new System.Net.CookieContainer();
        using var onFirst = Browser(first, cookies);
        using var onSecond = Browser(second, cookies);

        var token = await SitrepTestServer.SignInAsync(onFirst, "ana");
        var session = (await onSecond.GetFromJsonAsync<SessionJson>("/api/auth/session"))!;
        Assert.True(session.Authenticated);
        Assert.Equal("ana", session.Name);

        // The antiforgery token the first server issued is accepted by the second.
        var id = (await onSecond.GetFromJsonAsync<ReviewQueueJson>("/api/review/queue?limit=1"))!.Items[0].Event.Id;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/events/{Uri.EscapeDataString(id)}/review") { Content = JsonContent.Create(new ReviewInputJson("confirm", null, null, "seen on the second server")) };
        request.Headers.Add(CsrfFilter.HeaderName, token);
        using var response = await onSecond.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ana", (await response.Content.ReadFromJsonAsync<ReviewResultJson>())!.Decision.Analyst);
    }

    [Fact]
    public async Task ApiKey_FromTheDatabase_IngestsThroughEitherServer_AndBothSeeTheReport()
    {
        var first = await StartAsync();
        var second = await StartAsync();
        using var analyst = first.GetTestClient();
        analyst.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, _analystKey);
        using var posted = await analyst.PostAsJsonAsync("/api/reports", new ReportInputJson("pg-1", "Shelling hit Martuni on Monday, officials said.", "2023-09-12", null, "Test desk", null));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

        using var reader = second.GetTestClient();
        using var report = await reader.GetAsync("/api/reports/pg-1");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);

        using var wrong = second.GetTestClient();
        wrong.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, _analystKey[..^2] + "xx");
        using var refused = await wrong.PostAsJsonAsync("/api/reports", new ReportInputJson("pg-2", "Shelling hit Martuni.", null, null, null, null));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Users_AreUniqueWhateverTheirCase_OnPostgres()
    {
        await using var store = await _database.OpenAsync(TimeProvider.System, default);
        var users = new UserStore((IStoreDatabase)store, TimeProvider.System);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => users.AddAsync("ANA", Roles.Viewer, SitrepTestServer.Password, default));
        Assert.StartsWith("SITREP-AUTH-001", error.Message, StringComparison.Ordinal);
        Assert.Equal("ana", (await users.VerifyPasswordAsync("Ana", SitrepTestServer.Password, default))!.Name);
        Assert.Null(await users.VerifyPasswordAsync("ana", "not the password", default));
    }

    private async Task<WebApplication> StartAsync()
    {
        var options = new ServerOptions { Database = _database, Urls = "http://127.0.0.1:0", DataDirectory = PipelineResources.FromEnvironment().DataDirectory };
        var builder = await SitrepServer.CreateBuilderAsync(options, default);
        builder.WebHost.UseTestServer();
        var app = SitrepServer.Configure(builder.Build(), options);
        await app.StartAsync();
        _servers.Add(app);
        return app;
    }

    private static HttpClient Browser(WebApplication app, System.Net.CookieContainer cookies)
    {
        var server = app.GetTestServer();
        return new HttpClient(new CookieContainerHandler(cookies) { InnerHandler = server.CreateHandler() }) { BaseAddress = server.BaseAddress };
    }
}
