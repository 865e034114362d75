using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sitrep.Situation.Review;
using Sitrep.Store;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep review</c>: analysts confirm, correct, reject, merge and split events and add actor aliases.
/// Every decision goes to the audit log (<c>review log</c>) and is replayed over every re-extraction and
/// re-merge, so a human's word outlives the machine's next guess.
/// </summary>
internal static class ReviewCommand
{
    public static Command Create()
    {
        var command = new Command("review", "Confirm, correct, reject, merge or split events; add aliases; see the queue and the audit log")
        {
            Decide("confirm", "The event is right as extracted", ReviewKind.Confirm),
            Correct(),
            Decide("reject", "The event is wrong (not an event, or did not happen): hidden from the picture", ReviewKind.Reject),
            Decide("restore", "Undo a rejection", ReviewKind.Restore),
            Merge(),
            Decide("split", "The event is not the same as the others in its cluster: it stands alone", ReviewKind.Split),
            Alias(),
            Queue(),
            Log(),
        };
        return command;
    }

    private static Command Decide(string name, string description, ReviewKind kind)
    {
        var key = new Argument<string>("event") { Description = "Event id or key (from 'sitrep events')" };
        var (database, analyst, note) = Common();
        var command = new Command(name, description) { key, database, analyst, note };
        command.SetAction((parse, cancellationToken) => RecordAsync(
            parse.GetValue(database)!,
            [parse.GetValue(key)!],
            new ReviewDecision { Kind = kind, Target = parse.GetValue(key)!, Note = parse.GetValue(note), Analyst = CliKnowledge.Analyst(parse.GetValue(analyst)), At = default },
            cancellationToken));
        return command;
    }

