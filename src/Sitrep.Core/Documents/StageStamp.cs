namespace Sitrep.Documents;

/// <summary>Which pipeline stage, at which version, made an annotation.</summary>
public readonly record struct StageStamp(string Name, string Version)
{
    public override string ToString() => $"{Name}@{Version}";
}
