using static KubeLint.Analyzer.Tests.Schema.SchemaTestHelper;
using static KubeLint.Analyzer.Tests.Validation.Pods.PodYaml;

namespace KubeLint.Analyzer.Tests.Validation.Pods;

/// <summary>validateProbe and its liveness, readiness and startup variants, validateHandler and validateLifecycle.</summary>
public sealed class ProbeValidationTests
{
    private static string Probe(string kind, string body) => Pod(Container(kind + ":\n" + body));

    [Test]
    public void A_probe_needs_exactly_one_handler()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Message(Probe("livenessProbe", "  periodSeconds: 5\n")), Is.EqualTo("spec.containers[0].livenessProbe: Required value: must specify a handler type"));
            Assert.That(
                Message(Probe("startupProbe", "  tcpSocket: {port: 80}\n  exec: {command: [ls]}\n")),
                Is.EqualTo("spec.containers[0].startupProbe.tcpSocket: Forbidden: may not specify more than 1 handler type"));
        });
    }

    [TestCase("livenessProbe", "  tcpSocket: {port: 80}\n  successThreshold: 2\n", "spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1")]
    [TestCase("readinessProbe", "  tcpSocket: {port: 80}\n  terminationGracePeriodSeconds: 10\n", "spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 10: must not be set for readinessProbes")]
    [TestCase("readinessProbe", "  tcpSocket: {port: 80}\n  periodSeconds: -1\n", "spec.containers[0].readinessProbe.periodSeconds: Invalid value: -1: must be greater than or equal to 0")]
    [TestCase("livenessProbe", "  httpGet: {port: 70000}\n", "spec.containers[0].livenessProbe.httpGet.port: Invalid value: 70000: must be between 1 and 65535, inclusive")]
    [TestCase("livenessProbe", "  tcpSocket: {port: http-management-port}\n", "spec.containers[0].livenessProbe.tcpSocket.port: Invalid value: \"http-management-port\": must be no more than 15 characters")]
    [TestCase("livenessProbe", "  exec: {command: []}\n", "spec.containers[0].livenessProbe.exec.command: Required value")]
    public void Probe_fields_are_checked(string kind, string body, string message)
        => Assert.That(Message(Probe(kind, body)), Is.EqualTo(message));

    // SetDefaults_Probe: a period of 0 is Go's unset and becomes 10.
    [Test]
    public void Zero_timings_take_their_defaults()
        => Assert.That(Summaries(Probe("livenessProbe", "  tcpSocket: {port: 80}\n  periodSeconds: 0\n  successThreshold: 0\n")), Is.Empty);

    [Test]
    public void A_sleep_must_fit_in_the_grace_period()
    {
        // PodLifecycleSleepActionAllowZero is on from 1.33.
        var yaml = Pod("terminationGracePeriodSeconds: 30\n" + Container("lifecycle:\n  preStop:\n    sleep: {seconds: 0}\n"));
        var v132 = new Engine.AnalysisOptions { KubernetesVersion = "1.32" };
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml, v132), Is.EqualTo(new[] { "KL1106@12:18" }));
            Assert.That(Message(yaml, v132), Is.EqualTo("spec.containers[0].lifecycle.preStop.sleep: Invalid value: 0: must be greater than 0 and less than terminationGracePeriodSeconds (30). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep."));
            Assert.That(Summaries(yaml), Is.Empty);
            Assert.That(Message(Pod(Container("lifecycle:\n  preStop:\n    sleep: {seconds: 31}\n"))), Is.EqualTo("spec.containers[0].lifecycle.preStop.sleep: Invalid value: 31: must be non-negative and less than terminationGracePeriodSeconds (30)"));
        });
    }
}
