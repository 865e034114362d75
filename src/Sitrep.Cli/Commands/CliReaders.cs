using Sitrep.Ingest;

namespace Sitrep.Cli.Commands;

/// <summary>The readers the CLI offers, one per input format.</summary>
internal static class CliReaders
{
    public static ReportReaders Create() => ReportReaders.Default;
}
