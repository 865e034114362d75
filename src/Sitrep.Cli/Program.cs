using System.CommandLine;
using Sitrep.Cli.Commands;

var root = new RootCommand("Sitrep: sourced, geo-referenced, time-aware records from conflict and humanitarian-access reports.")
{
    DemoCommand.Create(),
    SetupCommand.Create(),
    IngestCommand.Create(),
    ReportsCommand.Create(),
    ShowCommand.Create(),
    SearchCommand.Create(),
    AreasCommand.Create(),
    AreaCommand.Create(),
    EventsCommand.Create(),
    ActorsCommand.Create(),
    ReviewCommand.Create(),
    BriefCommand.Create(),
    ReprocessCommand.Create(),
    ExtractCommand.Create(),
    GeocodeCommand.Create(),
    EvalCommand.Create(),
    ServeCommand.Create(),
    UsersCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
