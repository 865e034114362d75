using Sitrep.Actors;
using Sitrep.Events.Lexical;

namespace Sitrep.Events;

/// <summary>
/// Context rules that refine trigger types within a sentence the way ACLED's codebook distinguishes
/// them: how a protest went (intervention, excessive force, riot), who took territory, which weapon an
/// attack used, whether violence hit civilians or armed men. Casualty words ("killed") fold into the
/// violent event they report.
/// </summary>
internal static class EventRefiner
{
    private static readonly HashSet<string> WeaponTypes = new(StringComparer.Ordinal)
    {
        "SHELLING", "AIR_STRIKE", "SUICIDE_BOMB", "REMOTE_EXPLOSIVE", "GRENADE", "CHEMICAL_WEAPON",
    };

    private static readonly HashSet<string> ProtestTypes = new(StringComparer.Ordinal)
    {
        "PROTEST", "PROTEST_INTERVENTION", "EXCESSIVE_FORCE", "RIOT",
    };

    private static readonly HashSet<string> Casualty = new(StringComparer.Ordinal)
    {
        "kill", "kills", "killed", "killing", "wound", "wounds", "wounded", "wounding", "injure", "injures", "injured", "injuring", "hit", "hits", "struck", "target", "targeted", "targeting",
    };

    private static readonly HashSet<string> Lethal = new(StringComparer.Ordinal)
    {
        "killed", "killing", "kill", "killing", "shot", "live", "dead", "died", "wounded", "injured", "fire", "fired",
    };

    private static readonly HashSet<string> Intervention = new(StringComparer.Ordinal)
    {
        "disperse", "dispersed", "dispersing", "tear", "teargas", "cannon", "cannons", "rubber", "arrested", "arrest", "detained", "batons", "baton", "broke", "beat", "beaten", "prevented", "blocked",
    };

    private static readonly HashSet<string> Rioting = new(StringComparer.Ordinal)
    {
        "stones", "rocks", "torched", "burned", "burnt", "vandalised", "vandalized", "looted", "rioted", "rioters", "riot", "riots", "molotov", "smashing", "smashed", "set", "clashed", "attacked", "stormed",
    };

    private static readonly HashSet<string> ArmedVictims = new(StringComparer.Ordinal)
    {
        "soldier", "soldiers", "troops", "militants", "fighters", "policemen", "officers", "rebels", "insurgents", "servicemen", "militiamen", "guards", "gunmen", "jihadists", "combatants", "personnel", "patrol", "troop",
    };

    private static readonly HashSet<string> ProtestActorIds = new(StringComparer.Ordinal) { "PROTESTERS", "RIOTERS" };

