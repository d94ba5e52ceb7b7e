using System.Text.Json.Nodes;
using KubeLint.Simulator.Admission.PodSecurity;

namespace KubeLint.Simulator.Tests.Admission;

/// <summary>
/// Pod Security Admission against upstream's fixture definitions, re-expressed as a table
/// (staging/src/k8s.io/pod-security-admission/test: fixtures.go for the minimal valid pod of each level and
/// version, fixtures_&lt;check&gt;.go for each check's pass and fail variants of it, run.go checksForLevelAndVersion and
/// fixtures_test.go for which checks apply). For baseline and restricted at every version from 1.0 to 1.32, the
/// minimal pod passes, each pass variant passes and each fail variant is denied by its check (at restricted, or the
/// check that overrides it) with the check's expected error text. Pods are built as JSON, which the manifest reader
/// reads as YAML, and changed with tweaks as upstream's tweak(pod, func) does.
/// </summary>
public sealed class PodSecurityFixtureTableTests
{
    private const int NewestMinorToTest = 32;

    /// <summary>podOSBasedRestrictionEnabledVersion: from here on the Linux and Windows minimal pods are fixtures too.</summary>
    private const int OsFixturesFrom = 29;

    private const string SeccompPodAnnotation = "seccomp.security.alpha.kubernetes.io/pod";
    private const string SeccompContainerAnnotation = "container.seccomp.security.alpha.kubernetes.io/";
    private const string AppArmorContainerAnnotation = "container.apparmor.security.beta.kubernetes.io/";

    private static readonly string[] AllowedBaselineCapabilities = ["AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT"];

    private static readonly string[] EveryCapabilityByName =
    [
        "SYS_TIME", "SYS_MODULE", "SYS_RAWIO", "SYS_PACCT", "SYS_ADMIN", "SYS_NICE", "SYS_RESOURCE", "SYS_TIME", "SYS_TTY_CONFIG", "MKNOD", "AUDIT_WRITE",
        "AUDIT_CONTROL", "MAC_OVERRIDE", "MAC_ADMIN", "NET_ADMIN", "SYSLOG", "CHOWN", "NET_RAW", "DAC_OVERRIDE", "FOWNER", "DAC_READ_SEARCH", "FSETID",
        "KILL", "SETGID", "SETUID", "LINUX_IMMUTABLE", "NET_BIND_SERVICE", "NET_BROADCAST", "IPC_LOCK", "IPC_OWNER", "SYS_CHROOT", "SYS_PTRACE",
        "SYS_BOOT", "LEASE", "SETFCAP", "WAKE_ALARM", "BLOCK_SUSPEND",
    ];

    private static readonly string[] SafeSysctls1_0 = ["kernel.shm_rmid_forced=0", "net.ipv4.ip_local_port_range=1024 65535", "net.ipv4.tcp_syncookies=0", "net.ipv4.ping_group_range=1 0", "net.ipv4.ip_unprivileged_port_start=1024"];

    /// <summary>The restricted volume types each fail variant of restrictedVolumes uses, with a source of that type.</summary>
    private static readonly string[] RestrictedVolumeSources =
    [
        """{"gcePersistentDisk": {"pdName": "test"}}""",
        """{"awsElasticBlockStore": {"volumeID": "test"}}""",
        """{"gitRepo": {"repository": "github.com/kubernetes/kubernetes"}}""",
        """{"nfs": {"server": "test", "path": "/test"}}""",
        """{"iscsi": {"targetPortal": "test", "iqn": "iqn.2001-04.com.example:storage.kube.sys1.xyz", "lun": 0}}""",
        """{"glusterfs": {"path": "test", "endpoints": "test"}}""",
        """{"rbd": {"monitors": ["test"], "image": "test"}}""",
        """{"flexVolume": {"driver": "test"}}""",
        """{"cinder": {"volumeID": "test"}}""",
        """{"cephfs": {"monitors": ["test"]}}""",
        """{"flocker": {"datasetName": "test"}}""",
        """{"fc": {"wwids": ["test"]}}""",
        """{"azureFile": {"secretName": "test", "shareName": "test"}}""",
        """{"vsphereVolume": {"volumePath": "test"}}""",
        """{"quobyte": {"registry": "localhost:1234", "volume": "test"}}""",
        """{"azureDisk": {"diskName": "test", "diskURI": "https://test.blob.core.windows.net/test/test.vhd"}}""",
        """{"portworxVolume": {"volumeID": "test", "fsType": "ext4"}}""",
        """{"scaleIO": {"volumeName": "test", "gateway": "localhost", "system": "test"}}""",
        """{"storageos": {"volumeName": "test"}}""",
        """{"hostPath": {"path": "/dev/null"}}""",
    ];

