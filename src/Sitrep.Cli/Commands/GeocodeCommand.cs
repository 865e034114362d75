using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Sitrep.Documents;
using Sitrep.Geo;
using Sitrep.Geo.Gazetteer;
using Sitrep.Pipeline;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep geocode</c>: resolution only. JSONL in <c>{"id","text","spans":[[start,end],...]}</c> (code point
/// offsets into text), JSONL out <c>{"id","places":[{start,end,geonameid,name,lat,lon,countryCode,score}]}</c>,
/// one place per given span, in the given order.
/// </summary>
internal static class GeocodeCommand
{
    /// <summary>Names in other scripts are written as they are, as in the extract contract.</summary>
    private static readonly JsonSerializerOptions OutputOptions = new()
    {
        TypeInfoResolver = GeocodeJsonContext.Default,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "JSONL input files ('-' or none: standard input)", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("geocode", "Resolve given place spans to gazetteer entries (JSONL in, JSONL out; see docs/contract.md)") { files };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(files) ?? [], cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, CancellationToken cancellationToken)
    {
        var resources = PipelineResources.FromEnvironment();
        if (!await SetupCommand.EnsurePreparedAsync(resources, cancellationToken))
        {
            return 2;
        }

        var geoparser = new Geoparser(GazetteerCache.Get(resources.DataDirectory));
        var failed = false;
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
        foreach (var path in paths.Length == 0 ? ["-"] : paths)
        {
            using var reader = path == "-" ? new StreamReader(Console.OpenStandardInput(), Encoding.UTF8) : new StreamReader(path, Encoding.UTF8);
            var lineNumber = 0;
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                GeocodeRequest? request;
                try
                {
                    request = JsonSerializer.Deserialize(line, GeocodeJsonContext.Default.GeocodeRequest);
                }
                catch (JsonException error)
                {
                    request = null;
                    await Console.Error.WriteLineAsync($"SITREP-GEOCODE-001: invalid JSON at {path}:{lineNumber}: {error.Message}");
                }

                if (request?.Text is null || request.Id is null)
                {
                    failed = true;
                    if (request is not null)
                    {
                        await Console.Error.WriteLineAsync($"SITREP-GEOCODE-002: a line needs \"id\" and \"text\": {path}:{lineNumber}");
                    }

                    continue;
                }

                var answer = Geocode(geoparser, request, out var problem);
                if (problem is not null)
                {
                    failed = true;
                    await Console.Error.WriteLineAsync($"{problem}: {path}:{lineNumber}");
                }

                await stdout.WriteLineAsync(JsonSerializer.Serialize(answer, OutputOptions));
            }
        }

        await stdout.FlushAsync(cancellationToken);
        return failed ? 1 : 0;
    }

    internal static GeocodeResponse Geocode(Geoparser geoparser, GeocodeRequest request, out string? problem)
    {
        problem = null;
        var text = request.Text!;
        var toUtf16 = CodePointOffsets(text);
        var spans = new List<TextSpan>();
        var given = new List<(int Start, int End)>();
        foreach (var pair in request.Spans ?? [])
        {
            if (pair.Length != 2 || pair[0] < 0 || pair[1] <= pair[0] || pair[1] >= toUtf16.Length)
            {
                problem = $"SITREP-GEOCODE-003: span [{string.Join(",", pair)}] is outside the text of '{request.Id}'";
                continue;
            }

            given.Add((pair[0], pair[1]));
            spans.Add(new TextSpan(toUtf16[pair[0]], toUtf16[pair[1]]));
        }

        var mentions = geoparser.ResolveSpans(text, spans);
        var places = new List<GeocodePlace>(mentions.Count);
        for (var i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            places.Add(new GeocodePlace(given[i].Start, given[i].End, m.GeonameId, m.Name, m.Latitude, m.Longitude, m.CountryCode, Math.Round(m.Score, 4)));
        }

        return new GeocodeResponse(request.Id!, places);
    }

    /// <summary>For each code point offset (and the end), its UTF-16 offset.</summary>
    private static int[] CodePointOffsets(string text)
    {
        var offsets = new List<int>(text.Length + 1);
        for (var i = 0; i < text.Length; i++)
        {
            offsets.Add(i);
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
        }

        offsets.Add(text.Length);
        return [.. offsets];
    }
}

internal sealed record GeocodeRequest(string? Id, string? Text, int[][]? Spans);

internal sealed record GeocodeResponse(string Id, IReadOnlyList<GeocodePlace> Places);

internal sealed record GeocodePlace(int Start, int End, long? Geonameid, string? Name, double? Lat, double? Lon, string? CountryCode, double Score);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(GeocodeRequest))]
[JsonSerializable(typeof(GeocodeResponse))]
internal sealed partial class GeocodeJsonContext : JsonSerializerContext;
