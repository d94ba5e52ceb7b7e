using System.Text;
using System.Text.RegularExpressions;
using KubeLint.Testing;
using Newtonsoft.Json.Linq;

namespace KubeLint.Cli.Tests.Conformance;

/// <summary>
/// Compares kubelint's verdicts with a real kube-apiserver's (v1.32, server-side dry run, strict field validation) on
/// the shared conformance manifests and on the real corpus, document by document, as
/// ../shared/tools/apiserver-agreement scores them. The disagreements that remain are listed in a reviewed file
/// beside this test; the test fails on a new one and on a listed one that is gone, so the list only ever shrinks
/// knowingly. KUBELINT_UPDATE_EXPECTED=1 rewrites the lists; review every changed line before committing them.
/// </summary>
public sealed class ApiServerConformanceTests
{
    private const string UpdateVariable = "KUBELINT_UPDATE_EXPECTED";

    // The rules whose error findings say "the API server rejects this object", exactly the scorer's set.
    private static readonly HashSet<string> RejectingRules = new(StringComparer.Ordinal)
    {
        "KL1001", "KL1002", "KL1003", "KL1004", "KL1005", "KL1006", "KL1007", "KL1008",
        "KL1101", "KL1102", "KL1103", "KL1104", "KL1105", "KL1106", "KL1107", "KL1108", "KL1110", "KL1111", "KL1112",
        "KL2001", "KL3008", "KL4001", "KL4002", "KL4003", "KL4004", "KL4006",
    };

    private static readonly Regex Separator = new(@"^---(\s.*)?$", RegexOptions.CultureInvariant);

    private static string Folder => Path.Combine(SharedPaths.RepositoryRoot, "tests", "KubeLint.Cli.Tests", "Conformance");

    [Test]
    public void Single_change_manifests_get_the_api_servers_verdicts()
    {
        var root = SharedPaths.Require(Path.Combine(SharedPaths.Conformance, "apiserver"));
        Compare(root, Path.Combine(root, "verdicts.tsv"), "apiserver-disagreements.txt");
    }

    [Test]
    public void Real_manifests_get_the_api_servers_verdicts()
    {
        var root = SharedPaths.Require(SharedPaths.Corpus);
        var verdicts = SharedPaths.Require(Path.Combine(SharedPaths.Conformance, "apiserver", "corpus-verdicts.tsv"));
        Compare(root, verdicts, "corpus-disagreements.txt");
    }

