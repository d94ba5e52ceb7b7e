using KubeLint.Simulator.Admission.PodSecurity;

namespace KubeLint.Simulator.Tests.Admission;

/// <summary>
/// Every Pod Security check of pod-security-admission/policy at its level and around its version boundaries, with
/// upstream's messages; and the admission flow (bare pods rejected, workloads warned, their pods rejected).
/// </summary>
public sealed class PodSecurityTests
{
    private static string Evaluate(string level, int minor, string spec, string annotations = "{}")
    {
        var pod = Sim.Objects("apiVersion: v1\nkind: Pod\nmetadata: {name: p, annotations: " + annotations + "}\nspec:\n" + spec)[0];
        var results = PodSecurityEvaluator.Evaluate(level == "baseline" ? PodSecurityLevel.Baseline : PodSecurityLevel.Restricted, minor, new PodView(pod.Spec!, pod.Annotations));
        return PodSecurityEvaluator.ForbiddenDetail(results) ?? "allowed";
    }

    private const string Compliant = "  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}\n";

    private static string Container(string securityContext = "{allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}", string name = "app")
        => "  containers:\n    - {name: " + name + ", image: x, securityContext: " + securityContext + "}\n";

    [Test]
    public void A_compliant_pod_passes_restricted_at_every_version()
    {
        foreach (var minor in new[] { 0, 8, 19, 22, 25, 32, 40 })
        {
            Assert.That(Evaluate("restricted", minor, Compliant + Container()), Is.EqualTo("allowed"), "v1." + minor);
        }
    }

    [TestCase("  containers:\n    - {name: app, image: x, securityContext: {privileged: true}}\n", "privileged (container \"app\" must not set securityContext.privileged=true)")]
    [TestCase("  hostNetwork: true\n  hostIPC: true\n  containers: [{name: app, image: x}]\n", "host namespaces (hostNetwork=true, hostIPC=true)")]
    [TestCase("  containers:\n    - {name: a, image: x, ports: [{containerPort: 80, hostPort: 8080}]}\n    - {name: b, image: x, ports: [{containerPort: 80, hostPort: 80}]}\n", "hostPort (containers \"a\", \"b\" use hostPorts 80, 8080)")]
    [TestCase("  containers: [{name: app, image: x}]\n  volumes: [{name: logs, hostPath: {path: /var/log}}]\n", "hostPath volumes (volume \"logs\")")]
    [TestCase("  containers:\n    - {name: app, image: x, securityContext: {capabilities: {add: [NET_ADMIN, CHOWN, SYS_TIME]}}}\n", "non-default capabilities (container \"app\" must not include \"NET_ADMIN\", \"SYS_TIME\" in securityContext.capabilities.add)")]
    [TestCase("  containers:\n    - {name: app, image: x, securityContext: {procMount: Unmasked}}\n", "procMount (container \"app\" must not set securityContext.procMount to \"Unmasked\")")]
    [TestCase("  securityContext: {seLinuxOptions: {type: spc_t, user: root}}\n  containers: [{name: app, image: x}]\n", "seLinuxOptions (pod set forbidden securityContext.seLinuxOptions: type \"spc_t\"; user may not be set)")]
    [TestCase("  containers:\n    - {name: app, image: x, securityContext: {seccompProfile: {type: Unconfined}}}\n", "seccompProfile (container \"app\" must not set securityContext.seccompProfile.type to \"Unconfined\")")]
    [TestCase("  securityContext: {sysctls: [{name: kernel.msgmax, value: \"1\"}, {name: net.ipv4.tcp_syncookies, value: \"1\"}]}\n  containers: [{name: app, image: x}]\n", "forbidden sysctls (kernel.msgmax)")]
    [TestCase("  containers:\n    - {name: app, image: x, securityContext: {windowsOptions: {hostProcess: true}}}\n", "hostProcess (container \"app\" must not set securityContext.windowsOptions.hostProcess=true)")]
    [TestCase("  containers:\n    - {name: app, image: x, securityContext: {appArmorProfile: {type: Unconfined}}}\n", "forbidden AppArmor profile (container \"app\" must not set AppArmor profile type to \"Unconfined\")")]
    public void Baseline_checks_give_upstreams_reason_and_detail(string spec, string expected)
    {
        // policy/check_*.go: ForbiddenReason (ForbiddenDetail), aggregated by AggregateCheckResult.ForbiddenDetail.
        Assert.That(Evaluate("baseline", 32, spec), Is.EqualTo(expected));
    }

