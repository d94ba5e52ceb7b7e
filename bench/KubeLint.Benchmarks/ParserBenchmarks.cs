using BenchmarkDotNet.Attributes;
using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Loading;
using KubeLint.Analyzer.Tests.Yaml;

namespace KubeLint.Benchmarks;

/// <summary>The whole corpus into position-carrying trees: the loader's own parser against YamlDotNet's parser feeding the same tree building.</summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    private IReadOnlyList<SourceFile> _files = [];

    [GlobalSetup]
    public void Setup() => _files = CorpusFiles.LoadText();

    [Benchmark(Baseline = true)]
    public int YamlDotNetTrees() => ParseWithYamlDotNet(_files);

    [Benchmark]
    public int OwnParserTrees() => ParseWithOwnParser(_files);

    public static int ParseWithYamlDotNet(IReadOnlyList<SourceFile> files)
    {
        var documents = 0;
        foreach (var file in files)
        {
            documents += YamlStreamReader.Read(file, LoaderLimits.Default, YamlDotNetEventSource.Create).Documents.Count;
        }

        return documents;
    }

    public static int ParseWithOwnParser(IReadOnlyList<SourceFile> files)
    {
        var documents = 0;
        foreach (var file in files)
        {
            documents += YamlStreamReader.Read(file, LoaderLimits.Default).Documents.Count;
        }

        return documents;
    }
}
