using System.Globalization;
using System.Text.Json;
using Sitrep.Documents;

namespace Sitrep.Ingest.Telegram;

/// <summary>
/// Telegram Desktop's JSON export (<c>result.json</c>): a single chat or channel
/// (<c>{"name", "type", "id", "messages": [...]}</c>) or the "all chats" layout
/// (<c>{"chats": {"list": [chat...]}, "left_chats": {"list": [...]}}</c>). One report per message with
/// text; service messages and media-only posts have none and are counted as skipped.
/// </summary>
public sealed class TelegramExportReader : IReportReader
{
    public InputFormat Format => InputFormat.Telegram;

    public ReadResult Read(string origin, string content)
    {
        if (!JsonInput.TryParse(content, out var json, out var error))
        {
            return ReadResult.Failed(new IngestProblem(IngestErrors.MalformedJson, origin, error));
        }

        using (json)
        {
            var chats = Chats(json.RootElement).ToList();
            if (chats.Count == 0)
            {
                return ReadResult.Failed(new IngestProblem(IngestErrors.TelegramNoMessages, origin, "telegram export has no 'messages' array"));
            }

            var reports = new List<SourceReport>();
            var problems = new List<IngestProblem>();
            var skipped = 0;
            foreach (var chat in chats)
            {
                skipped += ReadChat(origin, chat, reports, problems);
            }

            if (reports.Count == 0 && problems.Count == 0 && skipped == 0)
            {
                problems.Add(new IngestProblem(IngestErrors.Empty, origin, "telegram export holds no messages"));
            }

            return new ReadResult(reports, problems, skipped);
        }
    }

    private static IEnumerable<JsonElement> Chats(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        if (root.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array)
        {
            yield return root;
        }

        foreach (var section in (string[])["chats", "left_chats"])
        {
            if (root.TryGetProperty(section, out var group) && group.ValueKind == JsonValueKind.Object &&
                group.TryGetProperty("list", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var chat in list.EnumerateArray())
                {
                    if (chat.ValueKind == JsonValueKind.Object && chat.TryGetProperty("messages", out var m) && m.ValueKind == JsonValueKind.Array)
                    {
                        yield return chat;
                    }
                }
            }
        }
    }

    /// <returns>How many messages were skipped on purpose (service, media-only).</returns>
    private static int ReadChat(string origin, JsonElement chat, List<SourceReport> reports, List<IngestProblem> problems)
    {
        var name = String(chat, "name");
        var chatId = Scalar(chat, "id");
        var channel = chatId ?? name ?? "unknown";
        var skipped = 0;
        var index = 0;
        foreach (var message in chat.GetProperty("messages").EnumerateArray())
        {
            index++;
            if (message.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new IngestProblem(IngestErrors.MalformedJson, $"{origin}#{index.ToString(CultureInfo.InvariantCulture)}", "a telegram message must be a JSON object"));
                continue;
            }

            if (String(message, "type") is { } type && !type.Equals("message", StringComparison.Ordinal))
            {
                skipped++;
                continue;
            }

            var text = TelegramText.Concatenate(message);
            if (string.IsNullOrWhiteSpace(text))
            {
                skipped++;
                continue;
            }

            if (!message.TryGetProperty("id", out var idElement) || !idElement.TryGetInt64(out var messageId))
            {
                problems.Add(new IngestProblem(IngestErrors.MalformedJson, $"{origin}#{index.ToString(CultureInfo.InvariantCulture)}", "telegram message has no numeric 'id'"));
                continue;
            }

            reports.Add(new SourceReport
            {
                ExternalId = $"telegram:{channel}/{messageId.ToString(CultureInfo.InvariantCulture)}",
                Text = text,
                Format = InputFormat.Telegram,
                Origin = origin,
                MessageId = messageId,
                Published = Time(message, "date"),
                Edited = Time(message, "edited"),
                Metadata = new ReportMetadata
                {
                    Channel = name ?? chatId,
                    Outlet = name,
                    Author = String(message, "author") ?? String(message, "from"),
                    ForwardedFrom = String(message, "forwarded_from"),
                },
            });
        }

        return skipped;
    }

    /// <summary>
    /// Prefers <c>date_unixtime</c> (exact, UTC) over <c>date</c>, which Telegram Desktop writes in the
    /// exporting machine's local time without an offset; that one is read as UTC.
    /// </summary>
    private static DateTimeOffset? Time(JsonElement message, string name)
    {
        if (Scalar(message, name + "_unixtime") is { } unix &&
            long.TryParse(unix, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) &&
            seconds is > -62_135_596_800 and < 253_402_300_800)
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        return String(message, name) is { } text &&
               DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : null;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;

    private static string? Scalar(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
