using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Sitrep.Ingest;

/// <summary>
/// Parses untrusted JSON without throwing: malformed JSON and text that cannot be JSON at all (a lone
/// UTF-16 surrogate from a caller that did not come through <see cref="InputLoader"/>) are both errors.
/// </summary>
internal static class JsonInput
{
    public static readonly JsonDocumentOptions Options = new() { MaxDepth = 256 };

    public static bool TryParse(string json, [NotNullWhen(true)] out JsonDocument? document, out string error) =>
        TryParse(json, Options, out document, out error);

    public static bool TryParse(string json, JsonDocumentOptions options, [NotNullWhen(true)] out JsonDocument? document, out string error) =>
        TryParse(json.AsMemory(), options, out document, out error);

    public static bool TryParse(ReadOnlyMemory<char> json, [NotNullWhen(true)] out JsonDocument? document, out string error) =>
        TryParse(json, Options, out document, out error);

    public static bool TryParse(ReadOnlyMemory<char> json, JsonDocumentOptions options, [NotNullWhen(true)] out JsonDocument? document, out string error)
    {
        try
        {
            document = JsonDocument.Parse(json, options);
            error = "";
            return true;
        }
        catch (JsonException exception)
        {
            document = null;
            error = $"invalid JSON ({exception.Message.Split(". ", 2)[0].TrimEnd('.')})";
            return false;
        }
        catch (ArgumentException)
        {
            document = null;
            error = "invalid JSON (not valid Unicode text)";
            return false;
        }
    }
}