    private static readonly IReadOnlyList<Generator> Generators = CreateGenerators();

    private static IEnumerable<TestCaseData> LevelsAndVersions()
    {
        foreach (var level in new[] { PodSecurityLevel.Baseline, PodSecurityLevel.Restricted })
        {
            for (var minor = 0; minor <= NewestMinorToTest; minor++)
            {
                yield return new TestCaseData(level, minor).SetName($"Upstream fixtures of {level.ToString().ToLowerInvariant()} v1.{minor}");
            }
        }
    }

    [TestCaseSource(nameof(LevelsAndVersions))]
    public void Every_check_agrees_with_its_pass_and_fail_fixtures(PodSecurityLevel level, int minor)
    {
        var problems = new List<string>();
        var minimal = MinimalValidPod(level, minor, os: null);
        Expect(problems, "base", level, minor, minimal, pass: true, check: null, substring: null);
        if (level == PodSecurityLevel.Restricted && minor >= OsFixturesFrom)
        {
            Expect(problems, "base_linux", level, minor, MinimalValidPod(level, minor, "linux"), pass: true, check: null, substring: null);
            Expect(problems, "base_windows", level, minor, MinimalValidPod(level, minor, "windows"), pass: true, check: null, substring: null);
        }

        var checks = Generators.Where(g => g.From <= minor && (g.Level == level || level == PodSecurityLevel.Restricted)).Select(g => g.Check).Distinct(StringComparer.Ordinal).ToList();
        Assert.That(checks, Is.Not.Empty);
        var fixtures = 0;
        foreach (var check in checks)
        {
            // getFixtures: the generator registered at the newest version not after this one.
            var generator = Generators.Where(g => g.Check == check && g.From <= minor).MaxBy(g => g.From)!;
            var pass = generator.Pass(minimal.DeepClone().AsObject()).ToList();
            var fail = generator.Fail(minimal.DeepClone().AsObject()).ToList();
            Assert.That(fail, Is.Not.Empty, check + " has no fail fixture");
            for (var i = 0; i < pass.Count; i++)
            {
                Expect(problems, check + i, level, minor, pass[i], pass: true, check, generator.ErrorSubstring ?? check);
            }

            for (var i = 0; i < fail.Count; i++)
            {
                Expect(problems, check + i, level, minor, fail[i], pass: false, check, generator.ErrorSubstring ?? check);
            }

            fixtures += pass.Count + fail.Count;
        }

        TestContext.Out.WriteLine($"{checks.Count} checks, {fixtures} fixtures");
        Assert.That(problems, Is.Empty);
    }

    private static void Expect(List<string> problems, string name, PodSecurityLevel level, int minor, JsonObject pod, bool pass, string? check, string? substring)
    {
        var obj = Sim.Objects(pod.ToJsonString())[0];
        var results = PodSecurityEvaluator.Evaluate(level, minor, new PodView(obj.Spec!, obj.Annotations));
        var failed = results.Where(r => !r.Result.Allowed).Select(r => r.Id).ToList();
        var where = (pass ? "pass/" : "fail/") + name;
        if (pass)
        {
            if (failed.Count > 0)
            {
                problems.Add(where + ": denied by " + string.Join(", ", failed));
            }

            return;
        }

        // At restricted a baseline check may be overridden by a restricted one (hostPathVolumes by restrictedVolumes).
        var overriding = PodSecurityEvaluator.All.Where(c => c.Versions.Any(v => v.Overrides?.Contains(check!, StringComparer.Ordinal) == true)).Select(c => c.Id);
        var detail = PodSecurityEvaluator.ForbiddenDetail(results) ?? string.Empty;
        if (!failed.Contains(check!, StringComparer.Ordinal) && !(level == PodSecurityLevel.Restricted && failed.Intersect(overriding, StringComparer.Ordinal).Any()))
        {
            problems.Add(where + ": expected " + check + " to deny it, denied by " + (failed.Count == 0 ? "nothing" : string.Join(", ", failed)));
        }
        else if (!detail.Contains(substring!, StringComparison.Ordinal))
        {
            problems.Add(where + ": the message \"" + detail + "\" does not contain \"" + substring + "\"");
        }
    }