    private static Command Correct()
    {
        var key = new Argument<string>("event") { Description = "Event id or key (from 'sitrep events')" };
        var field = new Argument<string>("field") { Description = "type, actor1, actor2, date, modality, place (NAME or NAME@LAT,LON), quantity:CATEGORY" };
        var value = new Argument<string>("value") { Description = "The right value" };
        var (database, analyst, note) = Common();
        var command = new Command("correct", "Set one field of an event to the analyst's value") { key, field, value, database, analyst, note };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (f, v) = (parse.GetValue(field)!, parse.GetValue(value)!);
            if (EventCorrections.Validate(f, v) is { } problem)
            {
                await Console.Error.WriteLineAsync($"SITREP-CLI-001: '{v}' is not a valid {f}: expected {problem}");
                return 2;
            }

            return await RecordAsync(
                parse.GetValue(database)!,
                [parse.GetValue(key)!],
                new ReviewDecision { Kind = ReviewKind.Correct, Target = parse.GetValue(key)!, Field = f, Value = v, Note = parse.GetValue(note), Analyst = CliKnowledge.Analyst(parse.GetValue(analyst)), At = default },
                cancellationToken);
        });
        return command;
    }

    private static Command Merge()
    {
        var first = new Argument<string>("event") { Description = "Event id or key" };
        var second = new Argument<string>("other") { Description = "The event it is the same as" };
        var (database, analyst, note) = Common();
        var command = new Command("merge", "Two events are the same real-world event") { first, second, database, analyst, note };
        command.SetAction((parse, cancellationToken) => RecordAsync(
            parse.GetValue(database)!,
            [parse.GetValue(first)!, parse.GetValue(second)!],
            new ReviewDecision { Kind = ReviewKind.Merge, Target = parse.GetValue(first)!, Other = parse.GetValue(second), Note = parse.GetValue(note), Analyst = CliKnowledge.Analyst(parse.GetValue(analyst)), At = default },
            cancellationToken));
        return command;
    }

    private static Command Alias()
    {
        var actor = new Argument<string>("actor") { Description = "Actor id (from 'sitrep actors --json')" };
        var alias = new Argument<string>("alias") { Description = "Another name for it" };
        var (database, analyst, note) = Common();
        var command = new Command("alias", "Add another name for an actor") { actor, alias, database, analyst, note };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var open = await CliKnowledge.OpenAsync(parse.GetValue(database)!, cancellationToken);
            if (open is null)
            {
                return 2;
            }

            var id = parse.GetValue(actor)!;
            if (!(await open.Knowledge.ActorsAsync(cancellationToken)).Any(a => string.Equals(a.Id, id, StringComparison.Ordinal)))
            {
                await Console.Error.WriteLineAsync($"SITREP-CLI-007: no actor has id '{id}'; 'sitrep actors --json' lists them");
                return 1;
            }

            var decision = await open.Knowledge.RecordAsync(
                new ReviewDecision { Kind = ReviewKind.Alias, Target = id, Value = parse.GetValue(alias), Note = parse.GetValue(note), Analyst = CliKnowledge.Analyst(parse.GetValue(analyst)), At = default },
                cancellationToken);
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"recorded #{decision.Id}: alias '{decision.Value}' for {id}"));
            return 0;
        });
        return command;
    }

    private static Command Queue()
    {
        var database = CommonOptions.Database();
        var json = CommonOptions.Json();
        var limit = new Option<int>("--limit") { Description = "At most this many events", DefaultValueFactory = _ => 20 };
        var command = new Command("queue", "Events awaiting review, least certain first") { database, json, limit };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var open = await CliKnowledge.OpenAsync(parse.GetValue(database)!, cancellationToken);
            if (open is null)
            {
                return 2;
            }

            var queue = ReviewQueue.Rank((await open.ClustersAsync(includeRejected: false, cancellationToken)).Select(KnowledgeJson.Merge), e => e)
                .Take(Math.Max(0, parse.GetValue(limit)))
                .ToList();
            if (parse.GetValue(json))
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(queue.Select(KnowledgeJson.Event), AreasCommand.JsonOptions));
                return 0;
            }

            foreach (var e in queue)
            {
                AnsiConsole.MarkupLine(Markup.Escape(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{e.Id}  {e.Type}  {AreasCommand.Date(e.Start) ?? "undated"}  {e.Places.FirstOrDefault()?.Value ?? "-"}  sources {e.Sources.Count}{(e.HasDisagreement ? "  (sources disagree)" : string.Empty)}")));
                AnsiConsole.MarkupLine("    [grey]" + Markup.Escape(e.Evidence.FirstOrDefault()?.Value ?? string.Empty) + "[/]");
            }

            AnsiConsole.MarkupLine(queue.Count == 0 ? "Nothing to review." : "[grey]sitrep review confirm|correct|reject|merge|split ID ...[/]");
            return 0;
        });
        return command;
    }

    private static Command Log()
    {
        var database = CommonOptions.Database();
        var json = CommonOptions.Json();
        var command = new Command("log", "The audit log: every decision, who made it and when") { database, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var open = await CliKnowledge.OpenAsync(parse.GetValue(database)!, cancellationToken);
            if (open is null)
            {
                return 2;
            }

            var log = await open.Knowledge.ReviewLogAsync(cancellationToken);
            if (parse.GetValue(json))
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(log.Select(KnowledgeJson.Decision), AreasCommand.JsonOptions));
                return 0;
            }

            foreach (var d in log)
            {
                var detail = d.Kind switch
                {
                    ReviewKind.Correct => $" {d.Field} = {d.Value}",
                    ReviewKind.Merge => $" with {d.Other}",
                    ReviewKind.Alias => $" '{d.Value}'",
                    _ => string.Empty,
                };
                await Console.Out.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"#{d.Id} {d.At:yyyy-MM-dd HH:mm:ss}Z {d.Analyst}: {d.Kind.ToString().ToLowerInvariant()} {d.Target}{detail}{(d.Note is { } n ? $" ({n})" : string.Empty)}"));
            }

            return 0;
        });
        return command;
    }

    private static async Task<int> RecordAsync(StoreLocation database, IReadOnlyList<string> keys, ReviewDecision decision, CancellationToken cancellationToken)
    {
        await using var open = await CliKnowledge.OpenAsync(database, cancellationToken);
        if (open is null)
        {
            return 2;
        }

        foreach (var key in keys)
        {
            if (await open.Knowledge.FindEventAsync(key, cancellationToken) is null)
            {
                await Console.Error.WriteLineAsync($"SITREP-CLI-007: no event has id or key '{key}'; 'sitrep events' lists them");
                return 1;
            }
        }

        var recorded = await open.Knowledge.RecordAsync(decision, cancellationToken);
        await Console.Out.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"recorded #{recorded.Id}: {recorded.Kind.ToString().ToLowerInvariant()} {recorded.Target} by {recorded.Analyst}"));
        return 0;
    }

    private static (Option<StoreLocation> Database, Option<string?> Analyst, Option<string?> Note) Common() =>
    (
        CommonOptions.Database(),
        new Option<string?>("--analyst") { Description = "Who decides (default: $SITREP_ANALYST, else the login name)" },
        new Option<string?>("--note") { Description = "Why, for the audit log" });
}
