using Microsoft.CodeAnalysis;

namespace KubeLint.Roslyn.Typed;

/// <summary>
/// A Kubernetes object built in C#, rendered as YAML with one line per key or item, so that a finding's line in the
/// rendered text leads back to the C# syntax that produced it.
/// </summary>
internal sealed class TypedManifest
{
    private readonly IReadOnlyList<Location> _lines;

    public TypedManifest(string path, string text, IReadOnlyList<Location> lines)
    {
        Path = path;
        Text = text;
        _lines = lines;
    }

    /// <summary>A name unique within the compilation: the C# file and the position of the object creation.</summary>
    public string Path { get; }

    public string Text { get; }

    /// <summary>The C# location behind a 1-based line of <see cref="Text"/>.</summary>
    public Location LocationOfLine(int line) => _lines[Math.Max(0, Math.Min(line, _lines.Count) - 1)];
}