    /// <summary>GetMinimalValidPod / GetMinimalValidLinuxPod / GetMinimalValidWindowsPod (fixtures.go init).</summary>
    private static JsonObject MinimalValidPod(PodSecurityLevel level, int minor, string? os)
    {
        var pod = JsonNode.Parse("""
            {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "test"},
             "spec": {"initContainers": [{"name": "initcontainer1", "image": "registry.k8s.io/pause"}],
                      "containers": [{"name": "container1", "image": "registry.k8s.io/pause"}]}}
            """)!.AsObject();
        if (level == PodSecurityLevel.Baseline)
        {
            return pod;
        }

        Spec(pod)["securityContext"] = new JsonObject { ["runAsNonRoot"] = true };
        var windowsFrom25 = os == "windows" && minor >= 25;
        if (minor >= 8 && !windowsFrom25)
        {
            foreach (var container in new[] { Container(pod), Init(pod) })
            {
                container["securityContext"] = new JsonObject { ["allowPrivilegeEscalation"] = false };
            }
        }

        if (minor >= 19 && !windowsFrom25)
        {
            PodContext(pod)["seccompProfile"] = new JsonObject { ["type"] = "RuntimeDefault" };
        }

        if (minor >= 22 && !windowsFrom25)
        {
            foreach (var container in new[] { Container(pod), Init(pod) })
            {
                Context(container)["capabilities"] = new JsonObject { ["drop"] = new JsonArray("ALL") };
            }
        }

        if (os is not null)
        {
            Spec(pod)["os"] = new JsonObject { ["name"] = os };
        }

        return pod;
    }

