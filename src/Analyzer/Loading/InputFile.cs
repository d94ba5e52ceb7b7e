namespace KubeLint.Analyzer.Loading;

/// <summary>A regular file to read (or standard input), as found by <see cref="InputWalker"/>.</summary>
public sealed class InputFile
{
    public InputFile(InputPath path, long? length)
    {
        Path = path;
        Length = length;
    }

    public static InputFile StandardInput { get; } = new(InputPath.FromString(InputResolver.StandardInput), null);

    public InputPath Path { get; }

    /// <summary>The size when the file was found; null for standard input.</summary>
    public long? Length { get; }

    public bool IsStandardInput => ReferenceEquals(this, StandardInput);

    public override string ToString() => Path.Display;
}
