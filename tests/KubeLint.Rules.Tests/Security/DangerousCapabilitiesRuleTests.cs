using KubeLint.Rules.Security;

namespace KubeLint.Rules.Tests.Security;

public class DangerousCapabilitiesRuleTests
{
    [Test]
    public void Fires_at_each_dangerous_added_capability()
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
                  securityContext:
                    capabilities:
                      add: [NET_BIND_SERVICE, SYS_ADMIN, cap_net_admin]
                - name: b
                  image: app:1
                  securityContext:
                    capabilities:
                      add:
                        - ALL
            """;

        Assert.That(
            RuleRunner.Summaries(yaml, new DangerousCapabilitiesRule()),
            Is.EqualTo(new[] { "KL6007@11:35", "KL6007@11:46", "KL6007@17:15" }));
    }

    [Test]
    public void Does_not_fire_on_narrow_or_dropped_capabilities()
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
                  securityContext:
                    capabilities:
                      add: [NET_BIND_SERVICE]
                      drop: [ALL]
            """;

        Assert.That(RuleRunner.Summaries(yaml, new DangerousCapabilitiesRule()), Is.Empty);
    }
}
