using System.CommandLine;
using System.CommandLine.Parsing;
using Sitrep.Store;

namespace Sitrep.Cli.Commands;

/// <summary>Options shared by several commands, so they are spelled and described the same everywhere.</summary>
internal static class CommonOptions
{
    /// <summary>The database: a SQLite file, or PostgreSQL (see <see cref="StoreLocation"/>); default <c>$SITREP_DB</c>, else <c>sitrep.db</c>.</summary>
    public static Option<StoreLocation> Database() => new("--db")
    {
        Description = "Database: a SQLite file, or PostgreSQL as postgres://user@host:port/db or \"Host=...;Database=...\" (default: $SITREP_DB, else sitrep.db)",
        DefaultValueFactory = result => ParseDatabase(result, Environment.GetEnvironmentVariable("SITREP_DB") is { Length: > 0 } fromEnvironment ? fromEnvironment : "sitrep.db"),
        CustomParser = result => ParseDatabase(result, result.Tokens.Count > 0 ? result.Tokens[^1].Value : ""),
    };

    public static Option<bool> Json() => new("--json") { Description = "Machine-readable JSON output (see docs/contract.md)" };

    private static StoreLocation ParseDatabase(ArgumentResult result, string text)
    {
        try
        {
            return StoreLocation.Parse(text);
        }
        catch (FormatException e)
        {
            result.AddError(e.Message);
            return null!;
        }
    }
}
