using Sitrep.Ingest;

namespace Sitrep.Tests.Ingest;

public sealed class ReportReadersTests
{
    [Theory]
    [InlineData("result.json", """{"name": "c", "messages": []}""", InputFormat.Telegram)]
    [InlineData("export", """{"chats": {"list": []}}""", InputFormat.Telegram)]
    [InlineData("records.json", """[{"id": "a", "text": "b"}]""", InputFormat.Jsonl)]
    [InlineData("record.json", """{"id": "a", "text": "b"}""", InputFormat.Jsonl)]
    [InlineData("stdin", "{\"id\": 1, \"text\": \"a\"}\n{\"id\": 2, \"text\": \"b\"}\n", InputFormat.Jsonl)]
    [InlineData("broken.json", """{"messages": [""", InputFormat.Telegram)]
    [InlineData("page", "<!DOCTYPE html><html><body><p>x</p></body></html>", InputFormat.Html)]
    [InlineData("page.txt", "<p>an HTML fragment in a .txt file is text</p>", InputFormat.Text)]
    [InlineData("notes", "Convoy reached Goma on Monday.", InputFormat.Text)]
    [InlineData("a.ndjson", "{}", InputFormat.Jsonl)]
    [InlineData("-", "[Update] The crossing at Rafah reopened.", InputFormat.Text)]
    [InlineData("-", "{draft} Convoy delayed.", InputFormat.Text)]
    [InlineData("broken-array.json", "[{\"id\": 1,", InputFormat.Jsonl)]
    public void Detect_ByExtensionThenContent(string origin, string content, InputFormat expected)
    {
        Assert.Equal(expected, ReportReaders.Detect(origin, content));
    }

    [Fact]
    public void JsonlReader_JsonArrayOfRecords_ReadsEachRecord()
    {
        var result = new JsonlReader().Read("records.json", """[{"id": "a", "text": "First."}, {"id": 2, "text": "Second.", "published": "2023-09-12"}, {"text": "no id"}]""");

        Assert.Equal(["a", "2"], result.Reports.Select(r => r.ExternalId));
        Assert.Equal(new DateTimeOffset(2023, 9, 12, 0, 0, 0, TimeSpan.Zero), result.Reports[1].Published);
        Assert.Equal(IngestErrors.JsonlMissingField, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void PlainText_FromStandardInput_GetsAnIdentityFromItsContent()
    {
        var first = new PlainTextReader().Read("-", "One text.").Reports[0];
        var second = new PlainTextReader().Read("-", "Another text.").Reports[0];

        Assert.StartsWith("stdin:", first.ExternalId, StringComparison.Ordinal);
        Assert.NotEqual(first.ExternalId, second.ExternalId);
    }
}
