using Sitrep.Events.Lexical;

namespace Sitrep.Actors;

/// <summary>
/// The organisations one document introduces that the registry does not know, so that later mentions
/// ("Anarchist Artsakh:", "members of Anarchist Artsakh") and "the group" resolve to them. Per document.
/// </summary>
internal sealed class NewActorBook
{
    private readonly List<(string[] Lower, ActorEntry Entry)> _names = [];

    /// <summary>The most recently mentioned new group, the referent of "the group".</summary>
    public ActorEntry? LastGroup { get; set; }

    public ActorEntry Register(List<Token> tokens, int start, int length, string name, ActorType type)
    {
        var lower = tokens.Skip(start).Take(length).Select(t => t.Lower).ToArray();
        foreach (var (existing, entry) in _names)
        {
            if (existing.SequenceEqual(lower, StringComparer.Ordinal))
            {
                return entry;
            }
        }

        var created = new ActorEntry("NEW:" + ActorRecognizer.Slug(name), name, type, null, ActorEntryKind.Named);
        _names.Add((lower, created));
        _names.Sort((a, b) => b.Lower.Length.CompareTo(a.Lower.Length));
        LastGroup = created;
        return created;
    }

    public void RegisterAlias(Token acronym, ActorEntry entry) => _names.Add(([acronym.Lower], entry));

    public (ActorEntry Entry, int Length)? Match(List<Token> tokens, int index)
    {
        if (!tokens[index].IsCapitalized)
        {
            return null;
        }

        foreach (var (lower, entry) in _names)
        {
            if (index + lower.Length > tokens.Count)
            {
                continue;
            }

            var ok = true;
            for (var k = 0; k < lower.Length && ok; k++)
            {
                ok = string.Equals(tokens[index + k].Lower, lower[k], StringComparison.Ordinal);
            }

            if (ok)
            {
                return (entry, lower.Length);
            }
        }

        return null;
    }
}
