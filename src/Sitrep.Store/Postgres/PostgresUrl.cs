using System.Globalization;
using Npgsql;

namespace Sitrep.Store.Postgres;

/// <summary>
/// libpq's connection URI (<c>postgresql://user:password@host:port/database?param=value</c>), which
/// Npgsql does not read, as an Npgsql connection string. Parameters use libpq's names
/// (<c>sslmode</c>, <c>host</c> for a socket folder, <c>application_name</c>, <c>connect_timeout</c>)
/// or Npgsql's; hosts may be a list (<c>h1:5432,h2:5433</c>).
/// </summary>
internal static class PostgresUrl
{
    private static readonly Dictionary<string, string> LibpqNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sslmode"] = "SSL Mode",
        ["user"] = "Username",
        ["dbname"] = "Database",
        ["application_name"] = "Application Name",
        ["connect_timeout"] = "Timeout",
        ["target_session_attrs"] = "Target Session Attributes",
        ["sslrootcert"] = "Root Certificate",
        ["sslcert"] = "SSL Certificate",
        ["sslkey"] = "SSL Key",
    };

    public static string ToConnectionString(string url)
    {
        var rest = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var query = "";
        if (rest.IndexOf('?', StringComparison.Ordinal) is var q and >= 0)
        {
            query = rest[(q + 1)..];
            rest = rest[..q];
        }

        var database = "";
        if (rest.IndexOf('/', StringComparison.Ordinal) is var slash and >= 0)
        {
            database = Unescape(rest[(slash + 1)..]);
            rest = rest[..slash];
        }

        var builder = new NpgsqlConnectionStringBuilder();
        if (rest.LastIndexOf('@') is var at and >= 0)
        {
            var userInfo = rest[..at];
            rest = rest[(at + 1)..];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Unescape(colon >= 0 ? userInfo[..colon] : userInfo);
            if (colon >= 0)
            {
                builder.Password = Unescape(userInfo[(colon + 1)..]);
            }
        }

        SetHosts(builder, Unescape(rest), url);
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Unescape(equals >= 0 ? pair[..equals] : pair);
            var value = equals >= 0 ? Unescape(pair[(equals + 1)..]) : "";
            try
            {
                builder[LibpqNames.GetValueOrDefault(key, key)] = value;
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                throw new FormatException($"SITREP-STORE-022: PostgreSQL URL parameter '{key}' is not understood: {e.Message}", e);
            }
        }

        if (string.IsNullOrEmpty(builder.Host))
        {
            builder.Host = "localhost";
        }

        return builder.ConnectionString;
    }

    /// <summary>One host with an optional port, or a list (Npgsql takes <c>h1:p1,h2:p2</c> as given).</summary>
    private static void SetHosts(NpgsqlConnectionStringBuilder builder, string hosts, string url)
    {
        if (hosts.Length == 0)
        {
            return;
        }

        if (hosts.Contains(',', StringComparison.Ordinal))
        {
            builder.Host = hosts;
            return;
        }

        var portAt = hosts.StartsWith('[') ? hosts.IndexOf("]:", StringComparison.Ordinal) + 1 : hosts.LastIndexOf(':');
        if (portAt > 0)
        {
            if (!int.TryParse(hosts.AsSpan(portAt + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is 0 or > 65535)
            {
                throw new FormatException($"SITREP-STORE-021: the port in the PostgreSQL URL is not a number from 1 to 65535: {Redacted(url)}");
            }

            builder.Port = port;
            hosts = hosts[..portAt];
        }

        builder.Host = hosts.Trim('[', ']');
    }

    private static string Unescape(string text) => Uri.UnescapeDataString(text);

    /// <summary>The URL with any password replaced, for error messages.</summary>
    private static string Redacted(string url)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal) + 3;
        var at = url.IndexOf('@', start);
        var colon = url.IndexOf(':', start);
        return at > 0 && colon > 0 && colon < at ? string.Concat(url.AsSpan(0, colon + 1), "***", url.AsSpan(at)) : url;
    }
}