    private static List<Generator> CreateGenerators()
    {
        var baseline = PodSecurityLevel.Baseline;
        var restricted = PodSecurityLevel.Restricted;
        return
        [
            // fixtures_allowPrivilegeEscalation.go
            new("allowPrivilegeEscalation", restricted, 8, null, _ => [], p =>
            [
                Tweak(p, q => Context(Container(q))["allowPrivilegeEscalation"] = true),
                Tweak(p, q => Context(Init(q))["allowPrivilegeEscalation"] = true),
                Tweak(p, q => Context(Container(q)).Remove("allowPrivilegeEscalation")),
                Tweak(p, q => Container(q).Remove("securityContext")),
            ]),

            // fixtures_appArmorProfile.go (its pass variant names the app container twice, as upstream's does)
            new("appArmorProfile", baseline, 0, "forbidden AppArmor profile", p =>
            [
                Tweak(p, q =>
                {
                    Annotations(q)[AppArmorContainerAnnotation + "container1"] = "runtime/default";
                    Annotations(q)[AppArmorContainerAnnotation + "container1"] = "localhost/foo";
                }),
            ], p =>
            [
                Tweak(p, q => Annotations(q)[AppArmorContainerAnnotation + "container1"] = "unconfined"),
                Tweak(p, q => Annotations(q)[AppArmorContainerAnnotation + "initcontainer1"] = "unconfined"),
            ]),

            // fixtures_capabilities_baseline.go
            new("capabilities_baseline", baseline, 0, "capabilities", p => DropsAll(p) ? [] :
            [
                Tweak(p, q =>
                {
                    Capabilities(Container(q))["add"] = Strings(AllowedBaselineCapabilities);
                    Capabilities(Init(q))["add"] = Strings(AllowedBaselineCapabilities);
                }),
            ], p =>
            [
                Tweak(p, q => Capabilities(Container(q))["add"] = Strings("NET_RAW")),
                Tweak(p, q => Capabilities(Init(q))["add"] = Strings("NET_RAW")),
                Tweak(p, q => Capabilities(Container(q))["add"] = Strings("chown")),
                Tweak(p, q => Capabilities(Container(q))["add"] = Strings("CAP_CHOWN")),
            ]),

            // fixtures_capabilities_restricted.go
            new("capabilities_restricted", restricted, 22, "unrestricted capabilities", p =>
            [
                Tweak(p, q =>
                {
                    foreach (var container in new[] { Container(q), Init(q) })
                    {
                        Capabilities(container)["drop"] = Strings("ALL");
                        Capabilities(container)["add"] = Strings("NET_BIND_SERVICE");
                    }
                }),
            ], p =>
            [
                Tweak(p, q => Capabilities(Container(q)).Remove("drop")),
                Tweak(p, q => Capabilities(Init(q)).Remove("drop")),
                Tweak(p, q =>
                {
                    Capabilities(Container(q))["drop"] = Strings(EveryCapabilityByName);
                    Capabilities(Init(q))["drop"] = Strings(EveryCapabilityByName);
                }),
                Tweak(p, q =>
                {
                    foreach (var container in new[] { Container(q), Init(q) })
                    {
                        Capabilities(container)["drop"] = Strings("ALL");
                        Capabilities(container)["add"] = Strings(AllowedBaselineCapabilities);
                    }
                }),
            ]),

            // fixtures_hostNamespaces.go
            new("hostNamespaces", baseline, 0, "host namespaces", _ => [], p =>
            [
                Tweak(p, q => Spec(q)["hostIPC"] = true),
                Tweak(p, q => Spec(q)["hostNetwork"] = true),
                Tweak(p, q => Spec(q)["hostPID"] = true),
            ]),

            // fixtures_hostPathVolumes.go
            new("hostPathVolumes", baseline, 0, "hostPath", _ => [], p =>
            [
                Tweak(p, q => Spec(q)["volumes"] = Json("""[{"name": "volume-emptydir", "emptyDir": {}}, {"name": "volume-hostpath", "hostPath": {"path": "/a"}}]""")),
                Tweak(p, q => Spec(q)["volumes"] = Json("""[{"name": "volume-hostpath-a", "hostPath": {"path": "/a"}}, {"name": "volume-hostpath-b", "hostPath": {"path": "/b"}}]""")),
            ]),

            // fixtures_hostPorts.go
            new("hostPorts", baseline, 0, "hostPort", p =>
            [
                Tweak(p, q =>
                {
                    Container(q)["ports"] = Json("""[{"containerPort": 12345}]""");
                    Init(q)["ports"] = Json("""[{"containerPort": 12346}]""");
                }),
            ], p =>
            [
                Tweak(p, q => Container(q)["ports"] = Json("""[{"containerPort": 12345, "hostPort": 12345}]""")),
                Tweak(p, q => Init(q)["ports"] = Json("""[{"containerPort": 12346, "hostPort": 12346}]""")),
                Tweak(p, q =>
                {
                    Container(q)["ports"] = Json("""[{"containerPort": 12345, "hostPort": 12345}, {"containerPort": 12347}]""");
                    Init(q)["ports"] = Json("""[{"containerPort": 12346, "hostPort": 12346}, {"containerPort": 12348}]""");
                }),
            ]),

            // fixtures_privileged.go
            new("privileged", baseline, 0, null, p =>
            [
                Tweak(p, q =>
                {
                    Context(Container(q))["privileged"] = false;
                    Context(Init(q))["privileged"] = false;
                }),
            ], p =>
            [
                Tweak(p, q =>
                {
                    Context(Container(q))["privileged"] = true;
                    Context(Container(q)).Remove("allowPrivilegeEscalation");
                }),
                Tweak(p, q =>
                {
                    Context(Init(q))["privileged"] = true;
                    Context(Init(q)).Remove("allowPrivilegeEscalation");
                }),
            ]),

            // fixtures_procMount.go
            new("procMount", baseline, 0, "procMount", p =>
            [
                Tweak(p, q =>
                {
                    Context(Container(q))["procMount"] = "Default";
                    Context(Init(q))["procMount"] = "Default";
                    Spec(q)["hostUsers"] = false;
                }),
            ], p =>
            [
                Tweak(p, q =>
                {
                    Context(Container(q))["procMount"] = "Unmasked";
                    Spec(q)["hostUsers"] = false;
                }),
                Tweak(p, q =>
                {
                    Context(Init(q))["procMount"] = "Unmasked";
                    Spec(q)["hostUsers"] = false;
                }),
            ]),

            // fixtures_restrictedVolumes.go
            new("restrictedVolumes", restricted, 0, "restricted volume types", p =>
            [
                Tweak(p, q => Spec(q)["volumes"] = Json("""
                    [{"name": "volume0"}, {"name": "volume1", "emptyDir": {}}, {"name": "volume2", "secret": {"secretName": "test"}},
                     {"name": "volume3", "persistentVolumeClaim": {"claimName": "test"}},
                     {"name": "volume4", "downwardAPI": {"items": [{"path": "labels", "fieldRef": {"fieldPath": "metadata.labels"}}]}},
                     {"name": "volume5", "configMap": {"name": "test"}}, {"name": "volume6", "projected": {"sources": []}}]
                    """)),
            ], p => RestrictedVolumeSources.Select(source => Tweak(p, q =>
            {
                var volume = Json(source).AsObject();
                volume["name"] = "volume1";
                Spec(q)["volumes"] = new JsonArray(volume);
            })).ToList()),

            // fixtures_runAsNonRoot.go
            new("runAsNonRoot", restricted, 0, null, p =>
            [
                Tweak(p, q =>
                {
                    PodContext(q)["runAsNonRoot"] = true;
                    Context(Container(q)).Remove("runAsNonRoot");
                    Context(Init(q)).Remove("runAsNonRoot");
                }),
                Tweak(p, q =>
                {
                    PodContext(q).Remove("runAsNonRoot");
                    Context(Container(q))["runAsNonRoot"] = true;
                    Context(Init(q))["runAsNonRoot"] = true;
                }),
            ], p =>
            [
                Tweak(p, q =>
                {
                    PodContext(q).Remove("runAsNonRoot");
                    Context(Container(q)).Remove("runAsNonRoot");
                    Context(Init(q)).Remove("runAsNonRoot");
                }),
                Tweak(p, q => PodContext(q)["runAsNonRoot"] = false),
                Tweak(p, q => Context(Container(q))["runAsNonRoot"] = false),
                Tweak(p, q => Context(Init(q))["runAsNonRoot"] = false),
            ]),

            // fixtures_runAsUser.go
            new("runAsUser", restricted, 23, null, p =>
            [
                Tweak(p, q =>
                {
                    PodContext(q)["runAsUser"] = 1000;
                    Context(Container(q))["runAsUser"] = 1000;
                    Context(Init(q))["runAsUser"] = 1000;
                }),
            ], p =>
            [
                Tweak(p, q => PodContext(q)["runAsUser"] = 0),
                Tweak(p, q => Context(Container(q))["runAsUser"] = 0),
                Tweak(p, q => Context(Init(q))["runAsUser"] = 0),
            ]),

            // fixtures_seLinuxOptions.go
            new("seLinuxOptions", baseline, 0, "seLinuxOptions", p =>
            [
                Tweak(p, q =>
                {
                    EnsureSeLinuxOptions(q);
                    PodContext(q).Remove("seLinuxOptions");
                    Context(Container(q)).Remove("seLinuxOptions");
                    Context(Init(q))["seLinuxOptions"] = new JsonObject();
                }),
                Tweak(p, q =>
                {
                    EnsureSeLinuxOptions(q);
                    SeLinux(PodContext(q))["type"] = "container_t";
                    SeLinux(Context(Container(q)))["type"] = "container_init_t";
                    SeLinux(Context(Init(q)))["type"] = "container_kvm_t";
                    SeLinux(Context(Container(q)))["level"] = "somevalue";
                }),
            ], p =>
            [
                Tweak(p, q => SeLinux(PodContext(q))["type"] = "somevalue"),
                Tweak(p, q => SeLinux(Context(Container(q)))["type"] = "somevalue"),
                Tweak(p, q => SeLinux(Context(Init(q)))["type"] = "somevalue"),
                Tweak(p, q => SeLinux(PodContext(q))["user"] = "somevalue"),
                Tweak(p, q => SeLinux(PodContext(q))["role"] = "somevalue"),
            ]),

            // fixtures_seccompProfile_baseline.go, 1.0 (annotations) and 1.19 (fields)
            new("seccompProfile_baseline", baseline, 0, "seccompProfile", p => Annotations(p)[SeccompPodAnnotation]?.GetValue<string>() == "runtime/default" ? [] :
            [
                Tweak(p, q =>
                {
                    Annotations(q)[SeccompPodAnnotation] = "runtime/default";
                    Annotations(q)[SeccompContainerAnnotation + "container1"] = "localhost/testing";
                }),
            ], p =>
            [
                Tweak(p, q => Annotations(q)[SeccompPodAnnotation] = "unconfined"),
                Tweak(p, q => Annotations(q)[SeccompContainerAnnotation + "container1"] = "unconfined"),
                Tweak(p, q => Annotations(q)[SeccompContainerAnnotation + "initcontainer1"] = "unconfined"),
            ]),
            new("seccompProfile_baseline", baseline, 19, "seccompProfile", p => PodContext(p)["seccompProfile"]?["type"]?.GetValue<string>() == "RuntimeDefault" ? [] :
            [
                Tweak(p, q =>
                {
                    PodContext(q)["seccompProfile"] = Seccomp("RuntimeDefault");
                    Context(Container(q))["seccompProfile"] = Seccomp("RuntimeDefault");
                }),
            ], p =>
            [
                Tweak(p, q => PodContext(q)["seccompProfile"] = Seccomp("Unconfined")),
                Tweak(p, q => Context(Container(q))["seccompProfile"] = Seccomp("Unconfined")),
                Tweak(p, q => Context(Init(q))["seccompProfile"] = Seccomp("Unconfined")),
            ]),

            // fixtures_seccompProfile_restricted.go
            new("seccompProfile_restricted", restricted, 19, "seccompProfile", p =>
            [
                Tweak(p, q => PodContext(q)["seccompProfile"] = Seccomp("RuntimeDefault")),
                Tweak(p, q => PodContext(q)["seccompProfile"] = Seccomp("Localhost")),
                Tweak(p, q =>
                {
                    PodContext(q).Remove("seccompProfile");
                    Context(Container(q))["seccompProfile"] = Seccomp("RuntimeDefault");
                    Context(Init(q))["seccompProfile"] = Seccomp("Localhost");
                }),
            ], p =>
            [
                Tweak(p, q => PodContext(q).Remove("seccompProfile")),
                Tweak(p, q => PodContext(q)["seccompProfile"] = Seccomp("Unconfined")),
                Tweak(p, q =>
                {
                    PodContext(q).Remove("seccompProfile");
                    Context(Container(q))["seccompProfile"] = Seccomp("RuntimeDefault");
                }),
                Tweak(p, q =>
                {
                    PodContext(q).Remove("seccompProfile");
                    Context(Init(q))["seccompProfile"] = Seccomp("RuntimeDefault");
                }),
                Tweak(p, q =>
                {
                    PodContext(q).Remove("seccompProfile");
                    Context(Container(q))["seccompProfile"] = Seccomp("RuntimeDefault");
                    Context(Init(q))["seccompProfile"] = Seccomp("Unconfined");
                }),
            ]),

            // fixtures_sysctls.go, 1.0, 1.27, 1.29 and 1.32: the safe set grew each time
            Sysctls(0, SafeSysctls1_0),
            Sysctls(27, [.. SafeSysctls1_0, "net.ipv4.ip_local_reserved_ports=1024-4999"]),
            Sysctls(29, [.. SafeSysctls1_0, "net.ipv4.ip_local_reserved_ports=1024-4999", "net.ipv4.tcp_keepalive_time=7200", "net.ipv4.tcp_fin_timeout=60", "net.ipv4.tcp_keepalive_intvl=75", "net.ipv4.tcp_keepalive_probes=9"]),
            Sysctls(32, ["net.ipv4.tcp_rmem=4096 87380 16777216", "net.ipv4.tcp_wmem=4096 65536 16777216"]),

            // fixtures_windowsHostProcess.go
            new("windowsHostProcess", baseline, 0, "hostProcess", _ => [], p =>
            [
                Tweak(p, q =>
                {
                    Spec(q)["hostNetwork"] = true;
                    Windows(PodContext(q))["hostProcess"] = true;
                }),
                Tweak(p, q =>
                {
                    Spec(q)["hostNetwork"] = true;
                    Windows(Context(Container(q)))["hostProcess"] = true;
                    Windows(Context(Init(q)))["hostProcess"] = true;
                }),
            ]),
        ];
    }

