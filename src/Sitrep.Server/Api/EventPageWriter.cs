using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sitrep.Server.Situation;

namespace Sitrep.Server.Api;

/// <summary>
/// Writes an <see cref="EventPageJson"/> from each event's JSON, serialized once per snapshot and kept on
/// the event (<see cref="SituationEventRecord.ListJson"/>): a page of a popular query costs a copy, not
/// fifty serializations. The bytes are those <see cref="EventJson"/> gives with the API's JSON options.
/// </summary>
internal sealed class EventPageResult(EventPage page, int offset, int limit) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var options = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(httpContext.Response.BodyWriter, new JsonWriterOptions { Encoder = options.Encoder, SkipValidation = true });
        writer.WriteStartObject();
        writer.WriteNumber(Name(options, nameof(EventPageJson.Total)), page.Total);
        writer.WriteNumber(Name(options, nameof(EventPageJson.Offset)), offset);
        writer.WriteNumber(Name(options, nameof(EventPageJson.Limit)), limit);
        writer.WritePropertyName(Name(options, nameof(EventPageJson.Items)));
        writer.WriteStartArray();
        foreach (var item in page.Items)
        {
            writer.WriteRawValue(ListJson(item, options), skipInputValidation: true);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(httpContext.RequestAborted);
    }

    /// <summary>The event as <see cref="EventJson"/>, serialized on first use (two requests may both do it: same bytes).</summary>
    internal static byte[] ListJson(SituationEventRecord item, JsonSerializerOptions options) =>
        item.ListJson ??= JsonSerializer.SerializeToUtf8Bytes(EventJson.From(item), options);

    private static string Name(JsonSerializerOptions options, string property) => options.PropertyNamingPolicy?.ConvertName(property) ?? property;
}
