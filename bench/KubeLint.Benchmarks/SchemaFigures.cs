using System.Diagnostics;
using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Schema;

namespace KubeLint.Benchmarks;

/// <summary>
/// Prints wall-clock figures of one cold process: reading the corpus, loading, then schema validation (the first
/// validation includes opening the embedded bundle and materialising the kinds met), then a warm repeat.
/// Run with: dotnet run -c Release --project bench/KubeLint.Benchmarks -- --schema-figures
/// </summary>
internal static class SchemaFigures
{
    public static int Print()
    {
        var total = Stopwatch.StartNew();
        var files = CorpusFiles.Load();
        var read = total.Elapsed;

        var watch = Stopwatch.StartNew();
        var loaded = SchemaBenchmarks.LoadAll(files);
        var load = watch.Elapsed;

        watch.Restart();
        var findings = new LintEngine([new SchemaValidationPass()]).Run(loaded.Objects, loaded.Findings);
        var coldValidate = watch.Elapsed;

        watch.Restart();
        new LintEngine([new SchemaValidationPass()]).Run(loaded.Objects, loaded.Findings);
        var warmValidate = watch.Elapsed;

        watch.Restart();
        SchemaBenchmarks.LoadAll(files);
        var warmLoad = watch.Elapsed;

        Console.WriteLine($"corpus: {files.Count} files, {loaded.Objects.Count} objects");
        Console.WriteLine($"read files:               {read.TotalMilliseconds,8:F1} ms");
        Console.WriteLine($"load (parse, positions):  {load.TotalMilliseconds,8:F1} ms");
        Console.WriteLine($"load, warm:               {warmLoad.TotalMilliseconds,8:F1} ms");
        Console.WriteLine($"schema validation, cold:  {coldValidate.TotalMilliseconds,8:F1} ms");
        Console.WriteLine($"schema validation, warm:  {warmValidate.TotalMilliseconds,8:F1} ms");
        Console.WriteLine($"load + validation (cold): {(load + coldValidate).TotalMilliseconds,8:F1} ms");
        Console.WriteLine($"process time so far:      {(DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds,8:F1} ms");
        foreach (var group in findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {group.Key} {group.First().Rule.Name}: {group.Count()}");
        }

        if (Environment.GetEnvironmentVariable("KUBELINT_FIGURES_VERBOSE") == "1")
        {
            foreach (var finding in findings.Where(f => f.RuleId.StartsWith("KL11", StringComparison.Ordinal)))
            {
                Console.WriteLine(finding);
            }
        }

        return 0;
    }
}
