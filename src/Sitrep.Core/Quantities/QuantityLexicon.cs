using System.Collections.Frozen;

namespace Sitrep.Quantities;

/// <summary>What a counted noun or unit word means: the unit to report and the default category.</summary>
internal readonly record struct UnitSense(string Unit, string Category, bool People);

/// <summary>The nouns and unit words quantities attach to, and the cue words that set people's categories.</summary>
internal static class QuantityLexicon
{
    private static readonly FrozenDictionary<string, UnitSense> Nouns = Build();

    /// <summary>Looks a word up, singular or plural ("trucks", "lorries", "tonnes", "km").</summary>
    public static bool TryGet(string word, out UnitSense sense)
    {
        if (Nouns.TryGetValue(word, out sense))
        {
            return true;
        }

        // Demonyms and group names in the plural ("Armenians", "Palestinians", "Yazidis") count people.
        if (word.Length > 4 && char.IsUpper(word[0]) && (word.EndsWith("ians", StringComparison.Ordinal) || word.EndsWith("ans", StringComparison.Ordinal)
            || word.EndsWith("is", StringComparison.Ordinal) || word.EndsWith("ese", StringComparison.Ordinal) || word.EndsWith("ites", StringComparison.Ordinal)))
        {
            sense = new UnitSense("people", "people", true);
            return true;
        }

        return false;
    }

    /// <summary>Words that may stand between a number and its noun ("12 aid trucks", "120,000 ethnic Armenians").</summary>
    public static bool IsModifier(string word) => word.Length > 1 && !StopWords.Contains(word) && !char.IsDigit(word[0]);

    private static readonly FrozenSet<string> StopWords = new[]
    {
        "of", "in", "on", "at", "to", "from", "for", "with", "by", "and", "or", "but", "the", "a", "an", "were", "was", "are", "is",
        "have", "has", "had", "be", "been", "who", "which", "that", "this", "these", "those", "per", "cent", "percent", "said", "as",
        "than", "into", "over", "under", "after", "before", "since", "during", "while", "their", "its", "his", "her", "our", "they",
        "it", "he", "she", "we", "you", "not", "no", "more", "less", "about", "around", "some", "out", "up", "down", "off", "year", "years",
        "day", "days", "week", "weeks", "month", "months", "hour", "hours", "minute", "minutes", "times", "time", "old", "aged",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static FrozenDictionary<string, UnitSense> Build()
    {
        var map = new Dictionary<string, UnitSense>(StringComparer.OrdinalIgnoreCase);
        void People(string category, params string[] words)
        {
            foreach (var w in words)
            {
                map[w] = new UnitSense("people", category, true);
            }
        }

        void Add(string unit, string category, params string[] words)
        {
            foreach (var w in words)
            {
                map[w] = new UnitSense(unit, category, false);
            }
        }

        People("people", "people", "persons", "person", "civilians", "civilian", "children", "child", "kids", "women", "woman", "men", "man",
            "soldiers", "soldier", "troops", "servicemen", "fighters", "militants", "insurgents", "rebels", "combatants", "mercenaries",
            "police", "policemen", "officers", "protesters", "protestors", "demonstrators", "students", "workers", "doctors", "nurses",
            "journalists", "volunteers", "staff", "employees", "members", "individuals", "adults", "babies", "infants", "minors",
            "girls", "boys", "elderly", "patients", "passengers", "migrants", "asylum-seekers", "pilgrims", "villagers", "citizens",
            "nationals", "foreigners", "settlers", "reservists", "conscripts", "personnel", "peacekeepers", "guards", "inmates",
            "survivors", "victims", "casualties", "families", "family", "households", "household");
        People("population", "residents", "inhabitants", "people-strong", "population");
        People("killed", "dead", "deaths", "fatalities", "bodies", "corpses", "lives");
        People("injured", "wounded", "injured", "injuries");
        People("displaced", "refugees", "refugee", "idps", "evacuees", "displaced", "returnees", "homeless");
        People("detained", "prisoners", "detainees", "hostages", "captives", "pows", "arrests", "prisoner", "hostage", "captive");
        People("missing", "missing");
        Add("truck", "vehicles", "trucks", "truck", "lorries", "lorry", "truckloads", "trucksloads");
        Add("vehicle", "vehicles", "vehicles", "vehicle", "cars", "car", "buses", "bus", "ambulances", "ambulance", "tankers", "tanker", "trailers", "trailer", "minibuses");
        Add("convoy", "vehicles", "convoys", "convoy");
        Add("tonne", "mass", "tonnes", "tonne", "tons", "ton", "t", "mt", "metric");
        Add("kg", "mass", "kg", "kilograms", "kilogrammes", "kilogram", "kilos", "kilo");
        Add("litre", "volume", "litres", "liters", "litre", "liter", "l");
        Add("gallon", "volume", "gallons", "gallon");
        Add("barrel", "volume", "barrels", "barrel");
        Add("cubic metre", "volume", "m3");
        Add("km", "distance", "km", "kms", "kilometres", "kilometers", "kilometre", "kilometer");
        Add("mile", "distance", "miles", "mile");
        Add("m", "distance", "metres", "meters", "metre", "meter");
        Add("hectare", "area", "hectares", "hectare", "ha");
        Add("km2", "area", "km2", "sq");
        Add("acre", "area", "acres", "acre");
        Add("meal", "supplies", "meals", "rations", "parcels", "kits", "packages");
        Add("house", "buildings", "homes", "houses", "buildings", "apartments", "shelters", "schools", "hospitals");
        Add("USD", "money", "dollars", "dollar", "usd");
        Add("EUR", "money", "euros", "euro", "eur");
        Add("GBP", "money", "pounds", "gbp", "sterling");
        Add("RUB", "money", "roubles", "rubles", "rub");
        Add("AMD", "money", "drams", "amd");
        Add("AZN", "money", "manats", "manat", "azn");
        Add("UAH", "money", "hryvnias", "hryvnia", "uah");
        Add("TRY", "money", "lira", "liras");
        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
