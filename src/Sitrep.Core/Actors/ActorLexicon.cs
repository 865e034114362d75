using System.Collections.Frozen;

namespace Sitrep.Actors;

/// <summary>
/// The nouns that turn a state or demonym into one of its bodies ("Russian Foreign Ministry" -> RUS-GOV,
/// "Azerbaijani troops" -> AZE-MIL), the titles that introduce people, and the words that introduce or
/// name organisations. Patterns are generalised here rather than listed per country.
/// </summary>
internal static class ActorLexicon
{
    /// <summary>Head noun (lower case, up to three words) -> actor code suffix and type.</summary>
    public static readonly FrozenDictionary<string, (string Suffix, ActorType Type)> Heads = Build(
        ("GOV", ActorType.Government,
            "government|governments|govt|administration|cabinet|authorities|authority|officials|official|ministry|ministries|minister|ministers|" +
            "foreign ministry|foreign minister|interior ministry|interior minister|president|presidency|prime minister|premier|leadership|regime|" +
            "diplomats|diplomat|ambassador|embassy|envoy|negotiators|negotiator|delegation|spokesman|spokeswoman|spokesperson|parliament|" +
            "lawmakers|legislators|senate|congress|prosecutors|prosecutor|court|courts|judge|judiciary|leader|leaders|king|emir|monarch|chancellor|" +
            "state department|foreign office|mission|consulate|junta|side|team|state|sides"),
        ("MIL", ActorType.Military,
            "forces|force|troops|army|armies|military|soldiers|soldier|servicemen|navy|air force|warplanes|warplane|jets|fighter jets|aircraft|helicopters|" +
            "helicopter gunships|gunships|drones|tanks|artillery|gunboats|gunboat|warships|warship|marines|paratroopers|units|unit|peacekeepers|" +
            "peacekeeping troops|border guards|guards|commandos|special forces|defence ministry|defense ministry|defence minister|defense minister|" +
            "general staff|militaries|intelligence|snipers|sniper|armed forces|government forces|regime forces|security services|contingent|battalion|brigade|" +
            "army officers|officers|military officers|reservists"),
        ("POL", ActorType.Police,
            "police|policemen|police officers|security forces|riot police|gendarmes|gendarmerie|border police|military police|police forces|border patrol|"+
            "security officials|security personnel"),
        ("REB", ActorType.Rebels,
            "rebels|rebel|insurgents|insurgent|guerrillas|guerrilla|guerillas|militants|militant|separatists|separatist|jihadists|jihadist|fighters|" +
            "rebel group|rebel forces|extremists|terrorists|hackers"),
        ("MILITIA", ActorType.Militia, "militia|militias|militiamen|paramilitaries|paramilitary|vigilantes"),
        ("OPP", ActorType.PoliticalParty, "opposition|opposition parties|opposition party|party|parties|politicians|opposition groups|opposition leader"),
        ("CIV", ActorType.Civilians,
            "people|population|civilians|civilian|residents|villagers|refugees|citizens|nationals|migrants|women|children|students|workers|farmers|" +
            "youths|prisoners|detainees|pilgrims|settlers|community|communities|minority|journalists|journalist|doctors|aid workers|medics|protesters|" +
            "demonstrators|activists|inhabitants|families|displaced people|hostages|worshippers|civilian refugees|immigrants|landowners|teachers|traders|" +
            "herders|fishermen|shepherds|population|population centres|youth|dissidents"),
        ("MED", ActorType.Media, "media|newspaper|news agency|press|television|state media|state television|broadcaster|radio|state news agency"),
        ("BUS", ActorType.Business, "businessman|businessmen|company|companies|firm|firms|businesses"));