    [Test]
    public void Baseline_checks_come_first_in_id_order_then_restricted_ones()
    {
        // registry.go populate: baseline ids sorted, then restricted ids sorted; the message quoted in upstream issues.
        var spec = Container("{}", "runtime");
        Assert.That(Evaluate("restricted", 32, spec, "{}"), Is.EqualTo(
            "allowPrivilegeEscalation != false (container \"runtime\" must set securityContext.allowPrivilegeEscalation=false), "
            + "unrestricted capabilities (container \"runtime\" must set securityContext.capabilities.drop=[\"ALL\"]), "
            + "runAsNonRoot != true (pod or container \"runtime\" must set securityContext.runAsNonRoot=true), "
            + "seccompProfile (pod or container \"runtime\" must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\")"));
        Assert.That(Evaluate("restricted", 32, "  hostPID: true\n" + spec), Does.StartWith("host namespaces (hostPID=true), allowPrivilegeEscalation != false"));
    }

    [Test]
    public void Restricted_checks_start_at_their_versions()
    {
        // allowPrivilegeEscalation from 1.8, seccompProfile_restricted from 1.19, capabilities_restricted from 1.22,
        // runAsUser from 1.23; before, the baseline forms apply.
        var pod = "  securityContext: {runAsNonRoot: true, runAsUser: 0}\n  containers: [{name: app, image: x, securityContext: {capabilities: {add: [CHOWN]}}}]\n";
        Assert.That(Evaluate("restricted", 7, pod), Is.EqualTo("allowed"));
        Assert.That(Evaluate("restricted", 8, pod), Is.EqualTo("allowPrivilegeEscalation != false (container \"app\" must set securityContext.allowPrivilegeEscalation=false)"));
        Assert.That(Evaluate("restricted", 19, pod), Does.EndWith("seccompProfile (pod or container \"app\" must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\")"));
        Assert.That(Evaluate("restricted", 21, pod), Does.Not.Contain("unrestricted capabilities"));
        Assert.That(Evaluate("restricted", 22, pod), Does.Contain("unrestricted capabilities (container \"app\" must set securityContext.capabilities.drop=[\"ALL\"]; container \"app\" must not include \"CHOWN\" in securityContext.capabilities.add)"));
        Assert.That(Evaluate("restricted", 22, pod), Does.Not.Contain("runAsUser=0"));
        Assert.That(Evaluate("restricted", 23, pod), Does.Contain("runAsUser=0 (pod must not set runAsUser=0)"));
    }

    [Test]
    public void Windows_pods_skip_three_restricted_checks_since_1_25()
    {
        // check_allowPrivilegeEscalation / capabilities_restricted / seccompProfile_restricted _1_25: spec.os.name windows.
        var pod = "  os: {name: windows}\n  securityContext: {runAsNonRoot: true}\n  containers: [{name: app, image: x}]\n";
        Assert.That(Evaluate("restricted", 25, pod), Is.EqualTo("allowed"));
        Assert.That(Evaluate("restricted", 24, pod), Does.StartWith("allowPrivilegeEscalation != false"));
    }

    [TestCase(30, "seLinuxOptions (container \"app\" set forbidden securityContext.seLinuxOptions: type \"container_engine_t\")")]
    [TestCase(31, "allowed")]
    public void Container_engine_t_is_allowed_since_1_31(int minor, string expected)
        => Assert.That(Evaluate("baseline", minor, Container("{seLinuxOptions: {type: container_engine_t}}")), Is.EqualTo(expected));

    [TestCase("net.ipv4.ip_local_reserved_ports", 26, false)]
    [TestCase("net.ipv4.ip_local_reserved_ports", 27, true)]
    [TestCase("net.ipv4.tcp_keepalive_time", 28, false)]
    [TestCase("net.ipv4.tcp_keepalive_time", 29, true)]
    [TestCase("net.ipv4.tcp_rmem", 31, false)]
    [TestCase("net.ipv4.tcp_rmem", 32, true)]
    [TestCase("net.ipv4.tcp_rmem", 35, true)]
    public void Safe_sysctls_grow_by_version(string sysctl, int minor, bool allowed)
    {
        var pod = "  securityContext: {sysctls: [{name: " + sysctl + ", value: \"1\"}]}\n  containers: [{name: app, image: x}]\n";
        Assert.That(Evaluate("baseline", minor, pod), Is.EqualTo(allowed ? "allowed" : "forbidden sysctls (" + sysctl + ")"));
    }

