using System.Collections.Frozen;

namespace Sitrep.Geo.Recognition;

/// <summary>
/// The small closed word lists recognition uses. They are about English grammar and naming habits, not
/// about any corpus: titles before person names, words that may precede or follow a place name inside
/// one capitalised phrase, locative prepositions, and capitalised words that are never places.
/// </summary>
internal static class ContextWords
{
    /// <summary>Titles and roles: "President Jackson", "Gen. Lee", "Mr Paris" are people.</summary>
    public static readonly FrozenSet<string> Titles = Set(
        "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "president", "vice", "minister", "premier", "chancellor",
        "gen", "general", "col", "colonel", "lt", "lieutenant", "maj", "major", "capt", "captain", "sgt", "sergeant",
        "commander", "admiral", "sen", "senator", "rep", "representative", "gov", "governor", "mayor", "judge", "justice",
        "king", "queen", "prince", "princess", "sir", "lord", "lady", "pope", "bishop", "archbishop", "cardinal", "rev",
        "reverend", "father", "sister", "brother", "sheikh", "imam", "rabbi", "ayatollah", "emir", "sultan", "chief",
        "officer", "agent", "coach", "dame", "saint", "secretary", "ambassador", "spokesman", "spokeswoman", "spokesperson");

    /// <summary>Capitalised words that may stand right before a place name in the same phrase ("Northern Syria", "Greater Idlib").</summary>
    public static readonly FrozenSet<string> AllowedBefore = Set(
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeast", "northwest",
        "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern", "upper", "lower", "greater",
        "downtown", "rural", "metropolitan", "metro", "occupied", "besieged", "liberated", "inner", "outer", "mainland",
        "the", "in", "of", "from", "to", "at", "near", "and", "or", "for", "by", "on", "across", "outside", "inside", "into",
        "via", "through", "between", "around", "throughout", "within", "toward", "towards", "against", "with");

    /// <summary>Words that may follow a place name in the same phrase; the first group says it is an area, the second a settlement.</summary>
    public static readonly FrozenSet<string> AreaWords = Set(
        "province", "provinces", "parish", "governorate", "region", "regions", "district", "districts", "oblast", "krai", "state", "county",
        "prefecture", "municipality", "department", "territory", "territories", "rayon", "raion", "canton", "emirate", "zone",
        "area", "valley", "peninsula", "island", "islands", "countryside", "border", "frontier", "enclave", "corridor", "strip");

    /// <summary>
    /// Bodies named after the place they serve ("Slidell Police", "Beverly Hills Police Department", "Cavan County
    /// Council"): the name still says where. Newspapers ("Jackson Herald") and universities, often named after
    /// people ("Vanderbilt University"), are not among them.
    /// </summary>
    public static readonly FrozenSet<string> LocalBodies = Set(
        "police", "pd", "sheriff", "council", "hospital", "commission", "court");

    public static readonly FrozenSet<string> SettlementWords = Set("city", "town", "village", "camp", "suburb", "neighbourhood", "neighborhood", "port", "capital", "township", "airport");

    /// <summary>Prepositions that introduce a location: "in", "near", "from" ...</summary>
    public static readonly FrozenSet<string> Locatives = Set(
        "in", "near", "from", "to", "at", "outside", "inside", "into", "across", "around", "throughout", "towards", "toward",
        "via", "through", "between", "within", "entering", "reached", "reaching", "besieged", "captured", "visited", "visit",
        "northern", "southern", "eastern", "western", "central", "north", "south", "east", "west", "of");

    /// <summary>Lower-case generic words that may end a name ("Lachin corridor", "Rafah crossing", "Gaza strip").</summary>
    public static readonly FrozenSet<string> GenericTails = Set(
        "corridor", "crossing", "strip", "bridge", "heights", "valley", "peninsula", "province", "governorate", "region",
        "district", "oblast", "island", "islands", "border", "camp", "city", "sea", "ocean", "gulf", "river", "lake", "mountains",
        "airport", "delta", "desert", "canal", "strait");

