using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sitrep.Store;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep show ID</c>: one stored report, its source metadata, its text, and its annotations by layer with their spans.</summary>
internal static class ShowCommand
{
    private static readonly string[] Layers = ["times", "quantities", "places", "actors", "events", "claims"];

    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "The report's number (from 'sitrep reports') or its source id (latest version)" };
        var database = CommonOptions.Database();
        var json = CommonOptions.Json();
        var command = new Command("show", "Show one stored report with its annotations") { id, database, json };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(id) ?? "", parse.GetValue(database)!, parse.GetValue(json), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string id, StoreLocation database, bool json, CancellationToken cancellationToken)
    {
        await using var store = await CliStore.OpenExistingAsync(database, cancellationToken);
        if (store is null)
        {
            return 2;
        }

        var report = ReportId.TryParse(id, out var reportId)
            ? await store.GetAsync(reportId, cancellationToken) ?? await store.GetLatestAsync(id, cancellationToken)
            : await store.GetLatestAsync(id, cancellationToken);
        if (report is null)
        {
            await Console.Error.WriteLineAsync($"SITREP-CLI-003: no stored report with id or source id '{id}'");
            return 1;
        }

        using var annotations = JsonDocument.Parse(report.Annotations);
        IReadOnlyList<(ReportId Report, double Similarity)> duplicates = [];
        if (CliKnowledge.For(store) is { } knowledge)
        {
            await knowledge.UpdateAsync(cancellationToken);
            duplicates = await knowledge.NearDuplicatesAsync(report.Id, cancellationToken);
        }

        if (json)
        {
            var shown = StoredReportJson.From(report, annotations.RootElement) with
            {
                NearDuplicates = [.. duplicates.Select(d => new NearDuplicateJson(d.Report.Value, d.Similarity))],
            };
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(shown, StoreJson.Context.StoredReportJson));
            return 0;
        }

        var facts = new Grid().AddColumn().AddColumn();
        void Fact(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                facts.AddRow($"[grey]{name}[/]", Markup.Escape(value));
            }
        }

        Fact("id", $"{report.Id} (version {report.Version.ToString(CultureInfo.InvariantCulture)} of {report.ExternalId})");
        Fact("title", report.Title);
        Fact("author", report.Author);
        Fact("outlet", report.Outlet);
        Fact("channel", report.Channel);
        Fact("message", report.MessageId?.ToString(CultureInfo.InvariantCulture));
        Fact("forwarded from", report.ForwardedFrom);
        Fact("url", report.Url);
        Fact("published", report.Published?.ToString("O", CultureInfo.InvariantCulture));
        Fact("edited", report.Edited?.ToString("O", CultureInfo.InvariantCulture));
        Fact("ingested", report.IngestedAt.ToString("O", CultureInfo.InvariantCulture));
        Fact("format", ReportSummaryJson.FormatName(report.Format));
        Fact("origin", report.Origin);
        Fact("pipeline", report.Pipeline);
        Fact("near-duplicates", string.Join(", ", duplicates.Select(d => string.Create(CultureInfo.InvariantCulture, $"report {d.Report} ({d.Similarity:P0} alike)"))));
        AnsiConsole.Write(facts);
        if (report.Error is not null)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(report.Error)}[/]");
        }

        AnsiConsole.WriteLine();
        AnsiConsole.Write(new Panel(new Spectre.Console.Text(report.Text)).Header("text").Expand());

        foreach (var layer in Layers)
        {
            if (!annotations.RootElement.TryGetProperty(layer, out var items) || items.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            if (items.GetArrayLength() == 0)
            {
                AnsiConsole.MarkupLine($"[grey]{layer}: none[/]");
                continue;
            }

            var table = new Table().Border(TableBorder.Simple).Title($"{layer} ({items.GetArrayLength().ToString(CultureInfo.InvariantCulture)})")
                .AddColumn("span").AddColumn("text").AddColumn("details");
            foreach (var item in items.EnumerateArray())
            {
                var span = Span(item);
                var text = item.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : Slice(report.Text, span);
                table.AddRow(Markup.Escape(span is { } s ? $"{s.Start}-{s.End}" : ""), Markup.Escape(ReportsCommand.Clip(text, 60)), Markup.Escape(Details(item)));
            }

            AnsiConsole.Write(table);
        }

        return 0;
    }

    /// <summary>The annotation's span in code points: its own start/end, or an event's evidence.</summary>
    private static (int Start, int End)? Span(JsonElement item)
    {
        var holder = item.TryGetProperty("start", out _) ? item : item.TryGetProperty("evidence", out var evidence) && evidence.ValueKind == JsonValueKind.Object ? evidence : default;
        return holder.ValueKind == JsonValueKind.Object &&
               holder.TryGetProperty("start", out var start) && start.TryGetInt32(out var s) &&
               holder.TryGetProperty("end", out var end) && end.TryGetInt32(out var e)
            ? (s, e)
            : null;
    }

    private static string Slice(string text, (int Start, int End)? span)
    {
        if (span is not { } s)
        {
            return "";
        }

        // Contract offsets count code points; map them back to UTF-16 for slicing.
        var runes = text.EnumerateRunes().ToArray();
        if (s.Start < 0 || s.End > runes.Length || s.Start > s.End)
        {
            return "";
        }

        return string.Concat(runes[s.Start..s.End].Select(r => r.ToString()));
    }

    private static string Details(JsonElement item) =>
        string.Join("; ", item.EnumerateObject()
            .Where(p => p.Name is not ("start" or "end" or "text" or "evidence"))
            .Where(p => p.Value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) && !(p.Value.ValueKind == JsonValueKind.Array && p.Value.GetArrayLength() == 0))
            .Select(p => $"{p.Name}={(p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText())}"));
}
