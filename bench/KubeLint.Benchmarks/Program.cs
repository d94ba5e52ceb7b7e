using System.Diagnostics;
using BenchmarkDotNet.Running;
using KubeLint.Benchmarks;

// Run with: dotnet run -c Release --project bench/KubeLint.Benchmarks -- --filter '*'
// Wall-clock figures of one cold process over the corpus: ... -- --schema-figures
if (args is ["--schema-figures"])
{
    return SchemaFigures.Print();
}

// One small file in a fresh process (what a pre-commit hook pays): ... -- --schema-one FILE
if (args is ["--schema-one", var file])
{
    return SchemaFigures.PrintOneFile(file);
}

// Parser figures without BenchmarkDotNet (best of 5, one process): ... -- --quick
if (args is ["--quick"])
{
    var files = CorpusFiles.LoadText();
    Console.WriteLine($"{files.Count} files, {files.Sum(f => (long)f.Text.Length):N0} characters");
    Measure("YamlDotNet trees", () => ParserBenchmarks.ParseWithYamlDotNet(files));
    Measure("own parser trees", () => ParserBenchmarks.ParseWithOwnParser(files));
    return 0;
}

// RE2 matcher on a pattern that makes backtracking engines exponential: ... -- --re2
if (args is ["--re2"])
{
    return PatternAndCelFigures.PrintRe2();
}

// Which CEL rules of the CRDs under the given folders the engine compiles: ... -- --cel-coverage PATH...
if (args.Length > 1 && args[0] == "--cel-coverage")
{
    return PatternAndCelFigures.PrintCelCoverage(args.Skip(1).ToList());
}

// Scheduler throughput figures and the simulator's large cases: dotnet run -c Release --project bench/KubeLint.Benchmarks -- --scale
if (args.Length > 0 && args[0] == "--scale")
{
    ScaleRun.Run(Console.Out);
    Console.WriteLine();
    BigCases.RunAll(Console.Out);
    return 0;
}

// One scheduler size alone (20 pods per node), for a profiler: ... -- --schedule NODES
if (args is ["--schedule", var nodeCount])
{
    return ScaleRun.RunOne(int.Parse(nodeCount, System.Globalization.CultureInfo.InvariantCulture), Console.Out);
}

// One large case in this process (what --scale runs in child processes): ... -- --case NAME
if (args is ["--case", var name])
{
    return BigCases.Run(name, Console.Out);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

static void Measure(string name, Func<int> run)
{
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var documents = run();
    var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
    var best = TimeSpan.MaxValue;
    var bestCpu = TimeSpan.MaxValue;
    var process = Process.GetCurrentProcess();
    for (var i = 0; i < 5; i++)
    {
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        run();
        watch.Stop();
        process.Refresh();
        best = watch.Elapsed < best ? watch.Elapsed : best;
        bestCpu = process.TotalProcessorTime - cpu < bestCpu ? process.TotalProcessorTime - cpu : bestCpu;
    }

    // On a loaded machine the wall clock includes waiting for a core; the processor time does not.
    Console.WriteLine($"{name}: {documents} documents, best of 5: {best.TotalMilliseconds:F0} ms wall, {bestCpu.TotalMilliseconds:F0} ms processor time, {allocated / (1024 * 1024)} MB allocated");
}