    /// <summary>Connectors inside multi-word names ("Bosnia and Herzegovina", "Rio de Janeiro", "Ras al Ain", "Port-au-Prince", "Côte d'Ivoire", "Dar es Salaam").</summary>
    public static readonly FrozenSet<string> NameConnectors = Set(
        "of", "and", "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la", "le", "les", "el", "al", "an", "au", "aux", "d", "l", "es", "ed",
        "am", "im", "on", "upon", "sur", "en", "y", "e", "i", "the", "bin", "ibn", "ben", "van", "von", "der", "den", "ad", "as", "ar", "ash", "az", "at");

    /// <summary>Capitalised words that are never places in running text, though some gazetteer place carries them as a name.</summary>
    public static readonly FrozenSet<string> NeverPlaces = Set(
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "god", "allah", "christmas", "easter",
        "ramadan", "eid", "english", "internet", "web", "covid", "ebola", "sars", "mers", "zika", "aids", "hiv", "un", "nato",
        "who", "red", "cross", "crescent", "mp", "ceo", "tv", "am", "pm", "ok", "i", "a", "ii", "iii", "iv", "vi", "ad",
        // Generic words that start organisation and building names ("Centre for ...", "Federal Reserve", "White House").
        "centre", "center", "central", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
        "federal", "commerce", "free", "war", "act", "are", "police", "see", "pan", "union", "state", "city", "republic",
        "kingdom", "government", "national", "white", "liberty", "victory", "independence", "progress", "hope", "mission",
        "white house", "el nino", "la nina", "notre dame", "wall street", "downing street", "capitol hill", "silicon valley");

    /// <summary>
    /// Frequent English given names: alone they name a person far more often than the village that shares
    /// the name ("Paul", "Mary", "Tyler"). Places that are big enough (country, capital, city of a million)
    /// are not affected.
    /// </summary>
    public static readonly FrozenSet<string> GivenNames = Set(
        "james", "john", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles", "christopher",
        "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul", "andrew", "joshua", "kenneth", "kevin", "brian",
        "george", "timothy", "ronald", "edward", "jason", "jeffrey", "ryan", "jacob", "gary", "nicholas", "eric", "jonathan",
        "stephen", "larry", "justin", "scott", "brandon", "benjamin", "samuel", "gregory", "frank", "alexander", "raymond",
        "patrick", "jack", "dennis", "jerry", "tyler", "aaron", "jose", "adam", "henry", "nathan", "douglas", "zachary",
        "peter", "kyle", "walter", "ethan", "jeremy", "harold", "keith", "christian", "roger", "noah", "gerald", "carl",
        "terry", "sean", "arthur", "lawrence", "jesse", "dylan", "bryan", "joe", "jordan", "billy", "bruce",
        "albert", "willie", "gabriel", "logan", "alan", "juan", "wayne", "roy", "ralph", "randy", "eugene", "vincent",
        "russell", "elijah", "louis", "bobby", "philip", "johnny", "tom", "sam", "tony", "mike", "jim", "bob", "bill",
        "levi", "rod", "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen",
        "nancy", "lisa", "betty", "margaret", "sandra", "ashley", "kimberly", "emily", "donna", "michelle", "dorothy",
        "carol", "amanda", "melissa", "deborah", "stephanie", "rebecca", "sharon", "laura", "cynthia", "kathleen", "amy",
        "shirley", "angela", "helen", "anna", "brenda", "pamela", "nicole", "emma", "samantha", "katherine", "christine",
        "debra", "rachel", "catherine", "carolyn", "janet", "ruth", "maria", "heather", "diane", "virginia", "julie",
        "joyce", "victoria", "olivia", "kelly", "christina", "lauren", "joan", "evelyn", "judith", "megan", "cheryl",
        "andrea", "hannah", "martha", "jacqueline", "frances", "gloria", "ann", "teresa", "kathryn", "sara", "janice",
        "jean", "alice", "doris", "abigail", "julia", "judy", "grace", "denise", "amber", "marilyn", "beverly",
        "danielle", "theresa", "sophia", "marie", "diana", "brittany", "natalie", "isabella", "rose",
        "alexis", "kayla", "miranda", "vladimir", "sergei", "ivan", "olga", "ahmed", "mohammed", "muhammad", "ali", "omar",
        "hassan", "hussein", "fatima", "aisha");

    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.Ordinal);
}