    private static Generator Sysctls(int from, string[] safe)
        => new("sysctls", PodSecurityLevel.Baseline, from, "forbidden sysctl", p =>
        [
            Tweak(p, q => PodContext(q).Remove("sysctls")),
            Tweak(p, q => PodContext(q)["sysctls"] = new JsonArray([.. safe.Select(s => (JsonNode)new JsonObject { ["name"] = s[..s.IndexOf('=')], ["value"] = s[(s.IndexOf('=') + 1)..] })])),
        ], p =>
        [
            Tweak(p, q => PodContext(q)["sysctls"] = Json("""[{"name": "othersysctl", "value": "other"}]""")),
        ]);

    /// <summary>tweak: a deep copy of the pod with the change applied.</summary>
    private static JsonObject Tweak(JsonObject pod, Action<JsonObject> change)
    {
        var copy = pod.DeepClone().AsObject();
        change(copy);
        return copy;
    }

    private static JsonObject Spec(JsonObject pod) => pod["spec"]!.AsObject();

    private static JsonObject Container(JsonObject pod) => Spec(pod)["containers"]![0]!.AsObject();

    private static JsonObject Init(JsonObject pod) => Spec(pod)["initContainers"]![0]!.AsObject();

    private static JsonObject Annotations(JsonObject pod) => Child(pod["metadata"]!.AsObject(), "annotations");

