using System.Collections.Concurrent;
using System.Diagnostics;
using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Loading;
using KubeLint.Analyzer.Schema;

namespace KubeLint.Benchmarks;

/// <summary>
/// Wall-clock figures of one cold process, which BenchmarkDotNet's steady-state numbers do not show: opening the
/// embedded bundle, the first validation (materialising the kinds met, JIT), then warm repeats.
/// Run with: dotnet run -c Release --project bench/KubeLint.Benchmarks -- --schema-figures
/// </summary>
internal static class SchemaFigures
{
    public static int Print()
    {
        var sinceStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
        var files = CorpusFiles.Load();

        var watch = Stopwatch.StartNew();
        var bundle = SchemaBundle.For(SchemaValidationPass.SupportedVersions[^1]);
        var openBundle = watch.Elapsed;
        watch.Restart();
        bundle.FindKind("apps/v1", "Deployment");
        var firstKind = watch.Elapsed;

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        watch.Restart();
        var loaded = SchemaBenchmarks.LoadAll(files);
        var load = watch.Elapsed;
        var loadCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;

        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        watch.Restart();
        var findings = new LintEngine([new SchemaValidationPass()]).Run(loaded.Objects, loaded.Findings);
        var coldValidate = watch.Elapsed;
        var validateCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;

        watch.Restart();
        new LintEngine([new SchemaValidationPass()]).Run(loaded.Objects, loaded.Findings);
        var warmValidate = watch.Elapsed;

        watch.Restart();
        SchemaBenchmarks.LoadAll(files);
        var warmLoad = watch.Elapsed;

        watch.Restart();
        var parallel = LoadParallel(files);
        new LintEngine([new SchemaValidationPass()]).Run(parallel.Objects, parallel.Findings);
        var warmParallel = watch.Elapsed;

        Console.WriteLine($"corpus: {files.Count} files, {loaded.Objects.Count} objects; runtime start-up before Main: {sinceStart.TotalMilliseconds:F0} ms");
        Console.WriteLine($"open embedded bundle (1.35):        {openBundle.TotalMilliseconds,8:F1} ms");
        Console.WriteLine($"materialise Deployment schema:      {firstKind.TotalMilliseconds,8:F1} ms");
        Console.WriteLine($"load, cold:                         {load.TotalMilliseconds,8:F1} ms");
        Console.WriteLine($"schema validation, cold:            {coldValidate.TotalMilliseconds,8:F1} ms");
        Console.WriteLine($"load + validation, cold:            {(load + coldValidate).TotalMilliseconds,8:F1} ms");
        Console.WriteLine($"CPU time (all threads, incl. JIT):  load {loadCpu.TotalMilliseconds:F0} ms, validation {validateCpu.TotalMilliseconds:F0} ms");
        Console.WriteLine($"load, warm:                         {warmLoad.TotalMilliseconds,8:F1} ms");
        Console.WriteLine($"schema validation, warm:            {warmValidate.TotalMilliseconds,8:F1} ms");
        Console.WriteLine($"parallel load + validation, warm:   {warmParallel.TotalMilliseconds,8:F1} ms");
        foreach (var group in findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {group.Key} {group.First().Rule.Name}: {group.Count()}");
        }

        return 0;
    }

    /// <summary>A pre-commit style run: one small file in a fresh process; prints the time since the process started.</summary>
    public static int PrintOneFile(string path)
    {
        var watch = Stopwatch.StartNew();
        var loaded = new ManifestLoader().Load(path, File.ReadAllBytes(path));
        var load = watch.Elapsed;
        watch.Restart();
        var findings = new LintEngine([new SchemaValidationPass()]).Run(loaded.Objects, loaded.Findings);
        var validate = watch.Elapsed;
        var total = DateTime.Now - Process.GetCurrentProcess().StartTime;
        Console.WriteLine($"{path}: {loaded.Objects.Count} objects, {findings.Count} findings");
        Console.WriteLine($"load {load.TotalMilliseconds:F1} ms, schema validation {validate.TotalMilliseconds:F1} ms (cold, bundle included), process so far {total.TotalMilliseconds:F0} ms");
        return 0;
    }

    /// <summary>One file per work item on every core; results are put back in file order so the output stays deterministic.</summary>
    private static LoadResult LoadParallel(IReadOnlyList<(string Path, byte[] Bytes)> files)
    {
        var results = new ConcurrentDictionary<int, LoadResult>();
        Parallel.For(0, files.Count, i => results[i] = new ManifestLoader().Load(files[i].Path, files[i].Bytes));
        var merged = new LoadResult();
        for (var i = 0; i < files.Count; i++)
        {
            merged.Add(results[i]);
        }

        return merged;
    }
}
