using System.Data.Common;

namespace Sitrep.Store;

/// <summary>Provider-neutral ADO.NET helpers for SQL written once for SQLite and PostgreSQL.</summary>
public static class StoreCommands
{
    /// <summary>Adds a named parameter (<c>@name</c> in the SQL); null becomes SQL NULL.</summary>
    public static void AddParameter(this DbCommand command, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
