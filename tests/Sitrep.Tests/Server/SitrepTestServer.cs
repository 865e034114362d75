using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Sitrep.Ingest;
using Sitrep.Pipeline;
using Sitrep.Server;
using Sitrep.Server.Api;
using Sitrep.Server.Security;
using Sitrep.Store.Ingestion;
using Sitrep.Store.Sqlite;
using Sitrep.Tests.Store;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Server;

/// <summary>
/// A Sitrep server over a real SQLite file holding the sample reports, with a viewer, an analyst and their
/// API keys: in memory (a test server) for API tests, or on Kestrel at a free loopback port
/// for the browser.
/// </summary>
public sealed class SitrepTestServer : IAsyncDisposable
{
    public const string Password = "correct horse battery";

    private static readonly ReportPipeline Pipeline = DefaultPipeline.Create(PipelineResources.FromEnvironment());

    private readonly TempFolder _folder;

    private SitrepTestServer(WebApplication app, TempFolder folder, string analystKey, string viewerKey)
    {
        App = app;
        _folder = folder;
        AnalystKey = analystKey;
        ViewerKey = viewerKey;
    }

    public WebApplication App { get; }

    public string AnalystKey { get; }

    public string ViewerKey { get; }

    public string Database => _folder.Database;

    /// <summary>The base address on Kestrel (http://127.0.0.1:PORT).</summary>
    public string Address => App.Urls.First();

    public static async Task<SitrepTestServer> StartAsync(bool kestrel = false, Func<ServerOptions, ServerOptions>? configure = null)
    {
        var folder = new TempFolder();
        string analystKey, viewerKey;
        await using (var store = await SqliteReportStore.OpenAsync(folder.Database, TimeProvider.System, default))
        {
            var service = new IngestService(store, Pipeline, new InputLoader(new IngestLimits(), ReportReaders.Default), TimeProvider.System);
            await service.IngestAsync([Path.Combine(TestPaths.RepositoryRoot, "samples", "reports")], new IngestOptions(), null, null, default);
            (analystKey, viewerKey) = await AddUsersAsync(store);
        }

        var options = new ServerOptions
        {
            Database = Sitrep.Store.StoreLocation.Parse(folder.Database),
            Urls = "http://127.0.0.1:0",
            DataDirectory = PipelineResources.FromEnvironment().DataDirectory,
        };
        options = configure?.Invoke(options) ?? options;
        var builder = await SitrepServer.CreateBuilderAsync(options, default);
        if (!kestrel)
        {
            builder.WebHost.UseTestServer();
        }

        var app = SitrepServer.Configure(builder.Build(), options);
        await app.StartAsync();
        return new SitrepTestServer(app, folder, analystKey, viewerKey);
    }

    /// <summary>An analyst (ana) and a viewer (vic), both with <see cref="Password"/>, and an API key each.</summary>
    internal static async Task<(string AnalystKey, string ViewerKey)> AddUsersAsync(Sitrep.Store.IReportStore store)
    {
        var users = new UserStore((Sitrep.Store.IStoreDatabase)store, TimeProvider.System);
        await users.AddAsync("ana", Roles.Analyst, Password, default);
        await users.AddAsync("vic", Roles.Viewer, Password, default);
        return (await users.CreateApiKeyAsync("ana", "tests", default), await users.CreateApiKeyAsync("vic", "tests", default));
    }

    /// <summary>A client without credentials (in memory).</summary>
    public HttpClient Client() => App.GetTestClient();

    /// <summary>A client that keeps cookies, like a browser (in memory).</summary>
    public HttpClient BrowserClient()
    {
        var server = App.GetTestServer();
        return new HttpClient(new CookieContainerHandler { InnerHandler = server.CreateHandler() }) { BaseAddress = server.BaseAddress };
    }

    public HttpClient KeyClient(string key)
    {
        var client = Client();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);
        return client;
    }

    /// <summary>Signs the browser client in as <paramref name="name"/>; returns the antiforgery token for the signed-in session.</summary>
    public static async Task<string> SignInAsync(HttpClient browser, string name)
    {
        var session = await browser.GetFromJsonAsync<SessionJson>("/api/auth/session");
        using var login = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new LoginJson(name, Password)) };
        login.Headers.Add(CsrfFilter.HeaderName, session!.CsrfToken);
        using var response = await browser.SendAsync(login);
        response.EnsureSuccessStatusCode();
        return (await browser.GetFromJsonAsync<SessionJson>("/api/auth/session"))!.CsrfToken;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        _folder.Dispose();
    }
}
