namespace Sitrep.Tests.Ingest;

/// <summary>Where the example inputs are: the repository (found by walking up to Sitrep.slnx) and ../shared beside it.</summary>
internal static class ExampleFiles
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Examples => Path.Combine(RepositoryRoot, "tests", "Sitrep.Tests", "Ingest", "Examples");

    public static string NewsArticle => Path.Combine(Examples, "html", "news-article.html");

    public static string TelegramExport => Path.Combine(Examples, "telegram", "result.json");

    public static string TelegramExportEdited => Path.Combine(Examples, "telegram", "result-edited.json");

    /// <summary>The canonical example report of the project (a news article on the Artsakh blockade).</summary>
    public static string SeedArticle => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "seed", "000_6e7d2f1ca9b7a4d5.txt"));

    public static string Read(string path) => File.ReadAllText(path);

    private static string FindRoot() => Support.TestPaths.RepositoryRoot;
}
