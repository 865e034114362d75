using System.Globalization;
using Sitrep.Ingest;
using Sitrep.Store.Ingestion;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary>Progress as plain lines on standard error (pipes, logs, CI): at most one a second.</summary>
internal sealed class PlainIngestProgress(TextWriter error) : IIngestObserver
{
    private long _lastLine = TimeProvider.System.GetTimestamp();
    private int _lastDone;

    public void OnProblem(IngestProblem problem) => error.WriteLine(problem.ToString());

    public void OnPipelineFailure(string externalId, string message) => error.WriteLine($"{message}: {externalId}");

    public void OnProgress(IngestProgress progress)
    {
        var finished = progress.InputsDone == progress.InputsTotal && progress.ReportsPending == 0;
        if (finished || progress.ReportsDone == _lastDone || TimeProvider.System.GetElapsedTime(_lastLine) < TimeSpan.FromSeconds(1))
        {
            return;
        }

        _lastDone = progress.ReportsDone;
        _lastLine = TimeProvider.System.GetTimestamp();
        error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ingest: {progress.InputsDone}/{progress.InputsTotal} inputs, {progress.ReportsDone} reports stored or already there"));
    }
}

/// <summary>A Spectre.Console progress bar on standard error, for terminals; problems are printed above it.</summary>
internal sealed class ProgressBarIngestProgress(IAnsiConsole console, ProgressTask task) : IIngestObserver
{
    public void OnProblem(IngestProblem problem) => console.MarkupLine($"[red]{Markup.Escape(problem.ToString())}[/]");

    public void OnPipelineFailure(string externalId, string message) => console.MarkupLine($"[yellow]{Markup.Escape($"{message}: {externalId}")}[/]");

    public void OnProgress(IngestProgress progress)
    {
        task.MaxValue = 100;
        task.Value = Math.Clamp(progress.Completed * 100, 0, 100);
        task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{progress.ReportsDone} reports stored, {progress.InputsDone}/{progress.InputsTotal} inputs done"));
    }
}
