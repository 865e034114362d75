using System.Globalization;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Sitrep.Store;

namespace Sitrep.Server.Security;

/// <summary>
/// The data-protection key ring (what signs sign-in cookies and antiforgery tokens) in the store's own
/// database, table <c>data_protection_keys</c>: every server on one PostgreSQL database accepts the
/// cookies the others issued, and a restart signs nobody out. Keys are kept unencrypted, as readable as
/// the database itself, which already holds the password hashes.
/// </summary>
/// <remarks>
/// <see cref="IXmlRepository"/> is synchronous by design; ASP.NET Core calls it only when the key ring is
/// first read, refreshed (about daily) or rotated, never per request, so blocking on I/O here is harmless.
/// </remarks>
public sealed class DatabaseKeyRepository(IStoreDatabase database, TimeProvider time) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => ReadAsync(CancellationToken.None).GetAwaiter().GetResult();

    public void StoreElement(XElement element, string friendlyName) => WriteAsync(element, friendlyName, CancellationToken.None).GetAwaiter().GetResult();

    private async Task<IReadOnlyCollection<XElement>> ReadAsync(CancellationToken cancellationToken)
    {
        var elements = new List<XElement>();
        await using var connection = await database.OpenDatabaseConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT xml FROM data_protection_keys ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    private async Task WriteAsync(XElement element, string friendlyName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenDatabaseConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO data_protection_keys (friendly_name, xml, created_at) VALUES (@name, @xml, @at)";
        command.AddParameter("@name", friendlyName);
        command.AddParameter("@xml", element.ToString(SaveOptions.DisableFormatting));
        command.AddParameter("@at", time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
