using KubeLint.Rules.Security;

namespace KubeLint.Rules.Tests.Security;

public class PrivilegeEscalationRuleTests
{
    [Test]
    public void Fires_when_not_set_to_false()
    {
        const string yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              containers:
                - name: a
                  image: app:1
                - name: b
                  image: app:1
                  securityContext:
                    allowPrivilegeEscalation: true
                - name: c
                  image: app:1
                  securityContext:
                    runAsNonRoot: true
            """;

        Assert.That(
            RuleRunner.Summaries(yaml, new PrivilegeEscalationRule()),
            Is.EqualTo(new[] { "KL6002@7:7", "KL6002@12:35", "KL6002@15:7" }));
    }

    [Test]
    public void Does_not_fire_when_false_or_privileged_and_is_off_by_default()
    {
        const string yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              containers:
                - name: a
                  image: app:1
                  securityContext: {allowPrivilegeEscalation: false}
                - name: b
                  image: app:1
                  securityContext: {privileged: true}
            """;

        Assert.That(RuleRunner.Summaries(yaml, new PrivilegeEscalationRule()), Is.Empty);
        Assert.That(PrivilegeEscalationRule.Definition.EnabledByDefault, Is.False);
    }
}
