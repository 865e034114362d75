using System.Collections.Frozen;

namespace Sitrep.Events.Lexical;

/// <summary>Closed word classes the event and claim heuristics read (modality, voice, attribution, supplies).</summary>
internal static class Words
{
    public static readonly FrozenSet<string> BeForms = Set("was", "were", "is", "are", "been", "being", "be", "got", "get", "gets", "'s");

    public static readonly FrozenSet<string> Prepositions = Set(
        "in", "at", "on", "to", "from", "with", "of", "for", "into", "near", "against", "over", "under", "between", "across", "through",
        "toward", "towards", "inside", "outside", "around", "after", "before", "during", "since", "without", "via", "per", "about", "among", "upon", "within", "throughout", "by");

    /// <summary>Words that start a new clause, so roles are not read across them.</summary>
    public static readonly FrozenSet<string> ClauseBoundaries = Set(
        "when", "while", "after", "before", "because", "although", "though", "but", "whereas", "until", "unless", "if", "which", "who", "whom", "where", "so", "as", "following", "amid", "since");

    /// <summary>Nouns that quantify the actor after "of" ("a group of Moroccan diplomats", "thousands of protesters").</summary>
    public static readonly FrozenSet<string> Quantifiers = Set(
        "group", "members", "member", "leaders", "thousands", "hundreds", "dozens", "tens", "some", "most", "many", "one", "two", "three", "number",
        "delegation", "team", "couple", "supporters", "officials", "representatives", "units", "contingent", "convoy", "batch", "patch", "deployment", "scores");

    public static readonly FrozenSet<string> ReportingVerbs = Set(
        "said", "says", "say", "told", "tells", "reported", "reports", "announced", "announces", "stated", "states", "added", "adds", "confirmed",
        "confirms", "claimed", "claims", "alleged", "alleges", "insisted", "noted", "wrote", "posted", "tweeted", "declared", "quoted", "according",
        "warned", "explained", "argued", "acknowledged", "admitted", "denied", "denies", "believed", "believes", "cited", "stressed");

    public static readonly FrozenSet<string> Threatened = Set("threaten", "threatened", "threatens", "threatening", "warned", "warns", "warn", "vowed", "vows", "vow", "swore", "sworn", "ultimatum");

    public static readonly FrozenSet<string> Planned = Set(
        "will", "'ll", "shall", "plan", "plans", "planned", "planning", "intend", "intends", "intended", "going", "agreed", "agree", "agrees",
        "promised", "promise", "promises", "pledged", "pledge", "pledges", "offered", "offer", "offers", "ready", "willing", "prepared", "prepare",
        "prepares", "preparing", "decided", "decide", "expected", "would", "aims", "aim", "scheduled");

    public static readonly FrozenSet<string> Hypothetical = Set("if", "could", "might", "may", "unless", "possible", "possibly", "risk", "fear", "feared", "fears", "potential", "whether", "should");

    public static readonly FrozenSet<string> Claimed = Set("claimed", "claims", "claim", "alleged", "allegedly", "alleges", "reportedly", "accused", "accuses", "accusing", "purportedly", "suspected", "believed");

    public static readonly FrozenSet<string> Denied = Set("denied", "denies", "deny", "denying", "dismissed", "rejected");

    public static readonly FrozenSet<string> Negations = Set("not", "n't", "no", "never", "neither", "nor", "refused", "refuses", "refuse", "failed", "fails", "without", "cannot", "declined", "unable", "prevented");

    /// <summary>Supply words -> the supply category they belong to.</summary>
    public static readonly FrozenDictionary<string, string> Supplies = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["food"] = "food", ["flour"] = "food", ["bread"] = "food", ["wheat"] = "food", ["grain"] = "food", ["rice"] = "food", ["meals"] = "food",
        ["foodstuffs"] = "food", ["foodstuff"] = "food", ["nutrition"] = "food", ["baby formula"] = "food", ["starvation"] = "food", ["starving"] = "food",
        ["famine"] = "food", ["hunger"] = "food", ["groceries"] = "food", ["fuel"] = "fuel", ["petrol"] = "fuel", ["diesel"] = "fuel",
        ["gasoline"] = "fuel", ["kerosene"] = "fuel", ["cooking gas"] = "fuel", ["medical"] = "medical", ["medicine"] = "medical", ["medicines"] = "medical",
        ["medication"] = "medical", ["medications"] = "medical", ["drugs"] = "medical", ["vaccines"] = "medical", ["insulin"] = "medical",
        ["medical supplies"] = "medical", ["water"] = "water", ["drinking water"] = "water", ["electricity"] = "power", ["power supply"] = "power",
        ["power cuts"] = "power", ["power lines"] = "power", ["blackout"] = "power", ["blackouts"] = "power", ["shelter"] = "shelter", ["tents"] = "shelter", ["blankets"] = "shelter",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static FrozenSet<string> Set(params string[] words) => FrozenSet.ToFrozenSet(words, StringComparer.Ordinal);
}
