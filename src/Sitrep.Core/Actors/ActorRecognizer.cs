using System.Globalization;
using System.Text;
using Sitrep.Events.Lexical;

namespace Sitrep.Actors;

/// <summary>An actor found in one sentence: tokens [First, Last] and what they refer to.</summary>
internal readonly record struct ActorHit(int First, int Last, ActorEntry Entry, double Confidence, bool IsNew, bool IsLocative, bool IsDemonym = false);

/// <summary>
/// Finds actors in a tokenized sentence: organisations newly introduced by the text ("a new anarchist
/// group - Anarchist Artsakh"), registry names, state bodies ("the Russian Foreign Ministry", "Sudan's
/// government", "Azerbaijani troops"), titled people ("Portuguese President Mario Soares") and unnamed
/// generic actors ("police", "gunmen"). Thread-safe; per-document state lives in <see cref="NewActorBook"/>.
/// </summary>
internal sealed class ActorRecognizer(ActorRegistry registry)
{
    public List<ActorHit> Recognize(List<Token> tokens, NewActorBook book)
    {
        FindIntroductions(tokens, book);
        var hits = new List<ActorHit>();
        var i = 0;
        while (i < tokens.Count)
        {
            if (!tokens[i].IsWord)
            {
                i++;
                continue;
            }

            var next = MatchAt(tokens, i, book, hits);
            i = next > i ? next : i + 1;
        }

        return hits;
    }

    /// <summary>Tries every pattern at <paramref name="i"/>; returns the index after what it consumed (or i).</summary>
    private int MatchAt(List<Token> tokens, int i, NewActorBook book, List<ActorHit> hits)
    {
        if (book.Match(tokens, i) is { } known)
        {
            hits.Add(new ActorHit(i, i + known.Length - 1, known.Entry, 0.85, true, false));
            return i + known.Length;
        }

        if (MatchTitledPerson(tokens, i, null, i) is { } titled)
        {
            hits.Add(titled.Hit);
            return titled.Hit.Last + 1;
        }

        if (registry.Match(tokens, i) is { } match)
        {
            var end = i + match.Length;
            switch (match.Entry.Kind)
            {
                case ActorEntryKind.Named:
                    // "Arab League Secretary General Chadli Klibi": the person speaks for the organisation.
                    if (end < tokens.Count && MatchTitledPerson(tokens, end, null, i) is { } official && official.Hit.Entry.Type == ActorType.Person)
                    {
                        hits.Add(official.Hit with { Entry = match.Entry with { Name = official.Hit.Entry.Name, Office = official.Hit.Entry.Office } });
                        return official.Hit.Last + 1;
                    }

                    hits.Add(new ActorHit(i, end - 1, match.Entry, 0.95, false, false));
                    return end;
                case ActorEntryKind.State:
                    return State(tokens, i, end, match.Entry, hits);
                case ActorEntryKind.Capital:
                    if (IsLocative(tokens, i))
                    {
                        var state = StateEntry(match.Entry.CountryCode!);
                        hits.Add(new ActorHit(i, end - 1, state, 0.4, false, true));
                    }
                    else if (Possessive(tokens, end) is { } body)
                    {
                        return Body(tokens, i, end + 1, match.Entry.CountryCode!, hits) ?? end;
                    }
                    else
                    {
                        hits.Add(new ActorHit(i, end - 1, match.Entry, 0.7, false, false));
                    }

                    return end;
                case ActorEntryKind.Demonym:
                    return Demonym(tokens, i, end, match.Entry, hits);
            }
        }

        if (CapitalisedOrganisation(tokens, i, book) is { } organisation)
        {
            hits.Add(organisation);
            return organisation.Last + 1;
        }

        return Generic(tokens, i, hits);
    }

