using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Loading;
using KubeLint.Rules;

var errors = new List<string>();
var files = InputResolver.Resolve(args, errors);
foreach (var error in errors)
{
    Console.Error.WriteLine("kubelint: " + error);
}

if (errors.Count > 0)
{
    return 2;
}

var loader = new ManifestLoader();
var loaded = new LoadResult();
foreach (var file in files)
{
    var bytes = file == InputResolver.StandardInput ? ReadStdin() : File.ReadAllBytes(file);
    loaded.Add(loader.Load(file, bytes));
}

var findings = new LintEngine(BuiltInRules.All).Run(loaded.Objects, loaded.Findings);
foreach (var finding in findings)
{
    Console.WriteLine(finding);
}

return findings.Any(f => f.Severity == KubeLint.Analyzer.Findings.Severity.Error) ? 1 : 0;

static byte[] ReadStdin()
{
    using var stdin = Console.OpenStandardInput();
    using var buffer = new MemoryStream();
    stdin.CopyTo(buffer);
    return buffer.ToArray();
}
