using System.Diagnostics;
using BenchmarkDotNet.Running;
using KubeLint.Benchmarks;

// Run with: dotnet run -c Release --project bench/KubeLint.Benchmarks -- --filter '*'
// Quick figure without BenchmarkDotNet: dotnet run -c Release --project bench/KubeLint.Benchmarks -- --quick
if (args is ["--quick"])
{
    var files = CorpusFiles.LoadText();
    Console.WriteLine($"{files.Count} files, {files.Sum(f => (long)f.Text.Length):N0} characters");
    Measure("YamlDotNet trees", () => ParserBenchmarks.ParseWithYamlDotNet(files));
    Measure("own parser trees", () => ParserBenchmarks.ParseWithOwnParser(files));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

static void Measure(string name, Func<int> run)
{
    var documents = run();
    var best = TimeSpan.MaxValue;
    for (var i = 0; i < 5; i++)
    {
        var watch = Stopwatch.StartNew();
        run();
        watch.Stop();
        best = watch.Elapsed < best ? watch.Elapsed : best;
    }

    Console.WriteLine($"{name}: {documents} documents, best of 5: {best.TotalMilliseconds:F0} ms");
}
