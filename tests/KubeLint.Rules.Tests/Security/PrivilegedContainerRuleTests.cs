using KubeLint.Rules.Security;

namespace KubeLint.Rules.Tests.Security;

public class PrivilegedContainerRuleTests
{
    [Test]
    public void Fires_at_the_privileged_value()
    {
        const string yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              initContainers:
                - name: init
                  image: init:1
                  securityContext: {privileged: true}
              containers:
                - name: app
                  image: app:1
                  securityContext:
                    privileged: true
            """;

        Assert.That(RuleRunner.Summaries(yaml, new PrivilegedContainerRule()), Is.EqualTo(new[] { "KL6001@9:37", "KL6001@14:21" }));
    }

    [Test]
    public void Does_not_fire_without_privileged_true()
    {
        const string yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              containers:
                - name: app
                  image: app:1
                  securityContext:
                    privileged: false
                - name: other
                  image: app:1
            """;

        Assert.That(RuleRunner.Summaries(yaml, new PrivilegedContainerRule()), Is.Empty);
    }
}
