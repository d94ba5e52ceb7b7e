using KubeLint.Rules.Security;

namespace KubeLint.Rules.Tests.Security;

public class HostNamespaceRuleTests
{
    [Test]
    public void Fires_at_each_host_namespace_set_to_true()
    {
        const string yaml = """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: agent
            spec:
              selector:
                matchLabels: {app: agent}
              template:
                metadata:
                  labels: {app: agent}
                spec:
                  hostNetwork: true
                  hostPID: true
                  hostIPC: false
                  containers:
                    - name: agent
                      image: agent:1
            """;

        Assert.That(RuleRunner.Summaries(yaml, new HostNamespaceRule()), Is.EqualTo(new[] { "KL6004@12:20", "KL6004@13:16" }));
    }

    [Test]
    public void Does_not_fire_without_host_namespaces()
    {
        const string yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              hostNetwork: false
              containers:
                - name: a
                  image: app:1
            """;

        Assert.That(RuleRunner.Summaries(yaml, new HostNamespaceRule()), Is.Empty);
    }
}
