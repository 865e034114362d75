using System.Reflection;

namespace Sitrep.Text;

/// <summary>
/// Reads the tab-separated data files embedded in the assembly (ontology, trigger lexicon, actor
/// registry): '#' lines are comments, the first other line is the header, every following line a row.
/// </summary>
public static class EmbeddedTable
{
    /// <exception cref="InvalidOperationException">The resource is missing (a build error, reported with <paramref name="errorCode"/>).</exception>
    public static IEnumerable<string[]> Rows(Assembly assembly, string resource, string errorCode)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"{errorCode}: embedded resource '{resource}' is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        var header = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (header)
            {
                header = false;
                continue;
            }

            yield return line.Split('\t');
        }
    }
}
