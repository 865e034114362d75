namespace Sitrep.Server.Security;

/// <summary>
/// The three roles: a viewer reads, an analyst also ingests and reviews, an admin also manages
/// users. Stored as these lower-case names.
/// </summary>
public static class Roles
{
    public const string Viewer = "viewer";
    public const string Analyst = "analyst";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Viewer, Analyst, Admin];

    public static bool IsKnown(string? role) => role is Viewer or Analyst or Admin;
}

/// <summary>The authorization policies endpoints name.</summary>
public static class Policies
{
    /// <summary>Reading reports, events, areas: everyone, or signed-in users only (<see cref="ServerOptions.ReadAccess"/>).</summary>
    public const string Read = "read";

    /// <summary>Ingest and review: analysts and admins.</summary>
    public const string Write = "write";
}
