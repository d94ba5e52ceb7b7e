namespace KubeLint.Cli.Tests.Repositories;

/// <summary>A folder of files written by a test, under the test's output folder so that its paths are relative to the repository.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder()
    {
        FullPath = System.IO.Path.Combine(AppContext.BaseDirectory, "repositories", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(FullPath);
        Path = System.IO.Path.GetRelativePath(Directory.GetCurrentDirectory(), FullPath).Replace('\\', '/');
    }

    public string FullPath { get; }

    /// <summary>The folder relative to the current directory (the repository root), as findings show it.</summary>
    public string Path { get; }

    public TemporaryFolder Write(string relativePath, string text)
    {
        var file = System.IO.Path.Combine(FullPath, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text.Replace("\r\n", "\n"));
        return this;
    }

    public void Dispose() => Directory.Delete(FullPath, recursive: true);
}