    /// <summary>Heads that stand as actors on their own, without a country ("police fired", "gunmen attacked").</summary>
    public static readonly FrozenDictionary<string, (string Id, string Name, ActorType Type)> Generic = BuildGeneric(
        ("POLICE", "Police", ActorType.Police, "police|policemen|police officers|security forces|riot police|gendarmes|gendarmerie|border police|security personnel"),
        ("MILITARY", "Military forces", ActorType.Military, "military forces|forces|government troops|army troops|army soldiers|air defence|air defense|air defence units|troops|soldiers|army|military|armed forces|government forces|regime forces|warplanes|fighter jets|drones|soldier|servicemen|peacekeepers"),
        ("GOVERNMENT", "Government", ActorType.Government, "government|authorities|officials|regime|junta|ministry|parliament|cabinet|administration"),
        ("REBELS", "Rebels", ActorType.Rebels, "rebels|insurgents|guerrillas|guerillas|militants|separatists|jihadists|fighters|extremists|terrorists|" +
            "rebel group|rebel groups|guerrilla group|guerrilla groups|terror group|terror groups|terrorist group|terrorist groups|militant group|militant groups|insurgent group|insurgent groups"),
        ("OPPOSITION", "Political opposition", ActorType.PoliticalParty, "opposition groups|opposition parties|opposition leaders|opposition activists|opposition supporters|politicians"),
        ("RADICALS", "Religious radicals", ActorType.Religious, "islamists|fundamentalists|islamic fundamentalists|religious radicals"),
        ("COMMUNITY-LEADERS", "Community leaders", ActorType.Other, "elders|traditional elders|tribal elders|clan elders|community leaders|tribal leaders|traditional leaders|clan leaders|chiefs"),
        ("RIGHTS-GROUPS", "Human rights groups", ActorType.Ngo, "human rights group|human rights groups|rights group|rights groups|human rights organisation|human rights organization|human rights organisations|human rights organizations|human rights activists|rights activists"),
        ("MILITIA", "Militia", ActorType.Militia, "militia|militias|militiamen|paramilitaries|vigilantes"),
        ("ARMED-GROUP", "Unidentified armed group", ActorType.ArmedGroup, "gunmen|armed men|unidentified gunmen|unknown gunmen|assailants|attackers|bandits|kidnappers|armed group|armed groups|unidentified armed men|suspected militants|raiders|abductors"),
        ("PROTESTERS", "Protesters", ActorType.Civilians, "protesters|demonstrators|protestors|activists|marchers|strikers"),
        ("RIOTERS", "Rioters", ActorType.Civilians, "rioters|mob|mobs|looters"),
        ("AID-AGENCIES", "Aid agencies", ActorType.Ngo, "aid agencies|aid agency|aid groups|aid group|aid organisations|aid organizations|humanitarian agencies|humanitarian organisations|humanitarian organizations|relief agencies|aid officials"),
        ("AID-WORKERS", "Aid workers", ActorType.Civilians, "aid workers|aid worker|humanitarian workers|relief workers"),
        ("CIVILIANS", "Civilians", ActorType.Civilians, "civilians|residents|villagers|refugees|displaced people|worshippers|farmers|hostages|detainees|prisoners|journalists|aid workers|medics|children|students"));

