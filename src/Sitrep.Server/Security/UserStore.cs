using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Data.Common;
using Microsoft.AspNetCore.Identity;
using Sitrep.Store;

namespace Sitrep.Server.Security;

/// <summary>A user as the server knows it (never with the password hash outside this class).</summary>
public sealed record SitrepUser(long Id, string Name, string Role);

/// <summary>
/// Users and API keys, in the same database as the reports (migration <c>0003_users.sql</c> of either
/// store), so every server and command on a PostgreSQL database shares them.
/// Passwords are hashed with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2, salted);
/// API keys are random 256-bit secrets of which only the SHA-256 is kept.
/// </summary>
/// <remarks>Each call opens a pooled connection; safe to share between threads. Names match whatever their case.</remarks>
public sealed class UserStore(IStoreDatabase database, TimeProvider time)
{
    private const string KeyPrefix = "sitrep_";
    private static readonly PasswordHasher<SitrepUser> Hasher = new();

    /// <exception cref="ArgumentException">Unknown role, empty name or a password under 8 characters.</exception>
    /// <exception cref="InvalidOperationException">SITREP-AUTH-001: a user of that name exists.</exception>
    public async Task<SitrepUser> AddAsync(string name, string role, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            throw new ArgumentException("SITREP-AUTH-002: a user name is 1 to 100 characters", nameof(name));
        }

        if (!Roles.IsKnown(role))
        {
            throw new ArgumentException($"SITREP-AUTH-003: unknown role '{role}' (viewer, analyst or admin)", nameof(role));
        }

        if (password.Length < 8)
        {
            throw new ArgumentException("SITREP-AUTH-004: a password has at least 8 characters", nameof(password));
        }

        var user = new SitrepUser(0, name.Trim(), role);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO users (name, role, password_hash, created_at) VALUES (@name, @role, @hash, @at) RETURNING id";
        command.AddParameter("@name", user.Name);
        command.AddParameter("@role", role);
        command.AddParameter("@hash", Hasher.HashPassword(user, password));
        command.AddParameter("@at", Now());
        try
        {
            var id = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            return user with { Id = id };
        }
        catch (DbException error) when (StoreErrors.IsUniqueViolation(error))
        {
            throw new InvalidOperationException($"SITREP-AUTH-001: a user called '{user.Name}' exists already", error);
        }
    }

    /// <summary>The user when the name and password match an enabled user, else null (same work either way).</summary>
    public async Task<SitrepUser?> VerifyPasswordAsync(string name, string password, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, name, role, password_hash FROM users WHERE lower(name) = lower(@name) AND disabled = 0";
        command.AddParameter("@name", name ?? string.Empty);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            // Hash anyway, so a missing user takes as long as a wrong password.
            Hasher.VerifyHashedPassword(new SitrepUser(0, string.Empty, Roles.Viewer), DummyHash.Value, password ?? string.Empty);
            return null;
        }

        var user = new SitrepUser(reader.GetInt64(0), reader.GetString(1), reader.GetString(2));
        var result = Hasher.VerifyHashedPassword(user, reader.GetString(3), password ?? string.Empty);
        return result == PasswordVerificationResult.Failed ? null : user;
    }

    /// <summary>Makes an API key for the user; the returned key is shown once and never stored.</summary>
    public async Task<string> CreateApiKeyAsync(string userName, string? label, CancellationToken cancellationToken)
    {
        var user = await FindAsync(userName, cancellationToken)
            ?? throw new InvalidOperationException($"SITREP-AUTH-005: no user called '{userName}'");
        var prefix = Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();
        var key = $"{KeyPrefix}{prefix}_{Base64Url(RandomNumberGenerator.GetBytes(32))}";
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO api_keys (user_id, prefix, key_hash, label, created_at) VALUES (@user, @prefix, @hash, @label, @at)";
        command.AddParameter("@user", user.Id);
        command.AddParameter("@prefix", prefix);
        command.AddParameter("@hash", HashKey(key));
        command.AddParameter("@label", label);
        command.AddParameter("@at", Now());
        await command.ExecuteNonQueryAsync(cancellationToken);
        return key;
    }

    /// <summary>The user an API key belongs to, or null for an unknown, malformed or revoked key.</summary>
    public async Task<SitrepUser?> VerifyApiKeyAsync(string key, CancellationToken cancellationToken)
    {
        var parts = key?.Split('_') ?? [];
        if (parts.Length != 3 || !string.Equals(parts[0] + "_", KeyPrefix, StringComparison.Ordinal) || parts[1].Length != 12)
        {
            return null;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT u.id, u.name, u.role, k.key_hash FROM api_keys k JOIN users u ON u.id = k.user_id
            WHERE k.prefix = @prefix AND k.revoked_at IS NULL AND u.disabled = 0
            """;
        command.AddParameter("@prefix", parts[1]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var expected = Encoding.ASCII.GetBytes(reader.GetString(3));
        var given = Encoding.ASCII.GetBytes(HashKey(key!));
        return CryptographicOperations.FixedTimeEquals(expected, given) ? new SitrepUser(reader.GetInt64(0), reader.GetString(1), reader.GetString(2)) : null;
    }

    public async Task<SitrepUser?> FindAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, name, role FROM users WHERE lower(name) = lower(@name)";
        command.AddParameter("@name", name);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new SitrepUser(reader.GetInt64(0), reader.GetString(1), reader.GetString(2)) : null;
    }

    public async Task<IReadOnlyList<SitrepUser>> ListAsync(CancellationToken cancellationToken)
    {
        var users = new List<SitrepUser>();
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, name, role FROM users ORDER BY name";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            users.Add(new SitrepUser(reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        }

        return users;
    }

    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(new SitrepUser(0, string.Empty, Roles.Viewer), "not a password of anyone"));

    private static string HashKey(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '-');

    private string Now() => time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    private Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => database.OpenDatabaseConnectionAsync(cancellationToken);
}