    private static void Compare(string root, string verdictsPath, string expectedName)
    {
        var report = Path.Combine(Path.GetTempPath(), $"kubelint-conformance-{Guid.NewGuid():N}.json");
        try
        {
            var run = CliRun.Of("lint", root, "--kubernetes-version", "1.32", "--no-simulate", "--format", "json", "--output", report);
            Assert.That(run.ExitCode, Is.LessThanOrEqualTo(ExitCodes.Findings), run.Stderr);
            var rejected = RejectedDocuments(root, JObject.Parse(File.ReadAllText(report)));
            var (disagreements, compared) = Disagreements(root, verdictsPath, rejected);
            TestContext.Out.WriteLine($"{compared - disagreements.Count} of {compared} documents agree ({100.0 * (compared - disagreements.Count) / Math.Max(compared, 1):F2}%); "
                + $"misses {disagreements.Count(d => d.StartsWith("miss", StringComparison.Ordinal))}, false rejections {disagreements.Count(d => d.StartsWith("false", StringComparison.Ordinal))}");

            var expectedPath = Path.Combine(Folder, expectedName);
            if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
            {
                var header = $"# Documents on which kubelint and kube-apiserver v1.32 disagree ({Path.GetFileName(verdictsPath)}); see {nameof(ApiServerConformanceTests)}.\n";
                File.WriteAllText(expectedPath, header + string.Concat(disagreements.Select(d => d + "\n")), new UTF8Encoding(false));
                Assert.Pass($"{expectedName} rewritten; review every changed line");
            }

            var expected = File.Exists(expectedPath)
                ? File.ReadAllLines(expectedPath).Where(l => l.Length > 0 && l[0] != '#').ToList()
                : [];
            var added = disagreements.Except(expected, StringComparer.Ordinal).ToList();
            var fixedOnes = expected.Except(disagreements, StringComparer.Ordinal).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(added, Is.Empty, "new disagreements with the API server (fix them, or list them in " + expectedName + " with a reason)");
                Assert.That(fixedOnes, Is.Empty, "disagreements that are gone: remove them from " + expectedName);
            });
        }
        finally
        {
            File.Delete(report);
        }
    }

    /// <summary>(file relative to root, document index) of each document with a rejecting error finding, with the rules.</summary>
    private static Dictionary<(string File, int Doc), List<string>> RejectedDocuments(string root, JObject report)
    {
        var rejected = new Dictionary<(string, int), List<string>>();
        var ranges = new Dictionary<string, List<(int Doc, int First, int Last)>>(StringComparer.Ordinal);
        foreach (var finding in report["findings"]!)
        {
            var rule = (string)finding["ruleId"]!;
            if ((string)finding["severity"]! != "error" || !RejectingRules.Contains(rule))
            {
                continue;
            }

            var path = Path.GetFullPath((string)finding["file"]!);
            if (!ranges.TryGetValue(path, out var documents))
            {
                documents = DocumentRanges(path);
                ranges[path] = documents;
            }

            var key = (Path.GetRelativePath(root, path).Replace('\\', '/'), DocumentAt(documents, (int?)finding["startLine"] ?? 1));
            if (!rejected.TryGetValue(key, out var rules))
            {
                rules = [];
                rejected[key] = rules;
            }

            rules.Add(rule);
        }

        return rejected;
    }

    private static (List<string> Disagreements, int Compared) Disagreements(
        string root, string verdictsPath, Dictionary<(string File, int Doc), List<string>> rejected)
    {
        var changed = new Dictionary<string, string>(StringComparer.Ordinal);
        var changes = Path.Combine(root, "changes.tsv");
        if (File.Exists(changes))
        {
            foreach (var row in Rows(changes))
            {
                changed[row[0]] = row.Length > 1 ? row[1] : string.Empty;
            }
        }

        var disagreements = new List<string>();
        var compared = 0;
        foreach (var row in Rows(verdictsPath))
        {
            var cells = row.Concat(Enumerable.Repeat(string.Empty, 5)).Take(5).ToArray();
            var (file, doc, objectName, verdict, message) = (cells[0], int.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture), cells[2], cells[3], cells[4]);
            var serverRejects = verdict == "rejected";
            rejected.TryGetValue((file, doc), out var rules);
            var kubelintRejects = rules is { Count: > 0 };
            var field = changed.TryGetValue(file, out var f) ? f : string.Empty;

            // The scorer's exclusions: StatefulSet templates are validated when the controller creates the pods,
            // custom resources without their definition are unknown kinds, and kubectl drops duplicate keys.
            if (!serverRejects && objectName.StartsWith("StatefulSet/", StringComparison.Ordinal)
                && (field.StartsWith("spec.template", StringComparison.Ordinal) || field.StartsWith("spec.volumeClaimTemplates", StringComparison.Ordinal)))
            {
                continue;
            }

            if (serverRejects && message.Contains("no matches for kind"))
            {
                continue;
            }

            if (!serverRejects && kubelintRejects && rules!.All(r => r == "KL1002"))
            {
                continue;
            }

            compared++;
            if (serverRejects != kubelintRejects)
            {
                disagreements.Add($"{(serverRejects ? "miss" : "false rejection")}\t{file}#{doc}\t{objectName}");
            }
        }

        disagreements.Sort(StringComparer.Ordinal);
        return (disagreements, compared);
    }

    /// <summary>The documents of a file as (index, first line, last line), split at '---' lines as the scorer does.</summary>
    private static List<(int Doc, int First, int Last)> DocumentRanges(string path)
    {
        var lines = File.ReadAllLines(path);
        if (path.EndsWith(".json", StringComparison.Ordinal))
        {
            return [(0, 1, Math.Max(1, lines.Length))];
        }

        var chunks = new List<(int First, int Last)>();
        var start = 1;
        for (var i = 1; i <= lines.Length; i++)
        {
            if (Separator.IsMatch(lines[i - 1]))
            {
                chunks.Add((start, i - 1));
                start = i + 1;
            }
        }

        chunks.Add((start, lines.Length));
        var result = new List<(int, int, int)>();
        var index = 0;
        var (a, b) = chunks[0];
        if (lines.Skip(a - 1).Take(Math.Max(0, b - a + 1)).Any(l => l.Trim().Length > 0 && !l.Trim().StartsWith('#')))
        {
            result.Add((0, a, b));
            index = 1;
        }

        foreach (var (first, last) in chunks.Skip(1))
        {
            result.Add((index++, first, last));
        }

        return result;
    }

    private static int DocumentAt(List<(int Doc, int First, int Last)> documents, int line)
    {
        foreach (var (doc, first, last) in documents)
        {
            if ((line >= first && line <= last) || line == first - 1)
            {
                return doc;
            }
        }

        return documents.Count > 0 ? documents[0].Doc : 0;
    }

    private static IEnumerable<string[]> Rows(string path)
        => File.ReadLines(path).Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t'));
}