    private int State(List<Token> tokens, int start, int end, ActorEntry state, List<ActorHit> hits)
    {
        if (Possessive(tokens, end) is not null && Body(tokens, start, end + 1, state.CountryCode!, hits) is { } after)
        {
            return after;
        }

        // "U.S. Secretary of State Warren Christopher", "Ivory Coast rebels", "US Congress": the state names its body.
        if (!IsLocative(tokens, start) && end < tokens.Count && tokens[end].IsWord
            && (MatchTitledPerson(tokens, end, state.CountryCode, start) is { } person ? person.Hit : (ActorHit?)null) is { } titled)
        {
            hits.Add(titled);
            return titled.Last + 1;
        }

        if (!IsLocative(tokens, start) && end < tokens.Count && Head(tokens, end) is { } head)
        {
            var last = end + head.Length - 1;
            hits.Add(new ActorHit(start, last, Derived(state.CountryCode!, head.Suffix, head.Type), 0.85, false, false));
            return last + 1;
        }

        hits.Add(new ActorHit(start, end - 1, state, IsLocative(tokens, start) ? 0.5 : 0.85, false, IsLocative(tokens, start)));
        return end;
    }

    private int Demonym(List<Token> tokens, int start, int end, ActorEntry state, List<ActorHit> hits)
    {
        if (state.IsPlural)
        {
            hits.Add(new ActorHit(start, end - 1, Derived(state.CountryCode!, "CIV", ActorType.Civilians), 0.8, false, false));
            return end;
        }

        if (Body(tokens, start, end, state.CountryCode!, hits) is { } after)
        {
            return after;
        }

        // "Hungarian and Romanian officials": the first demonym shares the second one's head noun.
        if (end + 1 < tokens.Count && tokens[end].Lower is "and" or "," && registry.Match(tokens, end + 1) is { Entry.Kind: ActorEntryKind.Demonym } other)
        {
            var probe = new List<ActorHit>();
            if (Body(tokens, end + 1, end + 1 + other.Length, other.Entry.CountryCode!, probe) is not null && probe.Count > 0)
            {
                var suffix = probe[0].Entry.Id[(probe[0].Entry.Id.IndexOf('-', StringComparison.Ordinal) + 1)..];
                hits.Add(new ActorHit(start, end - 1, Derived(state.CountryCode!, suffix, probe[0].Entry.Type), 0.8, false, false));
                return end;
            }
        }

        // "through Azerbaijani territory", "on Syrian soil": the state names a place.
        if (IsLocative(tokens, start) && end < tokens.Count && tokens[end].Lower is "territory" or "soil" or "land" or "lands" or "airspace" or "waters" or "side" or "border" or "villages" or "towns" or "cities")
        {
            hits.Add(new ActorHit(start, end - 1, StateEntry(state.CountryCode!), 0.5, false, true));
            return end;
        }

        // An adjective on its own: "the Azerbaijani blockade", "Russian aid" - the state acts.
        hits.Add(new ActorHit(start, end - 1, StateEntry(state.CountryCode!), 0.7, false, false, true));
        return end;
    }

    /// <summary>
    /// A state body after a state, demonym or possessive: optional modifiers, then a head noun
    /// ("Foreign Ministry", "government forces", "President Mario Soares"). Returns the index after it.
    /// </summary>
    private int? Body(List<Token> tokens, int start, int from, string iso2, List<ActorHit> hits)
    {
        for (var j = from; j < tokens.Count && j < from + 4; j++)
        {
            var token = tokens[j];
            if (!token.IsWord || ActorLexicon.Stop.Contains(token.Lower) || registry.Match(tokens, j) is { Entry.Kind: not ActorEntryKind.Named })
            {
                return null;
            }

            if (MatchTitledPerson(tokens, j, iso2, start) is { } person)
            {
                hits.Add(person.Hit);
                return person.Hit.Last + 1;
            }

            if (Head(tokens, j) is { } head)
            {
                var last = j + head.Length - 1;

                // "Foreign Ministry" / "Ministry of Defence": keep the capitalised words that belong to the name.
                while (last + 1 < tokens.Count && tokens[last + 1].IsWord && tokens[last + 1].IsCapitalized
                       && Head(tokens, last + 1) is { } more && more.Length == 1 && more.Suffix == head.Suffix)
                {
                    last++;
                }

                hits.Add(new ActorHit(start, last, Derived(iso2, head.Suffix, head.Type), 0.9, false, false));
                return last + 1;
            }
        }

        return null;
    }

