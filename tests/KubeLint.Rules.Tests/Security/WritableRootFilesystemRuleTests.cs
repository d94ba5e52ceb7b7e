using KubeLint.Rules.Security;

namespace KubeLint.Rules.Tests.Security;

public class WritableRootFilesystemRuleTests
{
    [Test]
    public void Fires_when_read_only_root_filesystem_is_not_true()
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
                    readOnlyRootFilesystem: false
            """;

        Assert.That(RuleRunner.Summaries(yaml, new WritableRootFilesystemRule()), Is.EqualTo(new[] { "KL6006@7:7", "KL6006@12:33" }));
    }

    [Test]
    public void Does_not_fire_when_read_only_and_is_off_by_default()
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
                  securityContext: {readOnlyRootFilesystem: true}
            """;

        Assert.That(RuleRunner.Summaries(yaml, new WritableRootFilesystemRule()), Is.Empty);
        Assert.That(WritableRootFilesystemRule.Definition.EnabledByDefault, Is.False);
    }
}
