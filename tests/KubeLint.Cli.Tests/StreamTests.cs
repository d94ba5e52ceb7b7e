namespace KubeLint.Cli.Tests;

/// <summary>Whole runs over multi-document streams: a broken document costs nothing but itself.</summary>
public sealed class StreamTests
{
    [Test]
    public void A_syntax_error_and_the_next_documents_findings_are_both_reported()
    {
        const string stream = """
            apiVersion: v1
            kind: ConfigMap
            metadata: [unclosed
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: api}
                spec:
                  containers:
                    - name: app
                      image: nginx:1.27
            """;

        var run = CliRun.WithStdin(stream.Replace("\r\n", "\n", StringComparison.Ordinal), "-", "--no-simulate", "-f", "json");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Findings), run.Stderr);
            Assert.That(run.Stdout, Does.Contain("\"ruleId\": \"KL1001\""));
            Assert.That(run.Stdout, Does.Contain("\"ruleId\": \"KL2001\""));
            Assert.That(run.Stdout, Does.Contain("\"objects\": 1"));
        });
    }
}
