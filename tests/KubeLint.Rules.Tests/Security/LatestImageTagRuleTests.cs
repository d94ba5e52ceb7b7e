using KubeLint.Rules.Security;

namespace KubeLint.Rules.Tests.Security;

public class LatestImageTagRuleTests
{
    [Test]
    public void Fires_at_images_with_latest_or_no_tag()
    {
        const string yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              containers:
                - name: a
                  image: nginx
                - name: b
                  image: "registry.local:5000/team/app:latest"
                - name: c
                  image: registry.local:5000/team/app
            """;

        Assert.That(
            RuleRunner.Summaries(yaml, new LatestImageTagRule()),
            Is.EqualTo(new[] { "KL6005@8:14", "KL6005@10:14", "KL6005@12:14" }));
    }

    [Test]
    public void Does_not_fire_on_versions_or_digests()
    {
        const string yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              containers:
                - name: a
                  image: nginx:1.27
                - name: b
                  image: registry.local:5000/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                - name: c
                  image: app:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
            """;

        Assert.That(RuleRunner.Summaries(yaml, new LatestImageTagRule()), Is.Empty);
    }
}
