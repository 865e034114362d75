namespace Sitrep.Ingest;

/// <summary>Turns the decoded text of one input into reports. Readers never throw on bad input: they return problems.</summary>
public interface IReportReader
{
    InputFormat Format { get; }

    ReadResult Read(string origin, string content);
}
