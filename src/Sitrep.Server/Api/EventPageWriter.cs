using System.Buffers;
using System.Text.Json;
using Sitrep.Server.Situation;

namespace Sitrep.Server.Api;

/// <summary>
/// Writes an <see cref="EventPageJson"/> from each event's JSON, serialized once per snapshot and kept on
/// the event (<see cref="SituationEventRecord.ListJson"/>): a page costs a copy per event, not fifty
/// serializations. The bytes are those <see cref="EventJson"/> gives with the API's JSON options.
/// </summary>
internal static class EventPageWriter
{
    public static byte[] Write(EventPage page, int offset, int limit, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(options);

        // {"total":N,"offset":N,"limit":N,"items":[ ... ]}: the head by a JSON writer, then the events' own bytes
        // copied once into an array of the exact size.
        var head = new ArrayBufferWriter<byte>(96);
        using (var writer = new Utf8JsonWriter(head, new JsonWriterOptions { Encoder = options.Encoder, SkipValidation = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber(Name(options, nameof(EventPageJson.Total)), page.Total);
            writer.WriteNumber(Name(options, nameof(EventPageJson.Offset)), offset);
            writer.WriteNumber(Name(options, nameof(EventPageJson.Limit)), limit);
            writer.WritePropertyName(Name(options, nameof(EventPageJson.Items)));
            writer.WriteStartArray();
        }

        var items = new byte[page.Items.Count][];
        var size = head.WrittenCount + 2 + Math.Max(0, items.Length - 1);
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = ListJson(page.Items[i], options);
            size += items[i].Length;
        }

        var body = GC.AllocateUninitializedArray<byte>(size);
        head.WrittenSpan.CopyTo(body);
        var at = head.WrittenCount;
        for (var i = 0; i < items.Length; i++)
        {
            if (i > 0)
            {
                body[at++] = (byte)',';
            }

            items[i].CopyTo(body, at);
            at += items[i].Length;
        }

        body[at++] = (byte)']';
        body[at] = (byte)'}';
        return body;
    }

    /// <summary>
    /// The event as <see cref="EventJson"/>, serialized on first use and kept as long as the snapshot (two
    /// requests may both do it: same bytes).
    /// </summary>
    internal static byte[] ListJson(SituationEventRecord item, JsonSerializerOptions options) =>
        item.ListJson ??= ResponseCache.Keep(JsonSerializer.SerializeToUtf8Bytes(EventJson.From(item), options));

    private static string Name(JsonSerializerOptions options, string property) => options.PropertyNamingPolicy?.ConvertName(property) ?? property;
}
