using KubeLint.Analyzer.Engine;
using static KubeLint.Analyzer.Tests.Schema.SchemaTestHelper;
using static KubeLint.Analyzer.Tests.Validation.Pods.PodYaml;

namespace KubeLint.Analyzer.Tests.Validation.Pods;

/// <summary>validatePodSpecSecurityContext, ValidateSecurityContext, validateOS/validateWindows and the gated fields.</summary>
public sealed class SecurityContextValidationTests
{
    private static readonly AnalysisOptions V132 = new() { KubernetesVersion = "1.32" };

    [Test]
    public void Share_process_namespace_and_host_pid_exclude_each_other()
    {
        var yaml = Pod("hostPID: true\nshareProcessNamespace: true\n" + Container());
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1106@7:26" }));
            Assert.That(Message(yaml), Is.EqualTo("spec.securityContext.shareProcessNamespace: Invalid value: true: ShareProcessNamespace and HostPID cannot both be enabled"));
        });
    }

    [TestCase("sysctls: [{name: net.ipv4.ip_forward, value: \"1\"}]", "spec.securityContext.sysctls[0].name: Invalid value: \"net.ipv4.ip_forward\": may not be specified when 'hostNetwork' is true")]
    [TestCase("runAsUser: -1", "spec.securityContext.runAsUser: Invalid value: -1: must be between 0 and 2147483647, inclusive")]
    [TestCase("seccompProfile: {type: Localhost}", "spec.securityContext.seccompProfile.localhostProfile: Required value: must be set when seccomp type is Localhost")]
    public void Pod_security_context_fields_are_checked(string field, string message)
        => Assert.That(Message(Pod("hostNetwork: true\nsecurityContext:\n  " + field + "\n" + Container())), Is.EqualTo(message));

    [Test]
    public void Container_security_contexts_are_checked()
        => Assert.That(
            Message(Pod(Container("securityContext:\n  appArmorProfile: {type: Default}\n"))),
            Is.EqualTo("spec.containers[0].securityContext.appArmorProfile.type: Unsupported value: \"Default\": supported values: \"Localhost\", \"RuntimeDefault\", \"Unconfined\""));

    // ProcMountType is off before 1.33: a written procMount is reset to Default on create, whatever it says.
    [Test]
    public void Proc_mount_follows_its_feature_gate()
    {
        var yaml = Pod(Container("securityContext:\n  procMount: Unmasked\n"));
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml, V132), Is.Empty);
            Assert.That(Message(yaml), Is.EqualTo("spec.containers[0].securityContext.procMount: Invalid value: \"Unmasked\": `hostUsers` must be false to use `Unmasked`"));
            Assert.That(Summaries(Pod(Container("securityContext:\n  procMount: Masked\n")), V132), Is.Empty);
        });
    }

    [Test]
    public void Windows_pods_may_not_set_linux_fields()
    {
        var yaml = Pod("os: {name: windows}\nsecurityContext:\n  fsGroup: 2000\n" + Container());
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1106@8:14" }));
            Assert.That(Message(yaml), Is.EqualTo("spec.securityContext.fsGroup: Forbidden: cannot be set for a windows pod"));
            Assert.That(Message(Pod("os: {name: linux}\n" + Container("securityContext:\n  windowsOptions: {runAsUserName: u}\n"))), Is.EqualTo("spec.containers[0].securityContext.windowsOptions: Forbidden: windows options cannot be set for a linux pod"));
        });
    }
}