    public static void Refine(List<EventCandidate> events, List<Token> tokens)
    {
        if (events.Count == 0)
        {
            return;
        }

        var words = new HashSet<string>(tokens.Where(t => t.IsWord).Select(t => t.Lower), StringComparer.Ordinal);

        // A state, IGO or NGO that "protests" lodges a complaint; people in the street demonstrate.
        foreach (var e in events.Where(e => e.Type.Code == "PROTEST"))
        {
            if (e.Actor1Type is ActorType.State or ActorType.Government or ActorType.Igo or ActorType.Ngo or ActorType.Media
                && !words.Overlaps(["demonstrators", "protesters", "rally", "march", "marched", "streets", "crowd", "crowds", "thousands", "hundreds"]))
            {
                e.Type = Ontology.Default["DISAPPROVE"];
                e.Reasons.Add("protest by an official body: disapproval");
            }
        }

        // Roads blocked by workers or protesters are a protest, not a closure.
        foreach (var e in events.Where(e => e.Type.Code == "CROSSING_CLOSED"))
        {
            if (e.Actor1Type is ActorType.Civilians || e.Actor1Id is { } id && ProtestActorIds.Contains(id)
                || words.Overlaps(["protesters", "demonstrators", "protest", "demonstration", "demanding", "protesting", "strikers"]))
            {
                e.Type = Ontology.Default["PROTEST"];
                e.Reasons.Add("road blocked by protesters: protest");
            }
        }

        var protest = events.FirstOrDefault(e => ProtestTypes.Contains(e.Type.Code));
        var protestActors = words.Overlaps(["protesters", "demonstrators", "protestors", "marchers", "rioters"]);
        if (protest is not null || protestActors && events.Count > 0)
        {
            var main = protest ?? events[0];
            var lethal = words.Overlaps(Lethal) && (words.Contains("protesters") || words.Contains("demonstrators") || words.Contains("protester") || words.Contains("demonstrator") || words.Contains("crowd"));
            var riot = words.Overlaps(Rioting) && !words.Contains("peaceful") && !words.Contains("peacefully");
            var intervention = words.Overlaps(Intervention) || words.Contains("gas") && words.Contains("tear");
            var refined = riot && !(lethal && words.Overlaps(["police", "forces", "troops", "soldiers"]) && !words.Overlaps(["stones", "rocks", "torched", "molotov"]))
                ? "RIOT"
                : lethal ? "EXCESSIVE_FORCE" : intervention ? "PROTEST_INTERVENTION" : main.Type.Code;
            if (protest is not null || refined != main.Type.Code)
            {
                main.Type = Ontology.Default[refined];
                main.Reasons.Add("protest context: " + refined);
                events.RemoveAll(e => e != main && e.Type.Code is "ATTACK" or "ARREST" or "ARMED_CLASH" or "PROTEST_INTERVENTION" or "PROPERTY_DESTRUCTION" or "RIOT" or "PROTEST" or "EXCESSIVE_FORCE" or "COERCE");
            }
        }

        foreach (var e in events)
        {
            if (e.Type.Code is "TERRITORY_SEIZED" or "TERRITORY_RECAPTURED")
            {
                var state = e.Actor1Type is ActorType.State or ActorType.Military or ActorType.Government or ActorType.Police;
                var nonState = e.Actor1Type is ActorType.ArmedGroup or ActorType.Rebels or ActorType.Militia;
                var code = state ? "TERRITORY_RECAPTURED" : nonState ? "TERRITORY_SEIZED" : e.Type.Code;
                if (code != e.Type.Code)
                {
                    e.Type = Ontology.Default[code];
                    e.Reasons.Add("territory taken by a " + (state ? "state" : "non-state") + " actor");
                }
            }
        }

        // Weapons supplied, seized or defused are the object of that event, not an attack.
        if (events.FirstOrDefault(e => e.Type.Code is "MILITARY_AID" or "DISRUPTED_WEAPONS") is { } transfer)
        {
            events.RemoveAll(e => WeaponTypes.Contains(e.Type.Code) && e.Trigger.First > transfer.Trigger.First && !tokens[e.Trigger.First].Lower.EndsWith("ed", StringComparison.Ordinal));
        }

        // A weapon named in the sentence says how an attack was carried out.
        var weapon = events.FirstOrDefault(e => WeaponTypes.Contains(e.Type.Code));
        if (weapon is not null)
        {
            foreach (var e in events.Where(e => e != weapon && e.Type.Code is "ATTACK" or "ARMED_CLASH" && IsGeneric(e, tokens)).ToList())
            {
                if (weapon.Actor1.Count == 0)
                {
                    weapon.Actor1.AddRange(e.Actor1);
                }

                if (weapon.Actor2.Count == 0)
                {
                    weapon.Actor2.AddRange(e.Actor2);
                }

                events.Remove(e);
            }
        }

        foreach (var e in events.Where(e => e.Type.Code == "ATTACK"))
        {
            var victims = tokens.Skip(e.Trigger.Last + 1).Take(8).TakeWhile(t => t.Lower != "by").Where(t => t.IsWord).Select(t => t.Lower);
            if (e.Actor2Type is ActorType.Military or ActorType.Police or ActorType.Rebels or ActorType.Militia or ActorType.ArmedGroup
                || victims.Any(ArmedVictims.Contains) && !words.Overlaps(["civilians", "civilian", "villagers", "residents", "children", "women", "worshippers", "farmers", "students"]))
            {
                e.Type = Ontology.Default["ARMED_CLASH"];
                e.Reasons.Add("violence against armed actors: armed clash");
            }
            else if (e.Actor1Type is ActorType.Civilians || e.Actor1Id == "RIOTERS")
            {
                e.Type = Ontology.Default["MOB_VIOLENCE"];
                e.Reasons.Add("violence by a crowd: mob violence");
            }
        }

        // "RSF and SAF forces clashed": coordinated subjects of a clash fight each other.
        foreach (var e in events.Where(e => e.Type.Code == "ARMED_CLASH" && e.Actor1.Count >= 2 && (e.Actor2.Count == 0 || e.Actor2.All(a => a.Mention.IsLocative))))
        {
            e.Actor2.Clear();
            e.Actor2.AddRange(e.Actor1.Skip(1));
            e.Actor1.RemoveRange(1, e.Actor1.Count - 1);
            e.Reasons.Add("coordinated sides of a clash");
        }

        // "Killed" and "wounded" report the toll of the sentence's violent event, not another event.
        var violent = events.FirstOrDefault(e => e.Type.Plover is "FIGHT" or "ASSAULT" && !IsCasualty(e, tokens) || WeaponTypes.Contains(e.Type.Code));
        if (violent is not null)
        {
            events.RemoveAll(e => e != violent && e.Type.Code is "ATTACK" or "ARMED_CLASH" && IsCasualty(e, tokens));
        }
    }

    private static bool IsCasualty(EventCandidate e, List<Token> tokens) => e.Trigger.LiteralCount == 1 && Casualty.Contains(tokens[e.Trigger.First].Lower);

    private static bool IsGeneric(EventCandidate e, List<Token> tokens) =>
        e.Trigger.LiteralCount == 1 && tokens[e.Trigger.First].Lower is var w
        && (Casualty.Contains(w) || w.StartsWith("attack", StringComparison.Ordinal) || w.StartsWith("strik", StringComparison.Ordinal) || w.StartsWith("shot", StringComparison.Ordinal) || w.StartsWith("shoot", StringComparison.Ordinal) || w.StartsWith("raid", StringComparison.Ordinal));
}
