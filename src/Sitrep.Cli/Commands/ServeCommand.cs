using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Sitrep.Geo.Gazetteer;
using Sitrep.Pipeline;
using Sitrep.Server;
using Sitrep.Server.Web;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep serve</c>: the dashboard and the JSON API (<c>/api</c>, described by <c>docs/openapi.json</c>)
/// on Kestrel, over the database. Installs the dashboard's libraries (npm, <c>eng/web</c>) when missing.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var database = CommonOptions.Database();
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen (';' between several); loopback by default",
            DefaultValueFactory = _ => "http://127.0.0.1:8080",
        };
        var readAccess = new Option<ReadAccess>("--read-access")
        {
            Description = "public: anyone reads; login: only signed-in users read (writes always need an analyst or admin)",
            DefaultValueFactory = _ => ReadAccess.Public,
        };
        var command = new Command("serve", "Serve the dashboard and the JSON API over the database") { database, urls, readAccess };
        command.SetAction(async (parse, cancellationToken) =>
            await RunAsync(parse.GetValue(database)!, parse.GetValue(urls)!, parse.GetValue(readAccess), cancellationToken));
        return command;
    }

    /// <summary>Serves until Ctrl+C; 2 when the database cannot be opened or the address is taken.</summary>
    internal static async Task<int> RunAsync(Sitrep.Store.StoreLocation location, string urls, ReadAccess readAccess, CancellationToken cancellationToken)
    {
        var data = PipelineResources.FromEnvironment().DataDirectory;
        await EnsureWebAssetsAsync(data, cancellationToken);
        if (location.Provider == Sitrep.Store.StoreProvider.Sqlite && !File.Exists(location.Value))
        {
            await Console.Error.WriteLineAsync($"sitrep: no database at {location.Value} yet; starting with an empty one (./sitrep demo fills one with the samples)");
        }

        var options = new ServerOptions
        {
            Database = location,
            Urls = urls,
            ReadAccess = readAccess,
            DataDirectory = data,
        };
        WebApplication app;
        try
        {
            app = await SitrepServer.BuildAsync(options, cancellationToken);
        }
        catch (Npgsql.NpgsqlException error) when (!cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"SITREP-CLI-006: cannot use the PostgreSQL database {location.Display}: {error.Message}");
            return 2;
        }

        await using var _ = app;
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException error)
        {
            await Console.Error.WriteLineAsync($"SITREP-CLI-012: cannot listen on {urls} ({error.Message}); is another server running there? Choose another address with --urls http://127.0.0.1:8081");
            return 2;
        }

        foreach (var address in app.Urls)
        {
            await Console.Out.WriteLineAsync($"Sitrep dashboard: {address}/   API: {address}/api   OpenAPI: {address}{SitrepServer.OpenApiPath}");
        }

        await Console.Out.WriteLineAsync($"Database {location.Display}; read access {options.ReadAccess.ToString().ToLowerInvariant()}. Ctrl+C stops.");
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }

    /// <summary>Installs the dashboard's libraries when they are missing; without npm the API still serves.</summary>
    internal static async Task EnsureWebAssetsAsync(string data, CancellationToken cancellationToken)
    {
        try
        {
            var root = GazetteerSetup.FindRepositoryRoot(data);
            await WebAssets.EnsureInstalledAsync(data, root, line => Console.Error.WriteLine(line), cancellationToken);
        }
        catch (Exception error) when (error is InvalidOperationException or GeoDataException or IOException)
        {
            if (!WebAssets.IsPresent(data))
            {
                await Console.Error.WriteLineAsync($"sitrep: the dashboard's map libraries are missing ({error.Message}); the API works, the map does not");
            }
        }
    }
}
