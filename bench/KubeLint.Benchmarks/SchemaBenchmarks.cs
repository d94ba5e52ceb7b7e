using BenchmarkDotNet.Attributes;
using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Loading;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Schema;

namespace KubeLint.Benchmarks;

/// <summary>Schema validation of the whole corpus, alone and together with loading (the figure compared with kubeconform).</summary>
[MemoryDiagnoser]
public class SchemaBenchmarks
{
    private IReadOnlyList<(string Path, byte[] Bytes)> _files = [];
    private List<KubeObject> _objects = [];

    [GlobalSetup]
    public void Setup()
    {
        _files = CorpusFiles.Load();
        _objects = LoadAll(_files).Objects;
    }

    [Benchmark]
    public int ValidateCorpus() => new LintEngine([new SchemaValidationPass()]).Run(_objects).Count;

    [Benchmark]
    public int LoadAndValidateCorpus()
    {
        var loaded = LoadAll(_files);
        return new LintEngine([new SchemaValidationPass()]).Run(loaded.Objects, loaded.Findings).Count;
    }

    internal static LoadResult LoadAll(IReadOnlyList<(string Path, byte[] Bytes)> files)
    {
        var loader = new ManifestLoader();
        var result = new LoadResult();
        foreach (var (path, bytes) in files)
        {
            result.Add(loader.Load(path, bytes));
        }

        return result;
    }
}
