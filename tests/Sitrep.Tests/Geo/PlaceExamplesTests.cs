using System.Globalization;
using Sitrep.Documents;
using Sitrep.Geo.Resolution;

namespace Sitrep.Tests.Geo;

/// <summary>Runs the readable examples in <c>Examples/places.md</c> through the whole pipeline.</summary>
[Collection(GeoCollection.Name)]
public sealed class PlaceExamplesTests(GeoFixture fixture)
{
    public sealed record Example(string Title, string Text, IReadOnlyList<string> Expectations)
    {
        public override string ToString() => Title;
    }

    public static TheoryData<string> Titles()
    {
        var data = new TheoryData<string>();
        foreach (var example in Load())
        {
            data.Add(example.Title);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Titles))]
    public void Places_Example_MeetsItsExpectations(string title)
    {
        var example = Load().Single(e => e.Title == title);
        var document = fixture.Pipeline.Process(new ReportDocument("example", example.Text, null));
        var found = document.Places.Select(p => (Text: document.Slice(p.Span), Mention: p)).ToList();
        // "= Surface" lines are given to the geoparser as spans (as `geocode` and the gold-span evaluation do).
        var given = example.Expectations.Where(e => e[0] == '=').Select(e => e[1..].Split('|', StringSplitOptions.TrimEntries)[0]).ToList();
        var spans = new List<TextSpan>();
        foreach (var surface in given)
        {
            var start = example.Text.IndexOf(surface, StringComparison.Ordinal);
            Assert.True(start >= 0, $"'{surface}' is not in the text of \"{title}\"");
            spans.Add(new TextSpan(start, start + surface.Length));
        }

        var geocoded = new Sitrep.Geo.Geoparser(fixture.Gazetteer).ResolveSpans(example.Text, spans);
        foreach (var line in example.Expectations)
        {
            var parts = line[1..].Split('|', StringSplitOptions.TrimEntries);
            var surface = parts[0];
            var matches = found.Where(f => f.Text == surface).ToList();
            if (line[0] == '-')
            {
                Assert.True(matches.Count == 0, $"'{surface}' was taken for a place in \"{title}\"");
                continue;
            }

            if (line[0] == '+')
            {
                Assert.True(matches.Count > 0, $"'{surface}' was not found in \"{title}\"; found: {string.Join(", ", found.Select(f => f.Text))}");
            }

            var mention = line[0] == '=' ? geocoded[given.IndexOf(surface)] : matches[0].Mention;
            if (parts.Length > 1)
            {
                Assert.True((mention.CountryCode ?? "") == parts[1], $"'{surface}' resolved to {mention.Name} ({mention.CountryCode}), expected {parts[1]}");
            }

            if (parts.Length > 2)
            {
                var point = parts[2].Split(',', StringSplitOptions.TrimEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
                var distance = GeoMath.DistanceKm(point[0], point[1], mention.Latitude!.Value, mention.Longitude!.Value);
                Assert.True(distance <= 161, $"'{surface}' resolved to {mention.Name} {distance:F0} km away");
            }
        }
    }

    private static List<Example> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Geo", "Examples", "places.md");
        var examples = new List<Example>();
        string? title = null;
        var text = new List<string>();
        var expectations = new List<string>();
        void Flush()
        {
            if (title is not null && text.Count > 0)
            {
                examples.Add(new Example(title, string.Join("\n", text), [.. expectations]));
            }

            text.Clear();
            expectations.Clear();
        }

        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.TrimEnd();
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Flush();
                title = line[3..];
            }
            else if (line.StartsWith("> ", StringComparison.Ordinal))
            {
                text.Add(line[2..]);
            }
            else if (line.StartsWith("+ ", StringComparison.Ordinal) || line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("= ", StringComparison.Ordinal))
            {
                expectations.Add(line);
            }
        }

        Flush();
        return examples;
    }
}
