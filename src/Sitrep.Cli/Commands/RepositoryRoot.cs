namespace Sitrep.Cli.Commands;

/// <summary>The checkout Sitrep runs from (the folder holding <c>Sitrep.slnx</c>), for bundled samples.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        var configured = Environment.GetEnvironmentVariable("SITREP_ROOT");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        return Sitrep.Pipeline.PipelineResources.FindRepositoryRoot() ?? Environment.CurrentDirectory;
    }
}
