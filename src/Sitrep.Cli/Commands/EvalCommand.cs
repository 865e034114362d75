using System.CommandLine;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep eval KIND</c>: scorers on gold corpora, one subcommand per extractor.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var command = new Command("eval", "Score an extractor on a gold corpus (geo, time, events)");
        command.Subcommands.Add(EvalGeoCommand.Create());
        command.Subcommands.Add(TimeEvalCommand.Create());
        command.Subcommands.Add(EvalEventsCommand.Create());
        return command;
    }
}
