using KubeLint.Simulator.Admission.PodSecurity;
using KubeLint.Testing;

namespace KubeLint.Simulator.Tests.Admission;

/// <summary>
/// Pod Security Admission against upstream's own fixtures (staging/src/k8s.io/pod-security-admission/test/testdata:
/// per level and version, pods that must pass and pods that must fail). The fixtures are upstream data, not part of
/// this repository: the test reads them from the folder KUBELINT_PSA_FIXTURES names (a checkout's testdata folder)
/// and is skipped without it. PodSecurityFixtureTableTests re-expresses the fixture definitions those files are
/// generated from and runs on every clone; this comparison with the generated files is the additional full check.
/// </summary>
public sealed class PodSecurityFixtureTests
{
    public const string FixturesVariable = "KUBELINT_PSA_FIXTURES";

    [Test]
    public void Every_upstream_fixture_agrees()
    {
        var root = Environment.GetEnvironmentVariable(FixturesVariable);
        if (string.IsNullOrEmpty(root) || !Directory.Exists(root))
        {
            Assert.Ignore(FixturesVariable + " does not name the pod-security-admission test/testdata folder of a Kubernetes checkout");
        }

        var disagreements = new List<string>();
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(root!, "*.yaml", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            var parts = Path.GetRelativePath(root!, file).Split(Path.DirectorySeparatorChar);
            if (parts.Length != 4)
            {
                continue;
            }

            var level = parts[0] == "baseline" ? PodSecurityLevel.Baseline : PodSecurityLevel.Restricted;
            var minor = int.Parse(parts[1].Substring(3), System.Globalization.CultureInfo.InvariantCulture);
            var shouldPass = parts[2] == "pass";
            var pod = Sim.Objects(File.ReadAllText(file))[0];
            var results = PodSecurityEvaluator.Evaluate(level, minor, new PodView(pod.Spec!, pod.Annotations));
            var failed = results.Where(r => !r.Result.Allowed).Select(r => r.Id).ToList();
            count++;
            if (shouldPass != (failed.Count == 0))
            {
                disagreements.Add(string.Join("/", parts) + ": " + (shouldPass ? "failed " + string.Join(", ", failed) : "passed"));
                continue;
            }

            // A failing fixture is named after the check it exercises (capabilities_restricted1.yaml): that check fails,
            // or at restricted the check that replaces it (restrictedVolumes for hostPathVolumes).
            var check = Path.GetFileNameWithoutExtension(file).TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
            var replacements = PodSecurityEvaluator.All.Where(c => c.Versions.Any(v => v.Overrides?.Any(o => string.Equals(o, check, StringComparison.OrdinalIgnoreCase)) == true)).Select(c => c.Id);
            if (!shouldPass && !failed.Any(id => string.Equals(id, check, StringComparison.OrdinalIgnoreCase) || (level == PodSecurityLevel.Restricted && replacements.Contains(id))))
            {
                disagreements.Add(string.Join("/", parts) + ": expected " + check + " to fail, failed " + string.Join(", ", failed));
            }
        }

        TestContext.Out.WriteLine(count + " fixtures, " + disagreements.Count + " disagreements");
        Assert.That(count, Is.GreaterThan(0), "no fixture found under " + root);
        Assert.That(disagreements, Is.Empty);
    }
}
