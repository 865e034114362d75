using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sitrep.Contract;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ContractDocument))]
internal sealed partial class ContractJsonContext : JsonSerializerContext;

/// <summary>Serializes contract documents as one JSON object per line.</summary>
public static class ContractJson
{
    /// <summary>
    /// Non-ASCII text (Armenian, Arabic, Cyrillic) is written as is rather than as \u escapes, so the
    /// output stays readable; it is still valid JSON for every consumer.
    /// </summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        TypeInfoResolver = ContractJsonContext.Default,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>One line of JSON (no indentation, no trailing newline).</summary>
    public static string Serialize(ContractDocument document) => JsonSerializer.Serialize(document, Options);
}
