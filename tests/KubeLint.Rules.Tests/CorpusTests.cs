using System.Text;
using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Loading;
using KubeLint.Testing;

namespace KubeLint.Rules.Tests;

/// <summary>
/// Lints the real-world corpus with every built-in rule and compares the findings with a reviewed list, so that a new
/// false positive fails the build. Each application (the topmost folder holding manifests, with its subfolders) is one input set.
/// Set KUBELINT_UPDATE_EXPECTED=1 to rewrite the list, then review every changed line before committing it.
/// </summary>
public sealed class CorpusTests
{
    private const string UpdateVariable = "KUBELINT_UPDATE_EXPECTED";
    private const string RulesHeader = "# rules: ";

    private static string ExpectedPath => Path.Combine(SharedPaths.RepositoryRoot, "tests", "KubeLint.Rules.Tests", "corpus-expected.txt");

    [Test]
    public void Findings_over_the_real_corpus_are_the_reviewed_ones()
    {
        SharedPaths.Require(SharedPaths.Corpus);
        var actual = Lint();
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(ExpectedPath, Render(actual), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            Assert.Pass("corpus-expected.txt rewritten; review every changed line");
        }

        var expectedLines = File.ReadAllLines(ExpectedPath);
        var reviewedRules = expectedLines
            .Where(l => l.StartsWith(RulesHeader, StringComparison.Ordinal))
            .SelectMany(l => l.Substring(RulesHeader.Length).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);
        var expected = expectedLines.Where(l => l.Length > 0 && l[0] != '#').ToArray();
        var compared = actual.Where(f => reviewedRules.Contains(f.Rule)).Select(f => f.Line).ToArray();

        Assert.That(compared, Is.EqualTo(expected));
    }

    /// <summary>
    /// Lints each application as one input set, as "kubelint FOLDER" would: an application is a folder that holds
    /// manifests itself while no folder above it does, together with all its subfolders (kustomize bases, add-ons).
    /// </summary>
    private static List<(string Rule, string Line)> Lint()
    {
        var root = SharedPaths.Corpus;
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(InputResolver.IsManifestFile)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        var loader = new ManifestLoader();
        var loaded = files.ToDictionary(f => f, f => loader.Load(f, File.ReadAllBytes(Path.Combine(root, f))), StringComparer.Ordinal);
        var withManifests = files.Select(Folder).Distinct(StringComparer.Ordinal).ToList();
        var folders = withManifests.Where(f => !withManifests.Any(a => a != f && IsUnder(f, a))).OrderBy(f => f, StringComparer.Ordinal);
        var engine = new LintEngine(BuiltInRules.All);
        var ruleIds = BuiltInRules.All.Select(r => r.Descriptor.Id).ToHashSet(StringComparer.Ordinal);
        var results = new SortedSet<(string Rule, string Line)>();
        foreach (var folder in folders)
        {
            var input = new LoadResult();
            foreach (var file in files.Where(f => IsUnder(Folder(f), folder)))
            {
                input.Add(loaded[file]);
            }

            foreach (var finding in engine.Run(input.Objects, input.Findings).Where(f => ruleIds.Contains(f.RuleId)))
            {
                var start = finding.Location.Span.Start;
                results.Add((finding.RuleId, $"{finding.Location.FilePath}:{start.Line}:{start.Column} {finding.RuleId}"));
            }
        }

        return results.OrderBy(r => r.Line, StringComparer.Ordinal).ToList();
    }

    private static bool IsUnder(string folder, string ancestor) => (folder + "/").StartsWith(ancestor + "/", StringComparison.Ordinal);

    private static string Folder(string file) => Path.GetDirectoryName(file)?.Replace('\\', '/') ?? string.Empty;

    private static string Render(List<(string Rule, string Line)> findings)
    {
        var sb = new StringBuilder();
        sb.Append("# Findings of the built-in rules over ../shared/corpus/real, one input set per topmost folder holding manifests.\n");
        sb.Append("# Each line was reviewed against its manifest and is a true problem. Regenerate with\n");
        sb.Append("# KUBELINT_UPDATE_EXPECTED=1 dotnet test tests/KubeLint.Rules.Tests, then review every changed line.\n");
        sb.Append("# Only the rules listed below are compared; a rule added later is compared once it is listed.\n");
        sb.Append(RulesHeader).Append(string.Join(" ", BuiltInRules.All.Select(r => r.Descriptor.Id))).Append('\n');
        foreach (var finding in findings)
        {
            sb.Append(finding.Line).Append('\n');
        }

        return sb.ToString();
    }
}
