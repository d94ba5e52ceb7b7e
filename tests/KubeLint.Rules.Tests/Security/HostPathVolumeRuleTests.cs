using KubeLint.Rules.Security;

namespace KubeLint.Rules.Tests.Security;

public class HostPathVolumeRuleTests
{
    [Test]
    public void Fires_at_the_host_path_key()
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
              volumes:
                - name: data
                  emptyDir: {}
                - name: sock
                  hostPath:
                    path: /var/run/docker.sock
            """;

        Assert.That(RuleRunner.Summaries(yaml, new HostPathVolumeRule()), Is.EqualTo(new[] { "KL6008@13:7" }));
    }

    [Test]
    public void Does_not_fire_without_host_paths_and_is_off_by_default()
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
              volumes:
                - name: data
                  emptyDir: {}
            """;

        Assert.That(RuleRunner.Summaries(yaml, new HostPathVolumeRule()), Is.Empty);
        Assert.That(HostPathVolumeRule.Definition.EnabledByDefault, Is.False);
    }
}