    private (string Suffix, ActorType Type, int Length)? Head(List<Token> tokens, int j)
    {
        for (var length = 3; length >= 1; length--)
        {
            if (j + length > tokens.Count)
            {
                continue;
            }

            var key = Join(tokens, j, length);
            if (key is not null && ActorLexicon.Heads.TryGetValue(key, out var head))
            {
                return (head.Suffix, head.Type, length);
            }
        }

        return null;
    }

    /// <summary>"President Ilham Aliyev", "Defence Minister Pierre Joxe", "President of Azerbaijan".</summary>
    private (ActorHit Hit, int Unused)? MatchTitledPerson(List<Token> tokens, int j, string? iso2, int spanStart)
    {
        for (var length = 3; length >= 1; length--)
        {
            if (j + length >= tokens.Count || Join(tokens, j, length) is not { } key || !ActorLexicon.Titles.TryGetValue(key, out var type))
            {
                continue;
            }

            var k = j + length;

            // "President of Azerbaijan", "the Prime Minister of Armenia"
            if (tokens[k].Lower == "of")
            {
                var c = k + 1 < tokens.Count && tokens[k + 1].Lower == "the" ? k + 2 : k + 1;
                if (c < tokens.Count && registry.Match(tokens, c) is { Entry.Kind: ActorEntryKind.State } state)
                {
                    var suffix = type == ActorType.Military ? "MIL" : "GOV";
                    return (new ActorHit(spanStart, c + state.Length - 1, Derived(state.Entry.CountryCode!, suffix, type == ActorType.Military ? ActorType.Military : ActorType.Government), 0.9, false, false), 0);
                }

                continue;
            }

            if (registry.Match(tokens, k) is { Entry.Kind: ActorEntryKind.Named } named)
            {
                return (new ActorHit(spanStart, k + named.Length - 1, named.Entry, 0.95, false, false), 0);
            }

            var nameEnd = k;
            while (nameEnd < tokens.Count && nameEnd < k + 4 && IsNameWord(tokens[nameEnd]) && registry.Match(tokens, nameEnd) is null)
            {
                nameEnd++;
            }

            // A title needs a name after it unless it is itself capitalised and preceded by a state ("Russian President");
            // a lower-case title needs a full name and a word that makes it a title ("former president Carlos Menem").
            var lowerCaseTitle = !tokens[j].IsCapitalized && nameEnd - k >= 2 && j > 0 && tokens[j - 1].Lower is "former" or "ousted" or "late" or "then" or "deposed" or "exiled" or "jailed" or "opposition" or "candidate";
            if (nameEnd == k || !tokens[j].IsCapitalized && iso2 is null && !lowerCaseTitle)
            {
                continue;
            }

            var name = string.Join(' ', tokens.Skip(k).Take(nameEnd - k).Select(t => t.Text));
            ActorEntry entry = iso2 is not null
                ? Derived(iso2, type == ActorType.Military ? "MIL" : type == ActorType.PoliticalParty ? "OPP" : "GOV", type is ActorType.Military or ActorType.PoliticalParty ? type : ActorType.Government) with { Name = name, Office = key }
                : new ActorEntry("PERSON:" + Slug(name), name, ActorType.Person, null, ActorEntryKind.Named, key);
            return (new ActorHit(spanStart, nameEnd - 1, entry, 0.8, false, false), 0);
        }

        return null;
    }

