using BenchmarkDotNet.Running;
using KubeLint.Benchmarks;

// Run with: dotnet run -c Release --project bench/KubeLint.Benchmarks -- --filter '*'
// Scheduler throughput figures: dotnet run -c Release --project bench/KubeLint.Benchmarks -- --scale
if (args.Length > 0 && args[0] == "--scale")
{
    return ScaleRun.Run(Console.Out);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
