using System.Diagnostics;
using System.Globalization;
using KubeLint.Fuzz;

// Fuzzing harness: the regression cases of past bugs, then seeded mutants of the fixture manifests, for a time budget.
//   dotnet run -c Release --project bench/KubeLint.Fuzz -- [--seconds N | --minutes N] [--seed N]
//       [--per-file-seconds N] [--sarif-every N] [--corpus DIR] [--failures DIR]
// .ci/run gives it 60 seconds; run it for hours locally with --minutes. Exit 1 when any case failed.
var options = FuzzOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: KubeLint.Fuzz [--seconds N | --minutes N] [--seed N] [--per-file-seconds N] [--sarif-every N] [--corpus DIR] [--failures DIR]");
    return 2;
}

var root = FuzzOptions.RepositoryRoot();
var work = Path.Combine(Path.GetTempPath(), "kubelint-fuzz-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
Directory.CreateDirectory(work);

// Runs happen in a folder of their own, so no .kubelint.yaml of the checkout applies to them.
Directory.SetCurrentDirectory(work);
var validator = Path.Combine(root, "..", "shared", "tools", "validate-sarif");
var runner = new CaseRunner(work, TimeSpan.FromSeconds(options.PerFileSeconds), File.Exists(validator) ? validator : null);
var seeds = Seeds.Load(root, options.Corpus);
var watch = Stopwatch.StartNew();
var failures = 0;
var regressions = 0;
var mutants = 0;
var runs = 0;
var sarifChecks = 0;
Console.WriteLine($"fuzz: seed {options.Seed}, {seeds.Count} seed files, budget {options.Budget.TotalSeconds:F0} s, {options.PerFileSeconds} s per file{(File.Exists(validator) ? string.Empty : ", SARIF not validated (../shared/tools/validate-sarif missing)")}");

bool RunCase(FuzzCase fuzzCase)
{
    runs++;
    sarifChecks += fuzzCase.ValidateSarif ? 1 : 0;
    List<string> problems;
    string folder;
    bool hung;
    try
    {
        problems = runner.Run(fuzzCase, out folder, out hung);
    }
    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
    {
        Console.WriteLine($"fuzz: {fuzzCase.Name}: could not be prepared: {ex.Message}");
        return true;
    }

    if (problems.Count == 0)
    {
        Cleanup.Delete(folder);
        return true;
    }

    failures++;
    var saved = Failures.Save(options.FailuresDirectory ?? Path.Combine(root, "bench", "KubeLint.Fuzz", "failures"), folder, fuzzCase, problems, options.Seed);
    Console.WriteLine($"FAIL {fuzzCase.Name}: {string.Join("; ", problems)}\n     input kept in {saved}");
    return !hung;
}

foreach (var regression in RegressionCases.All())
{
    regressions++;
    var started = watch.Elapsed;
    var passed = RunCase(regression);
    Console.WriteLine($"fuzz: regression case {regression.Name}: {(watch.Elapsed - started).TotalSeconds:F1} s");
    if (!passed)
    {
        break;
    }
}

var mutator = new Mutator(options.Seed);
var random = new Random(options.Seed);
var formats = new[] { "text", "text", "text", "json", "github", "sarif" };
while (watch.Elapsed < options.Budget)
{
    var count = 1 + random.Next(3);
    var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
    for (var i = 0; i < count; i++)
    {
        var seed = seeds[random.Next(seeds.Count)];
        files[$"m{i}{Path.GetExtension(seed.Name)}"] = mutator.Mutate(seed.Text);
    }

    mutants += count;
    var format = formats[random.Next(formats.Length)];
    var arguments = new List<string> { random.Next(2) == 0 ? "{dir}" : string.Empty };
    if (arguments[0].Length == 0)
    {
        arguments.Clear();
        arguments.AddRange(files.Keys.Select(name => "{dir}/" + name));
    }

    if (format != "text")
    {
        arguments.AddRange(["--format", format]);
    }

    if (random.Next(3) == 0)
    {
        arguments.Add("--no-simulate");
    }

    if (random.Next(5) == 0)
    {
        arguments.Add("--no-strict");
    }

    var fuzzCase = new FuzzCase
    {
        Name = $"mutant run {runs - regressions + 1}",
        Files = files,
        Arguments = [.. arguments],
        ExpectedFiles = count,
        ValidateSarif = options.SarifEvery > 0 && (runs - regressions) % options.SarifEvery == 0,
    };
    if (!RunCase(fuzzCase))
    {
        break;
    }
}

Cleanup.Delete(work);
Console.WriteLine($"fuzz: {regressions} regression cases, {mutants} mutants in {runs - regressions} runs ({sarifChecks} SARIF validations), {failures} failures, {watch.Elapsed.TotalSeconds:F0} s");
return failures == 0 ? 0 : 1;
