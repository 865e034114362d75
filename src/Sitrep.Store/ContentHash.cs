using System.Security.Cryptography;
using System.Text;

namespace Sitrep.Store;

/// <summary>
/// What makes two reports "the same content": SHA-256 of the source's identity for the report and its
/// text. Ingesting a report again finds its hash and stores nothing; an edited post keeps its identity
/// but changes its text, so it gets a new hash and is stored as a new version.
/// </summary>
/// <remarks>
/// The identity is part of the hash on purpose: channels repeat short texts ("Air raid alert in
/// Kharkiv") in separate posts, and those are separate reports, not duplicates.
/// </remarks>
public readonly record struct ContentHash(string Value)
{
    public static ContentHash Of(string externalId, string text)
    {
        ArgumentNullException.ThrowIfNull(externalId);
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Encoding.UTF8.GetBytes(externalId + "\0" + text);
        return new ContentHash(Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    public override string ToString() => Value;
}
