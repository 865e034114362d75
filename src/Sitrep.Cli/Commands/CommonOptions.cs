using System.CommandLine;

namespace Sitrep.Cli.Commands;

/// <summary>Options shared by several commands, so they are spelled and described the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<FileInfo> Database() => new("--db")
    {
        Description = "SQLite database file",
        DefaultValueFactory = _ => new FileInfo("sitrep.db"),
    };

    public static Option<bool> Json() => new("--json") { Description = "Machine-readable JSON output (see docs/contract.md)" };
}
