using KubeLint.Testing;
using Newtonsoft.Json.Linq;

namespace KubeLint.Cli.Tests;

/// <summary>Real manifests, including templates and fragments that are not valid Kubernetes: no run may crash.</summary>
public sealed class CorpusTests
{
    [Test]
    public void Real_corpus_is_linted_without_usage_errors_or_crashes()
    {
        var run = CliRun.Of(SharedPaths.Require(SharedPaths.Corpus), "--format", "json");
        Assert.That(run.Stderr, Is.Empty);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success).Or.EqualTo(ExitCodes.Findings));
        var manifests = Directory.EnumerateFiles(SharedPaths.Corpus, "*", SearchOption.AllDirectories)
            .Count(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal));
        Assert.That((int)JObject.Parse(run.Stdout)["summary"]!["files"]!, Is.EqualTo(manifests));
    }
}