    /// <summary>"the Karabakh Liberation Front", "Movement for Democracy" - a capitalised name ending in an organisation word.</summary>
    private ActorHit? CapitalisedOrganisation(List<Token> tokens, int i, NewActorBook book)
    {
        // "Association of African Jurists", "Forces for Defence of Democracy", "Movement for the Actualization of ...": the head comes first.
        if (tokens[i].IsCapitalized && i + 2 < tokens.Count && tokens[i + 1].Lower is "of" or "for"
            && (ActorLexicon.OrganisationHeads.TryGetValue(tokens[i].Lower, out var headType) || tokens[i].Lower is "forces" && (headType = ActorType.ArmedGroup) == ActorType.ArmedGroup)
            && NameEnd(tokens, i) is var headEnd && headEnd - i >= 3 && registry.Match(tokens, i + 2) is not { Entry.Kind: ActorEntryKind.State })
        {
            var headName = string.Join(' ', tokens.Skip(i).Take(headEnd - i).Select(t => t.Text));
            var headEntry = book.Register(tokens, i, headEnd - i, headName, headType);
            RegisterAcronym(tokens, headEnd, book, headEntry);
            return new ActorHit(i, headEnd - 1, headEntry, 0.7, true, false);
        }


        // A capitalised common noun at the start of a sentence ("Fighters of the X Front") is not part of the name.
        if (!tokens[i].IsCapitalized || tokens[i].Lower is "the" or "a" or "an" || ActorLexicon.Heads.ContainsKey(tokens[i].Lower) || ActorLexicon.Generic.ContainsKey(tokens[i].Lower))
        {
            return null;
        }

        var end = NameEnd(tokens, i);
        if (end - i < 2 || !ActorLexicon.OrganisationHeads.TryGetValue(tokens[end - 1].Lower, out var type))
        {
            return null;
        }

        var name = string.Join(' ', tokens.Skip(i).Take(end - i).Select(t => t.Text));
        var entry = book.Register(tokens, i, end - i, name, type);
        RegisterAcronym(tokens, end, book, entry);
        return new ActorHit(i, end - 1, entry, 0.7, true, false);
    }

    private int Generic(List<Token> tokens, int i, List<ActorHit> hits)
    {
        for (var length = 3; length >= 1; length--)
        {
            if (i + length > tokens.Count || Join(tokens, i, length) is not { } key || !ActorLexicon.Generic.TryGetValue(key, out var generic))
            {
                continue;
            }

            // Proper-noun use only at the start of a sentence ("Police said"); elsewhere it is part of a name.
            if (tokens[i].IsCapitalized && i > 0 && tokens[i - 1].IsWord)
            {
                return i;
            }

            // "military" names the armed forces only as a noun ("the military said"), not in "military aid".
            if (key == "military" && (i == 0 || tokens[i - 1].Lower != "the" || i + 1 < tokens.Count && tokens[i + 1].IsWord && !Words.ReportingVerbs.Contains(tokens[i + 1].Lower) && tokens[i + 1].Lower is not ("has" or "have" or "had" or "was" or "is" or "and" or "said")))
            {
                return i;
            }

            var end = i + length;

            // "the militant group Hamas", "the rebel group Forces for ...": a description in apposition to the name that follows; the name is the actor.
            if (end < tokens.Count && tokens[end].IsCapitalized && tokens[end].IsWord && (registry.Match(tokens, end) is { Entry.Kind: ActorEntryKind.Named } || NameEnd(tokens, end) - end >= 2))
            {
                return i;
            }

            // "its troops", "their forces": the possessor's own, already an actor.
            if (i > 0 && tokens[i - 1].Lower is "its" or "their" or "his" or "her" or "our")
            {
                return i;
            }

            // "the government of Azerbaijan", "forces of Sudan"
            if (end + 1 < tokens.Count && tokens[end].Lower == "of")
            {
                var c = tokens[end + 1].Lower == "the" && end + 2 < tokens.Count ? end + 2 : end + 1;
                if (registry.Match(tokens, c) is { Entry.Kind: ActorEntryKind.State or ActorEntryKind.Demonym } state
                    && (ActorLexicon.Heads.TryGetValue(key, out var head) || ActorLexicon.Heads.TryGetValue(tokens[end - 1].Lower, out head)))
                {
                    hits.Add(new ActorHit(i, c + state.Length - 1, Derived(state.Entry.CountryCode!, head.Suffix, head.Type), 0.85, false, false));
                    return c + state.Length;
                }
            }

            hits.Add(new ActorHit(i, end - 1, new ActorEntry(generic.Id, generic.Name, generic.Type, null, ActorEntryKind.Named), 0.6, false, false));
            return end;
        }

        return i;
    }

