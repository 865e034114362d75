namespace Sitrep.Pipeline;

/// <summary>A pipeline was assembled wrongly (a programming error, found when it is built).</summary>
public sealed class PipelineValidationException(string message) : Exception(message);
