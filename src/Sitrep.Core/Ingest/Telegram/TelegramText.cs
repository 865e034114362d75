using System.Text;
using System.Text.Json;

namespace Sitrep.Ingest.Telegram;

/// <summary>
/// A message's text as Telegram exports it: a plain string, or an array mixing strings and entity
/// objects (<c>{"type": "bold", "text": "..."}</c>, links, hashtags, mentions) whose texts, concatenated,
/// are the message as shown. Falls back to <c>text_entities</c> when <c>text</c> is absent.
/// </summary>
internal static class TelegramText
{
    public static string Concatenate(JsonElement message)
    {
        if (message.TryGetProperty("text", out var text))
        {
            switch (text.ValueKind)
            {
                case JsonValueKind.String:
                    return text.GetString() ?? "";
                case JsonValueKind.Array:
                    return Join(text);
            }
        }

        return message.TryGetProperty("text_entities", out var entities) && entities.ValueKind == JsonValueKind.Array
            ? Join(entities)
            : "";
    }

    private static string Join(JsonElement parts)
    {
        var builder = new StringBuilder();
        foreach (var part in parts.EnumerateArray())
        {
            if (part.ValueKind == JsonValueKind.String)
            {
                builder.Append(part.GetString());
            }
            else if (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("text", out var inner) && inner.ValueKind == JsonValueKind.String)
            {
                builder.Append(inner.GetString());
            }
        }

        return builder.ToString();
    }
}