    /// <summary>Registers organisations the text introduces, so that every mention of them is found.</summary>
    private void FindIntroductions(List<Token> tokens, NewActorBook book)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var lower = tokens[i].Lower;
            int nameStart;
            ActorType type;
            if (ActorLexicon.IntroNouns.Contains(lower) && i + 2 < tokens.Count && LooksIntroduced(tokens, i))
            {
                // "a new anarchist group - Anarchist Artsakh", "a militia called the Black Hand", "a group, Sons of Karabakh,"
                var k = i + 1;
                if (tokens[k].Lower is "-" or "," or ":")
                {
                    k++;
                }
                else if (tokens[k].Lower is "called" or "named" or "dubbed")
                {
                    k++;
                }
                else if (tokens[k].Lower is "known" && k + 1 < tokens.Count && tokens[k + 1].Lower == "as")
                {
                    k += 2;
                }
                else if (tokens[k].Lower is "calling" or "calls" && k + 1 < tokens.Count && tokens[k + 1].Lower is "itself" or "themselves")
                {
                    k += 2;
                }
                else
                {
                    continue;
                }

                nameStart = k;
                type = lower is "party" or "movement" or "coalition" or "alliance" or "council" or "initiative" ? ActorType.PoliticalParty : ActorType.ArmedGroup;
            }
            else if (lower is "itself" or "themselves" && i > 0 && tokens[i - 1].Lower is "calling" or "calls" or "call" or "called")
            {
                nameStart = i + 1;
                type = ActorType.ArmedGroup;
            }
            else
            {
                continue;
            }

            while (nameStart < tokens.Count && tokens[nameStart].Text is "\"" or "'")
            {
                nameStart++;
            }

            if (nameStart < tokens.Count && tokens[nameStart].Lower == "the")
            {
                nameStart++;
            }

            if (nameStart >= tokens.Count || !tokens[nameStart].IsCapitalized)
            {
                continue;
            }

            var end = NameEnd(tokens, nameStart);
            if (end == nameStart || registry.Match(tokens, nameStart) is { } known && known.Length >= end - nameStart)
            {
                continue;
            }