    [Test]
    public void Seccomp_annotations_before_1_19_and_fields_after()
    {
        const string annotations = "{seccomp.security.alpha.kubernetes.io/pod: unconfined}";
        Assert.That(Evaluate("baseline", 18, "  containers: [{name: app, image: x}]\n", annotations), Is.EqualTo("seccompProfile (forbidden annotation seccomp.security.alpha.kubernetes.io/pod=\"unconfined\")"));
        Assert.That(Evaluate("baseline", 19, "  containers: [{name: app, image: x}]\n", annotations), Is.EqualTo("allowed"));
    }

    [Test]
    public void Restricted_volumes_replace_the_host_path_check()
    {
        // check_restrictedVolumes.go overrides hostPathVolumes; a volume without a source defaults to emptyDir.
        var pod = Compliant + Container() + "  volumes: [{name: logs, hostPath: {path: /var/log}}, {name: share, nfs: {server: s, path: /}}, {name: scratch}]\n";
        Assert.That(Evaluate("restricted", 32, pod), Is.EqualTo("restricted volume types (volumes \"logs\", \"share\" use restricted volume types \"hostPath\", \"nfs\")"));
    }

    private const string RestrictedNamespace = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: secure
          labels: {pod-security.kubernetes.io/enforce: restricted}
        ---

        """;

    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: secure}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
                - name: app
                  image: app:1
                  securityContext: {privileged: true}
        """;

    [Test]
    public void A_workload_is_warned_at_apply_and_its_pods_are_rejected()
    {
        // admission.go: ValidatePodController evaluates the warn level (which follows an unset warn label to the
        // enforce level) and never rejects; the pods the ReplicaSet controller creates meet the enforce level.
        var result = Sim.Run(RestrictedNamespace + Deployment);
        var admission = result.Admission.Single(a => a.Object == "Deployment/secure/web");
        Assert.That(admission.Outcome, Is.EqualTo("warning"));
        Assert.That(admission.Message, Does.StartWith("would violate PodSecurity \"restricted:latest\": privileged (container \"app\" must not set securityContext.privileged=true), allowPrivilegeEscalation != false"));
        var pods = result.Pods.Single();
        Assert.That((pods.Count, pods.Node), Is.EqualTo((2L, (string?)null)));
        Assert.That(pods.Admission, Does.Match("^pods \"web-[a-z0-9]+-0\" is forbidden: violates PodSecurity \"restricted:latest\": privileged "));

        // Findings at the offending field: the warning and the rejection of the pods, both at securityContext.privileged.
        Assert.That(Sim.Summaries(RestrictedNamespace + Deployment), Is.EqualTo(new[] { "KL5005@19:41", "KL5006@19:41" }));
    }

    [Test]
    public void A_bare_pod_is_rejected()
    {
        const string pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: debug, namespace: secure}\nspec:\n  hostNetwork: true\n  containers: [{name: app, image: x}]\n";
        var result = Sim.Run(RestrictedNamespace.Replace("restricted}", "baseline}") + pod);
        Assert.That(result.Pods, Is.Empty);
        Assert.That(result.Admission.Single(a => a.Object == "Pod/secure/debug").Message, Is.EqualTo("pods \"debug\" is forbidden: violates PodSecurity \"baseline:latest\": host namespaces (hostNetwork=true)"));
    }

    [Test]
    public void Warn_label_and_versions_are_read_as_upstream()
    {
        // api.PolicyToEvaluate: warn on its own label and version; an invalid enforce level enforces restricted.
        var warnOnly = RestrictedNamespace.Replace("{pod-security.kubernetes.io/enforce: restricted}", "{pod-security.kubernetes.io/warn: baseline, pod-security.kubernetes.io/warn-version: v1.30}");
        var warned = Sim.Run(warnOnly + Deployment);
        Assert.That(warned.Admission.Single(a => a.Object == "Deployment/secure/web").Message, Is.EqualTo("would violate PodSecurity \"baseline:v1.30\": privileged (container \"app\" must not set securityContext.privileged=true)"));
        Assert.That(warned.Pods.Select(p => p.Node is not null ? p.Count : 0).Sum(), Is.EqualTo(2));
        var invalid = Sim.Run(RestrictedNamespace.Replace("enforce: restricted", "enforce: strict") + Deployment);
        Assert.That(invalid.Pods.Single().Admission, Does.Contain("violates PodSecurity \"restricted:latest\""));
    }
}
