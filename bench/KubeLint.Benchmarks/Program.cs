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

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