            var name = string.Join(' ', tokens.Skip(nameStart).Take(end - nameStart).Select(t => t.Text));
            var entry = book.Register(tokens, nameStart, end - nameStart, name, type);
            RegisterAcronym(tokens, end, book, entry);
        }
    }

    /// <summary>"a new group", "an armed movement": an indefinite or "new" noun phrase, not "the group said".</summary>
    private static bool LooksIntroduced(List<Token> tokens, int noun)
    {
        for (var k = noun - 1; k >= 0 && k >= noun - 4; k--)
        {
            var lower = tokens[k].Lower;
            if (lower is "a" or "an" or "new" or "newly" or "another" or "so-called")
            {
                return true;
            }

            if (!tokens[k].IsWord || ActorLexicon.Stop.Contains(lower))
            {
                return false;
            }
        }

        return false;
    }

    private static void RegisterAcronym(List<Token> tokens, int end, NewActorBook book, ActorEntry entry)
    {
        if (end + 2 < tokens.Count && tokens[end].Text == "(" && tokens[end + 1].IsAllCaps && tokens[end + 2].Text == ")")
        {
            book.RegisterAlias(tokens[end + 1], entry);
        }
    }

    /// <summary>The end (exclusive) of a capitalised name, allowing "of", "for", "the", "and" between capitalised words.</summary>
    private static int NameEnd(List<Token> tokens, int start)
    {
        var end = start;
        var k = start;
        while (k < tokens.Count && k < start + 8)
        {
            var token = tokens[k];
            if (token.IsWord && (token.IsCapitalized || char.IsDigit(token.Text[0])) && token.Lower != "'s")
            {
                k++;
                end = k;
                continue;
            }

            // "Kurdistan Workers' Party": a plural possessive inside the name.
            if (token.Text == "'" && k > start && tokens[k - 1].Lower.EndsWith('s') && k + 1 < tokens.Count && tokens[k + 1].IsCapitalized)
            {
                k++;
                continue;
            }

            if (token.Lower is "of" or "for" or "the" or "and" && k > start && k + 1 < tokens.Count
                && (tokens[k + 1].IsCapitalized || tokens[k + 1].Lower == "the" && k + 2 < tokens.Count && tokens[k + 2].IsCapitalized))
            {
                k++;
                continue;
            }

            break;
        }

        return end;
    }

    private static bool IsNameWord(Token token) =>
        token.IsWord && token.IsCapitalized && token.Lower is not ("the" or "on" or "in" or "said" or "has" or "and" or "of");

    private static bool IsLocative(List<Token> tokens, int i)
    {
        var k = i - 1;
        if (k >= 0 && tokens[k].Lower == "the")
        {
            k--;
        }

        // "the country's capital Freetown", "the town Stepanakert": a place named as such.
        return k >= 0 && (ActorLexicon.Locative.Contains(tokens[k].Lower) || tokens[k].Lower is "capital" or "city" or "town");
    }

    private static int? Possessive(List<Token> tokens, int end) => end < tokens.Count && tokens[end].Lower == "'s" ? end : null;

    private ActorEntry StateEntry(string iso2)
    {
        var country = registry.CountryByIso2[iso2];
        return new ActorEntry(country.Iso3, country.Name, ActorType.State, iso2, ActorEntryKind.State);
    }

    internal ActorEntry Derived(string iso2, string suffix, ActorType type)
    {
        var country = registry.CountryByIso2[iso2];
        var name = suffix switch
        {
            "GOV" => "Government of " + country.Name,
            "MIL" => "Military forces of " + country.Name,
            "POL" => "Police forces of " + country.Name,
            "REB" => "Rebels (" + country.Name + ")",
            "MILITIA" => "Militia (" + country.Name + ")",
            "OPP" => "Opposition (" + country.Name + ")",
            "CIV" => "Civilians (" + country.Name + ")",
            "MED" => "Media (" + country.Name + ")",
            "BUS" => "Business (" + country.Name + ")",
            _ => country.Name,
        };
        return new ActorEntry(country.Iso3 + "-" + suffix, name, type, iso2, ActorEntryKind.Named);
    }

    private static string? Join(List<Token> tokens, int start, int length)
    {
        if (length == 1)
        {
            return tokens[start].IsWord ? tokens[start].Lower : null;
        }

        if (!ActorLexicon.PhraseStarts.Contains(tokens[start].Lower))
        {
            return null;
        }

        var builder = new StringBuilder();
        for (var k = start; k < start + length; k++)
        {
            if (!tokens[k].IsWord)
            {
                return null;
            }

            if (k > start)
            {
                builder.Append(' ');
            }

            builder.Append(tokens[k].Lower);
        }

        return builder.ToString();
    }

    internal static string Slug(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.ToLower(CultureInfo.InvariantCulture))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().Trim('-');
    }
}
