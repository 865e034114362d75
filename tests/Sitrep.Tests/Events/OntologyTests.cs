using Sitrep.Events;

namespace Sitrep.Tests.Events;

public sealed class OntologyTests
{
    [Fact]
    public void Documentation_ListsEveryTypeWithTheSameMappings()
    {
        var doc = File.ReadAllText(Path.Combine(EventTestKit.RepositoryRoot(), "docs", "ontology.md"));
        foreach (var t in Ontology.Default.Types)
        {
            var row = $"| {t.Code} | {t.Plover} | {t.AcledEventType} | {t.AcledSubEventType} | {t.CameoRoot} | {t.Definition} | {t.Example} |";
            Assert.True(doc.Contains(row, StringComparison.Ordinal), $"docs/ontology.md lacks or differs for {t.Code}: expected\n{row}");
        }
    }

    [Fact]
    public void Ontology_MapsToTheAcledAndPloverVocabularies()
    {
        string[] acled = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots", "Strategic developments"];
        string[] plover = ["AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE", "DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT", "INVESTIGATE"];
        foreach (var t in Ontology.Default.Types)
        {
            Assert.Contains(t.AcledEventType, acled);
            Assert.Contains(t.Plover, plover);
            Assert.Matches("^[0-2][0-9]$", t.CameoRoot);
        }

        // All 25 ACLED sub-event types are reachable.
        Assert.Equal(25, Ontology.Default.Types.Select(t => t.AcledSubEventType).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void EveryType_HasATrigger()
    {
        foreach (var t in Ontology.Default.Types)
        {
            var e = EventTestKit.Run(t.Example).Events;
            Assert.True(e.Count > 0, $"{t.Code}: its own example evokes no event");
        }
    }
}
