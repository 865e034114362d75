using FsCheck;
using FsCheck.Xunit;
using Sitrep.Ingest;
using Sitrep.Ingest.Html;
using Sitrep.Ingest.Telegram;

namespace Sitrep.Tests.Ingest;

/// <summary>
/// The readers take untrusted input: whatever they are given, they never throw, and they always say
/// something (reports, problems, or messages skipped on purpose).
/// </summary>
public sealed class ReaderFuzzTests
{
    private static readonly IReportReader[] Readers = [new PlainTextReader(), new JsonlReader(), new HtmlReportReader(), new TelegramExportReader()];

    private static readonly string[] Seeds =
    [
        ExampleFiles.Read(ExampleFiles.NewsArticle),
        ExampleFiles.Read(ExampleFiles.TelegramExport),
        "{\"id\": \"r1\", \"text\": \"Convoy reached Goma.\", \"published\": \"2023-09-12\"}\n{\"id\": 2, \"text\": \"Shelling near Idlib.\"}\n",
        """[{"id": "a", "text": "Checkpoint closed."}]""",
        """{"chats": {"list": [{"id": 1, "messages": [{"id": 1, "type": "message", "text": ["a", {"type": "bold", "text": "b"}]}]}]}}""",
    ];

    private static readonly string[] Fragments =
    [
        "<", ">", "</div>", "<p>", "<script>", "<!--", "-->", "\"", "{", "}", "[", "]", ",", ":", "\\", "\\u0000", "\n", "\r\n", "null", "true",
        "\"text\":", "\"messages\":", "\"id\":", "\"type\": \"service\"", "&amp;", "&#xD800;", "\uD800", "😀", "\u0000", "\uFEFF", "<br>", "<ul>",
        "\"date_unixtime\": \"99999999999999999999\"", "\"date\": \"not a date\"", "<meta property=\"article:published_time\" content=\"x\">",
        "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"author\": [[[{}]]]}</script>",
    ];

    private static void AssertSaysSomething(IReportReader reader, string content)
    {
        var result = reader.Read("fuzz.input", content);
        Assert.NotNull(result);
        Assert.True(result.Reports.Count > 0 || result.Problems.Count > 0 || result.Skipped > 0, $"{reader.GetType().Name} said nothing");
        Assert.All(result.Reports, r => Assert.NotNull(r.Text));
        Assert.All(result.Problems, p => Assert.StartsWith("SITREP-INGEST-", p.Code, StringComparison.Ordinal));
    }

    [Property(MaxTest = 300)]
    public void Read_ArbitraryText_NeverThrowsAndAlwaysSaysSomething(NonNull<string> text)
    {
        if (string.IsNullOrWhiteSpace(text.Get))
        {
            return; // InputLoader refuses these before any reader sees them.
        }

        foreach (var reader in Readers)
        {
            AssertSaysSomething(reader, text.Get);
        }
    }

    [Property(MaxTest = 400)]
    public void Read_MutatedRealInputs_NeverThrowsAndAlwaysSaysSomething(int seed)
    {
        var random = new Random(seed);
        var content = Mutate(Seeds[random.Next(Seeds.Length)], random);
        if (string.IsNullOrWhiteSpace(content))
        {
            return;
        }

        foreach (var reader in Readers)
        {
            AssertSaysSomething(reader, content);
        }

        // And through detection, as ingest does it.
        AssertSaysSomething(ReportReaders.Default.For(ReportReaders.Detect("fuzz.json", content)), content);
    }

    [Property(MaxTest = 300)]
    public void Decode_ArbitraryBytes_GivesReportsOrProblemsNeverAnException(NonNull<byte[]> bytes)
    {
        var loader = new InputLoader(new IngestLimits { MaxFileBytes = 4096 }, ReportReaders.Default);

        var result = loader.Decode("fuzz.bin", bytes.Get, InputFormat.Auto);

        Assert.True(result.Reports.Count > 0 || result.Problems.Count > 0 || result.Skipped > 0);
    }

    [Fact]
    public void Read_DeeplyNestedJson_IsAProblemNotACrash()
    {
        var deep = "{\"messages\": " + new string('[', 100_000) + new string(']', 100_000) + "}";

        foreach (var reader in Readers)
        {
            AssertSaysSomething(reader, deep);
        }
    }

    private static string Mutate(string text, Random random)
    {
        var mutations = random.Next(1, 8);
        for (var m = 0; m < mutations && text.Length > 0; m++)
        {
            var at = random.Next(text.Length);
            switch (random.Next(5))
            {
                case 0: // delete a range
                    text = text.Remove(at, Math.Min(random.Next(1, 40), text.Length - at));
                    break;
                case 1: // insert a syntax fragment
                    text = text.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 2: // duplicate a range
                    var length = Math.Min(random.Next(1, 200), text.Length - at);
                    text = text.Insert(at, text.Substring(at, length));
                    break;
                case 3: // truncate
                    text = text[..at];
                    break;
                default: // random characters
                    var chars = Enumerable.Range(0, random.Next(1, 10)).Select(_ => (char)random.Next(0, 0x3000)).ToArray();
                    text = text.Insert(at, new string(chars));
                    break;
            }
        }

        return text;
    }
}
