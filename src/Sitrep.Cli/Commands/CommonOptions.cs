using System.CommandLine;
using System.Globalization;
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

    /// <summary>
    /// Reads a <c>--published</c> value (YYYY-MM-DD) as midnight UTC; null when none was given. False, after
    /// printing why, when the value is not a date.
    /// </summary>
    public static bool TryReadPublished(string? text, out DateTimeOffset? published)
    {
        published = null;
        if (text is null)
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Console.Error.WriteLine($"SITREP-CLI-001: --published must be YYYY-MM-DD, not '{text}'");
            return false;
        }

        published = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return true;
    }

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
