using System.CommandLine;
using Sitrep.Cli.Commands;

var root = new RootCommand("Sitrep: sourced, geo-referenced, time-aware records from conflict and humanitarian-access reports.")
{
    ExtractCommand.Create(),
    EvalCommand.Create(),
    IngestCommand.Create(),
    ReportsCommand.Create(),
    ShowCommand.Create(),
    SearchCommand.Create(),
    SetupCommand.Create(),
    GeocodeCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