    /// <summary>The pod's securityContext, created when absent (ensureSecurityContext).</summary>
    private static JsonObject PodContext(JsonObject pod) => Child(Spec(pod), "securityContext");

    /// <summary>A container's securityContext, created when absent (ensureSecurityContext).</summary>
    private static JsonObject Context(JsonObject container) => Child(container, "securityContext");

    /// <summary>ensureCapabilities: the container's securityContext.capabilities, created when absent.</summary>
    private static JsonObject Capabilities(JsonObject container) => Child(Context(container), "capabilities");

    private static JsonObject SeLinux(JsonObject context) => Child(context, "seLinuxOptions");

    private static JsonObject Windows(JsonObject context) => Child(context, "windowsOptions");

    private static void EnsureSeLinuxOptions(JsonObject pod)
    {
        SeLinux(PodContext(pod));
        SeLinux(Context(Container(pod)));
        SeLinux(Context(Init(pod)));
    }

    private static bool DropsAll(JsonObject pod)
        => Container(pod)["securityContext"]?["capabilities"]?["drop"] is JsonArray drop && drop.Any(d => d?.GetValue<string>() == "ALL");

    private static JsonObject Seccomp(string type)
        => type == "Localhost" ? new JsonObject { ["type"] = type, ["localhostProfile"] = "testing" } : new JsonObject { ["type"] = type };

    private static JsonObject Child(JsonObject parent, string key)
    {
        if (parent[key] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        parent[key] = created;
        return created;
    }

    private static JsonArray Strings(params string[] values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v)!)]);

    private static JsonNode Json(string text) => JsonNode.Parse(text)!;

    /// <summary>fixtureGenerator: a check's pass and fail variants of the minimal pod, registered from a version on.</summary>
    private sealed record Generator(
        string Check,
        PodSecurityLevel Level,
        int From,
        string? ErrorSubstring,
        Func<JsonObject, List<JsonObject>> Pass,
        Func<JsonObject, List<JsonObject>> Fail);
}
