using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Loading;

namespace KubeLint.Benchmarks;

/// <summary>The real-manifest corpus beside the repository (../shared/corpus/real), read once into memory.</summary>
internal static class CorpusFiles
{
    public static string Root { get; } = FindCorpus();

    public static IReadOnlyList<(string Path, byte[] Bytes)> Load()
        => InputResolver.Resolve([Root], new List<string>()).Select(p => (p, File.ReadAllBytes(p))).ToList();

    /// <summary>The corpus decoded to text, so parsing is measured without decoding.</summary>
    public static IReadOnlyList<SourceFile> LoadText()
        => Load().Select(f => SourceDecoder.Decode(f.Path, f.Bytes, LoaderLimits.Default, new List<KubeLint.Analyzer.Findings.Finding>())).OfType<SourceFile>().ToList();

    private static string FindCorpus()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "corpus", "real");
            if (File.Exists(Path.Combine(dir.FullName, "KubeLint.sln")) && Directory.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }

            dir = dir.Parent;
        }

        throw new DirectoryNotFoundException("../shared/corpus/real not found beside the repository");
    }
}
