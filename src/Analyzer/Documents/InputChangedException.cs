namespace KubeLint.Analyzer.Documents;

/// <summary>A file read again during a run is not what was loaded: its findings' positions would not match it.</summary>
public sealed class InputChangedException : IOException
{
    public InputChangedException(string path)
        : base($"{path} changed while it was being linted; run again")
    {
    }
}
