using BenchmarkDotNet.Running;
using KubeLint.Benchmarks;

// Run with: dotnet run -c Release --project bench/KubeLint.Benchmarks -- --filter '*'
// Wall-clock figures of one cold process: ... -- --schema-figures
if (args is ["--schema-figures"])
{
    return SchemaFigures.Print();
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
