using System.Text;

namespace Sitrep.Bench;

/// <summary>
/// Generates news-like reports of about 600 words from templates about sieges, convoys and clashes, so
/// benchmarks exercise every stage (places, dates, figures, actors, quotes) without any copied text.
/// </summary>
internal static class ReportGenerator
{
    private static readonly string[] Places = ["Stepanakert", "Lachin", "Madaya", "Idlib", "Mekelle", "Gaza", "Rafah", "Mariupol", "Kharkiv", "Aleppo", "El Fasher", "Goma"];
    private static readonly string[] Actors = ["Azerbaijani forces", "the Russian Foreign Ministry", "the ICRC", "the World Food Programme", "local authorities", "an armed group", "the United Nations", "Ukrainian officials"];
    private static readonly string[] Dates = ["on Monday", "early Tuesday", "in December 2022", "since July 2015", "on 12 September 2023", "last week", "today", "for almost a year"];
    private static readonly string[] Quantities = ["around 120,000 people", "20 trucks", "400 tonnes of flour", "95 per cent", "at least 12 civilians", "two dozen families", "1.2 million litres of fuel"];

    private static readonly string[] Templates =
    [
        "A convoy of {Q} reached {P} {D}, {A} said in a statement.",
        "{A} accused the authorities of blocking food, fuel and medical supplies to {P} {D}.",
        "Residents of {P} said shelling had killed {Q} {D}, according to {A}.",
        "The road between {P} and {P2} was closed {D}, leaving {Q} without access to aid.",
        "\"We are running out of everything,\" a doctor in {P} told reporters {D}.",
        "{A} announced the formation of a new group in {P} {D}, calling it a front of resistance.",
        "Aid agencies warned that {Q} in {P} could face famine, {A} reported {D}.",
    ];

    public static List<string> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var reports = new List<string>(count);
        var builder = new StringBuilder(4096);
        for (var i = 0; i < count; i++)
        {
            builder.Clear();
            builder.Append("Situation report ").Append(i).Append('\n').Append('\n');
            var words = 0;
            while (words < 600)
            {
                var sentence = Templates[random.Next(Templates.Length)]
                    .Replace("{P2}", Places[random.Next(Places.Length)], StringComparison.Ordinal)
                    .Replace("{P}", Places[random.Next(Places.Length)], StringComparison.Ordinal)
                    .Replace("{A}", Actors[random.Next(Actors.Length)], StringComparison.Ordinal)
                    .Replace("{D}", Dates[random.Next(Dates.Length)], StringComparison.Ordinal)
                    .Replace("{Q}", Quantities[random.Next(Quantities.Length)], StringComparison.Ordinal);
                builder.Append(char.ToUpperInvariant(sentence[0])).Append(sentence, 1, sentence.Length - 1).Append(' ');
                words += sentence.Count(c => c == ' ') + 1;
                if (random.Next(5) == 0)
                {
                    builder.Append("\n\n");
                }
            }

            reports.Add(builder.ToString());
        }

        return reports;
    }
}
