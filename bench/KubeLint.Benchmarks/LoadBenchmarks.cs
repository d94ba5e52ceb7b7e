using BenchmarkDotNet.Attributes;
using KubeLint.Analyzer.Loading;

namespace KubeLint.Benchmarks;

/// <summary>Parsing the whole corpus with full position information, on one core.</summary>
[MemoryDiagnoser]
public class LoadBenchmarks
{
    private IReadOnlyList<(string Path, byte[] Bytes)> _files = [];

    [GlobalSetup]
    public void Setup() => _files = CorpusFiles.Load();

    [Benchmark]
    public int LoadCorpus()
    {
        var loader = new ManifestLoader();
        var objects = 0;
        foreach (var (path, bytes) in _files)
        {
            objects += loader.Load(path, bytes).Objects.Count;
        }

        return objects;
    }
}
