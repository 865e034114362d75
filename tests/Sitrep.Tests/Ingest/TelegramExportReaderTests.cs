using Sitrep.Ingest;
using Sitrep.Ingest.Telegram;

namespace Sitrep.Tests.Ingest;

public sealed class TelegramExportReaderTests
{
    private static ReadResult ReadExport() => new TelegramExportReader().Read("result.json", ExampleFiles.Read(ExampleFiles.TelegramExport));

    [Fact]
    public void Read_ChannelExport_GivesOneReportPerTextMessageWithChannelAndIds()
    {
        var result = ReadExport();

        Assert.Empty(result.Problems);
        Assert.Equal(["telegram:1777000123/2", "telegram:1777000123/3", "telegram:1777000123/5"], result.Reports.Select(r => r.ExternalId));
        Assert.All(result.Reports, r => Assert.Equal("Artsakh Aid Watch", r.Metadata.Channel));
        Assert.All(result.Reports, r => Assert.Equal(InputFormat.Telegram, r.Format));
        Assert.Equal([2L, 3L, 5L], result.Reports.Select(r => r.MessageId!.Value));
    }

    [Fact]
    public void Read_ChannelExport_TakesDatesFromUnixTimeAndKeepsEditsAndForwards()
    {
        var reports = ReadExport().Reports;

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1690280100), reports[0].Published);
        Assert.Null(reports[0].Edited);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1690363800), reports[1].Edited);
        // No date_unixtime: the local "date" is read as UTC.
        Assert.Equal(new DateTimeOffset(2023, 7, 28, 12, 0, 0, TimeSpan.Zero), reports[2].Published);
        Assert.Equal("Armenian Red Cross", reports[2].Metadata.ForwardedFrom);
    }

    [Fact]
    public void Read_TextAsArrayOfStringsAndEntities_IsConcatenated()
    {
        var report = ReadExport().Reports.Single(r => r.MessageId == 3);

        Assert.Equal("Bread queues in Stepanakert start before dawn. #blockade", report.Text);
    }

    [Fact]
    public void Read_ServiceMessagesAndMediaOnlyPosts_AreSkippedAndCounted()
    {
        var result = ReadExport();

        Assert.Equal(2, result.Skipped);
        Assert.DoesNotContain(result.Reports, r => r.MessageId is 1 or 4);
    }

    [Fact]
    public void Read_ExportWithoutMessages_IsTheNoMessagesProblem()
    {
        var result = new TelegramExportReader().Read("chat.json", """{"name": "x", "type": "public_channel", "id": 5}""");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(IngestErrors.TelegramNoMessages, problem.Code);
        Assert.Equal("SITREP-INGEST-006: telegram export has no 'messages' array: chat.json", problem.ToString());
    }

    [Fact]
    public void Read_InvalidJson_IsMalformedJson()
    {
        var problem = Assert.Single(new TelegramExportReader().Read("bad.json", """{"messages": [ {"id": 1, """).Problems);

        Assert.Equal(IngestErrors.MalformedJson, problem.Code);
    }

    [Fact]
    public void Read_AllChatsLayout_ReadsEveryChat()
    {
        const string export = """
            {"about": "Here is the data you requested.",
             "chats": {"about": "...", "list": [
               {"name": "Front Notes", "type": "public_channel", "id": 11, "messages": [
                 {"id": 7, "type": "message", "date": "2024-01-02T03:04:05", "text": "Two drones were shot down over the port."}]},
               {"name": "Saved Messages", "type": "saved_messages", "id": 12, "messages": [
                 {"id": 9, "type": "message", "date": "2024-01-03T00:00:00", "text": [{"type": "link", "text": "https://example.org"}, " worth reading"]}]}
             ]},
             "left_chats": {"about": "...", "list": [
               {"name": "Old Channel", "type": "public_channel", "id": 13, "messages": [
                 {"id": 1, "type": "service", "date": "2020-01-01T00:00:00", "action": "create_channel", "text": ""}]}]}}
            """;

        var result = new TelegramExportReader().Read("result.json", export);

        Assert.Equal(["telegram:11/7", "telegram:12/9"], result.Reports.Select(r => r.ExternalId));
        Assert.Equal("https://example.org worth reading", result.Reports[1].Text);
        Assert.Equal(1, result.Skipped);
    }

    [Fact]
    public void Read_ChatWithoutId_UsesItsNameInTheExternalId()
    {
        var result = new TelegramExportReader().Read("r.json", """{"name": "Field Desk", "messages": [{"id": 3, "type": "message", "text": "Checkpoint reopened."}]}""");

        Assert.Equal("telegram:Field Desk/3", Assert.Single(result.Reports).ExternalId);
    }
}
