using KubeLint.Rules.Security;

namespace KubeLint.Rules.Tests.Security;

public class RunAsRootRuleTests
{
    [Test]
    public void Fires_when_neither_run_as_non_root_nor_a_non_zero_user_is_set()
    {
        const string yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              securityContext:
                runAsUser: 0
              containers:
                - name: a
                  image: app:1
                - name: b
                  image: app:1
                  securityContext:
                    runAsUser: 1000
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: q
            spec:
              containers:
                - name: c
                  image: app:1
                  securityContext:
                    runAsNonRoot: false
            """;

        Assert.That(RuleRunner.Summaries(yaml, new RunAsRootRule()), Is.EqualTo(new[] { "KL6003@7:16", "KL6003@24:7" }));
    }

    [Test]
    public void Does_not_fire_with_run_as_non_root_at_pod_level_or_a_non_zero_user()
    {
        const string yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              securityContext:
                runAsNonRoot: true
              containers:
                - name: a
                  image: app:1
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: q
            spec:
              securityContext:
                runAsUser: 65534
              containers:
                - name: b
                  image: app:1
            """;

        Assert.That(RuleRunner.Summaries(yaml, new RunAsRootRule()), Is.Empty);
    }
}