    /// <summary>Titles that introduce a person's name ("President Ilham Aliyev", "Defence Minister Zakir Hasanov").</summary>
    public static readonly FrozenDictionary<string, ActorType> Titles = new Dictionary<string, ActorType>(StringComparer.Ordinal)
    {
        ["president"] = ActorType.Government, ["prime minister"] = ActorType.Government, ["premier"] = ActorType.Government,
        ["foreign minister"] = ActorType.Government, ["minister"] = ActorType.Government, ["interior minister"] = ActorType.Government,
        ["defence minister"] = ActorType.Military, ["defense minister"] = ActorType.Military, ["defence secretary"] = ActorType.Military,
        ["defense secretary"] = ActorType.Military, ["secretary of state"] = ActorType.Government, ["foreign secretary"] = ActorType.Government,
        ["general"] = ActorType.Military, ["gen."] = ActorType.Military, ["lt. gen."] = ActorType.Military, ["colonel"] = ActorType.Military,
        ["col."] = ActorType.Military, ["commander"] = ActorType.Military, ["king"] = ActorType.Government, ["emir"] = ActorType.Government,
        ["sheikh"] = ActorType.Government, ["chancellor"] = ActorType.Government, ["vice-president"] = ActorType.Government,
        ["vice president"] = ActorType.Government, ["spokesman"] = ActorType.Government, ["spokeswoman"] = ActorType.Government,
        ["ambassador"] = ActorType.Government, ["governor"] = ActorType.Government, ["mayor"] = ActorType.Government,
        ["senator"] = ActorType.Government, ["ayatollah"] = ActorType.Religious, ["archbishop"] = ActorType.Religious,
        ["pope"] = ActorType.Religious, ["judge"] = ActorType.Government, ["leader"] = ActorType.Government,
        ["secretary-general"] = ActorType.Igo, ["secretary general"] = ActorType.Igo, ["opposition leader"] = ActorType.PoliticalParty,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Last words of capitalised organisation names ("the Karabakh Liberation Front", "the X Brigade").</summary>
    public static readonly FrozenDictionary<string, ActorType> OrganisationHeads = new Dictionary<string, ActorType>(StringComparer.Ordinal)
    {
        ["brigade"] = ActorType.ArmedGroup, ["brigades"] = ActorType.ArmedGroup, ["battalion"] = ActorType.ArmedGroup,
        ["army"] = ActorType.ArmedGroup, ["front"] = ActorType.ArmedGroup, ["militia"] = ActorType.Militia,
        ["forces"] = ActorType.ArmedGroup, ["tigers"] = ActorType.ArmedGroup, ["legion"] = ActorType.ArmedGroup,
        ["regiment"] = ActorType.ArmedGroup, ["guard"] = ActorType.ArmedGroup, ["resistance"] = ActorType.ArmedGroup,
        ["movement"] = ActorType.PoliticalParty, ["party"] = ActorType.PoliticalParty, ["union"] = ActorType.Other,
        ["alliance"] = ActorType.PoliticalParty, ["coalition"] = ActorType.PoliticalParty, ["council"] = ActorType.Other,
        ["committee"] = ActorType.Other, ["association"] = ActorType.Ngo, ["organisation"] = ActorType.Ngo,
        ["organization"] = ActorType.Ngo, ["foundation"] = ActorType.Ngo, ["network"] = ActorType.Other,
        ["group"] = ActorType.ArmedGroup, ["agency"] = ActorType.Other, ["society"] = ActorType.Ngo,
        ["institute"] = ActorType.Ngo, ["federation"] = ActorType.Other, ["league"] = ActorType.Other,
        ["commission"] = ActorType.Other, ["mission"] = ActorType.Igo, ["collective"] = ActorType.ArmedGroup,
        ["forum"] = ActorType.Other, ["office"] = ActorType.Other, ["bureau"] = ActorType.Other, ["congress"] = ActorType.PoliticalParty,
        ["tribunal"] = ActorType.Other, ["corps"] = ActorType.ArmedGroup, ["syndicate"] = ActorType.Other,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>First words of the multi-word heads, generic actors and titles: a cheap test before building phrases.</summary>
    public static readonly FrozenSet<string> PhraseStarts = Heads.Keys.Concat(Generic.Keys).Concat(Titles.Keys)
        .Where(k => k.Contains(' ', StringComparison.Ordinal))
        .Select(k => k[..k.IndexOf(' ', StringComparison.Ordinal)])
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Nouns that introduce a new organisation ("a new anarchist group - Anarchist Artsakh").</summary>
    public static readonly FrozenSet<string> IntroNouns = FrozenSet.ToFrozenSet(
        ["group", "movement", "militia", "organisation", "organization", "front", "brigade", "battalion", "faction", "coalition",
         "network", "party", "alliance", "unit", "force", "collective", "cell", "outfit", "initiative", "formation", "council"],
        StringComparer.Ordinal);

    /// <summary>Prepositions after which a state or capital names a place rather than an actor ("in Baku").</summary>
    public static readonly FrozenSet<string> Locative = FrozenSet.ToFrozenSet(
        ["in", "at", "near", "inside", "across", "throughout", "within", "around", "into", "from", "outside", "toward", "towards", "through", "via", "between", "of", "over"],
        StringComparer.Ordinal);

    /// <summary>Words that end a modifier run between a demonym and its head noun.</summary>
    public static readonly FrozenSet<string> Stop = FrozenSet.ToFrozenSet(
        ["to", "of", "in", "on", "at", "by", "for", "with", "and", "or", "the", "a", "an", "that", "which", "who", "from", "as", "is", "are",
         "was", "were", "has", "have", "had", "will", "would", "said", "says", "but", "than", "into", "after", "before", "since", "over"],
        StringComparer.Ordinal);

    private static FrozenDictionary<string, (string, ActorType)> Build(params (string Suffix, ActorType Type, string Words)[] groups)
    {
        var map = new Dictionary<string, (string, ActorType)>(StringComparer.Ordinal);
        foreach (var (suffix, type, words) in groups)
        {
            foreach (var word in words.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                map.TryAdd(word, (suffix, type));
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, (string, string, ActorType)> BuildGeneric(params (string Id, string Name, ActorType Type, string Words)[] groups)
    {
        var map = new Dictionary<string, (string, string, ActorType)>(StringComparer.Ordinal);
        foreach (var (id, name, type, words) in groups)
        {
            foreach (var word in words.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                map.TryAdd(word, (id, name, type));
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
