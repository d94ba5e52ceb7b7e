using System.Globalization;
using System.Text;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;
using KubeLint.Simulator.Cluster;
using KubeLint.Simulator.Model;

namespace KubeLint.Simulator.Controllers;

/// <summary>
/// Turns workloads into their controllers' plans: how many pods, created how, named as Kubernetes names them and
/// labelled as the controllers label them. Random parts of real names are replaced by deterministic stand-ins: a
/// Deployment's pods are &lt;deploy&gt;-&lt;template hash&gt;-&lt;n&gt; (the hash is fnv32a of the template text, encoded like
/// pod-template-hash), ReplicaSet/Job/DaemonSet pods are &lt;owner&gt;-&lt;n&gt;, a CronJob creates one Job &lt;cronjob&gt;-0
/// whose pods are &lt;cronjob&gt;-0-&lt;n&gt;. StatefulSet pods and claims are exact: &lt;sts&gt;-&lt;ordinal&gt; and
/// &lt;template&gt;-&lt;sts&gt;-&lt;ordinal&gt;.
/// </summary>
public static class WorkloadExpander
{
    public const string PodTemplateHashLabel = "pod-template-hash";

    /// <summary>The tolerations the DaemonSet controller adds to its pods (no hostNetwork extra).</summary>
    private static readonly Toleration[] DaemonSetTolerations =
    [
        new("node.kubernetes.io/not-ready", "Exists", string.Empty, Taint.NoExecute),
        new("node.kubernetes.io/unreachable", "Exists", string.Empty, Taint.NoExecute),
        new("node.kubernetes.io/disk-pressure", "Exists", string.Empty, Taint.NoSchedule),
        new("node.kubernetes.io/memory-pressure", "Exists", string.Empty, Taint.NoSchedule),
        new("node.kubernetes.io/pid-pressure", "Exists", string.Empty, Taint.NoSchedule),
        new("node.kubernetes.io/unschedulable", "Exists", string.Empty, Taint.NoSchedule),
    ];

    private static readonly Toleration NetworkUnavailable = new("node.kubernetes.io/network-unavailable", "Exists", string.Empty, Taint.NoSchedule);

    /// <summary>The workload of <paramref name="obj"/>, or null when it has no pod template or an invalid replica count (the API server rejects it).</summary>
    public static Workload? Expand(KubeObject obj, ClusterModel cluster, int order = 0)
    {
        if (PodTemplate.Of(obj) is not { } template || obj.Kind == "PodTemplate")
        {
            return null;
        }

        var spec = obj.Spec;
        var replicasNode = spec?.GetEntry("replicas")?.Value;
        var report = replicasNode ?? ReportKey(obj, template) ?? obj.Root;
        var name = obj.Kind + "/" + obj.Name;
        switch (obj.Kind)
        {
            case "Pod":
                var pod = PodSpecReader.Read(template, obj.Name, name, cluster, report);
                return new Workload { Owner = obj, Name = name, ReportNode = report, Order = order, Desired = 1, Factory = new PodFactory(WithSelector(pod, null, cluster), _ => obj.Name) };
            case "Deployment":
                return Replicated(obj, template, name, report, order, cluster, TemplateHash(template));
            case "ReplicaSet" or "ReplicationController":
                return Replicated(obj, template, name, report, order, cluster, hash: null);
            case "Job":
                return Job(obj, template, name, report, order, cluster, spec, obj.Name, _ => obj.Name + "-");
            case "CronJob":
                var jobSpec = spec?.GetMapping("jobTemplate")?.GetMapping("spec");
                var suspended = IsTrue(spec, "suspend") ? "the CronJob is suspended (spec.suspend), so it creates no Job" : null;
                return Job(obj, template, name, report, order, cluster, jobSpec, obj.Name + "-0", _ => obj.Name + "-0-", suspended);
            case "StatefulSet":
                return StatefulSet(obj, template, name, report, order, cluster);
            case "DaemonSet":
                return DaemonSet(obj, template, name, report, order, cluster);
            default:
                return null;
        }
    }

    /// <summary>
    /// spec.replicas as the server stores it (an int32: a larger number keeps its low 32 bits, see DecodedInteger):
    /// 1 when absent, null when the stored value is negative or not a number (validation rejects the object).
    /// </summary>
    public static int? Replicas(YamlMapping? spec)
    {
        if (spec?.GetScalar("replicas") is not { IsNull: false } scalar)
        {
            return 1;
        }

        return DecodedInteger.TryReadInt32(scalar, out var n) && n >= 0 ? n : null;
    }

    /// <summary>
    /// A stand-in for pod-template-hash: fnv32a over the template's source text, rendered as upstream's
    /// rand.SafeEncodeString does (consonants and digits without look-alikes).
    /// </summary>
    public static string TemplateHash(PodTemplate template)
    {
        var text = new StringBuilder();
        Canonical(template.Template ?? (YamlNode)template.Spec, text);
        uint hash = 2166136261;
        foreach (var b in Encoding.UTF8.GetBytes(text.ToString()))
        {
            hash = (hash ^ b) * 16777619;
        }

        const string alphabet = "bcdfghjklmnpqrstvwxz2456789";
        var digits = hash.ToString(CultureInfo.InvariantCulture);
        var builder = new StringBuilder(digits.Length);
        foreach (var c in digits)
        {
            builder.Append(alphabet[c % alphabet.Length]);
        }

        return builder.ToString();
    }

    /// <summary>The labels of a template plus those its controller adds.</summary>
    private static Dictionary<string, string> Labels(PodTemplate template, params (string Key, string Value)[] extra)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in template.Labels)
        {
            labels[pair.Key] = pair.Value;
        }

        foreach (var (key, value) in extra)
        {
            labels[key] = value;
        }

        return labels;
    }

    private static Workload? Replicated(KubeObject obj, PodTemplate template, string name, YamlNode report, int order, ClusterModel cluster, string? hash)
    {
        if (Replicas(obj.Spec) is not { } replicas)
        {
            return null;
        }

        var labels = hash is null ? Labels(template) : Labels(template, (PodTemplateHashLabel, hash));
        var first = PodSpecReader.Read(template.Spec, labels, template.Namespace, obj.Name, name, obj, cluster, report);

        // The owning ReplicaSet's selector: a Deployment's plus pod-template-hash; a ReplicationController's map.
        var selector = obj.Kind == "ReplicationController"
            ? obj.Spec?.GetMapping("selector") is { } map ? LabelSelector.FromMap(map) : null
            : obj.Spec?.GetMapping("selector") is { } s ? LabelSelector.FromLabelSelector(s) : null;
        if (selector is not null && hash is not null)
        {
            selector = selector.And([new LabelRequirement(PodTemplateHashLabel, LabelOperator.In, [hash])]);
        }

        var prefix = hash is null ? obj.Name + "-" : obj.Name + "-" + hash + "-";
        return new Workload
        {
            Owner = obj,
            Name = name,
            ReportNode = report,
            Order = order,
            Desired = replicas,
            Factory = new PodFactory(WithSelector(first, selector, cluster), i => prefix + i.ToString(CultureInfo.InvariantCulture)),
        };
    }

    /// <summary>
    /// A Job (or the Job a CronJob creates): parallelism pods at once, at most the completions left; none while
    /// suspended. backoffLimit (default 6) and a podFailurePolicy rule on DisruptionTarget decide what preemption does.
    /// </summary>
    private static Workload Job(KubeObject obj, PodTemplate template, string name, YamlNode report, int order, ClusterModel cluster, YamlMapping? spec, string jobName, Func<long, string> prefix, string? suspended = null)
    {
        suspended ??= IsTrue(spec, "suspend") ? "the Job is suspended (spec.suspend), so it creates no pod" : null;
        // int32 fields, stored as the server stores them (DecodedInteger).
        var parallelism = spec?.GetScalar("parallelism") is { } p && DecodedInteger.TryReadInt32(p, out var pv) ? Math.Max(0, pv) : 1;
        if (spec?.GetScalar("completions") is { IsNull: false } c && DecodedInteger.TryReadInt32(c, out var cv))
        {
            parallelism = Math.Min(parallelism, Math.Max(0, cv));
        }

        var labels = Labels(template, ("batch.kubernetes.io/job-name", jobName), ("job-name", jobName));
        var first = PodSpecReader.Read(template.Spec, labels, template.Namespace, jobName, name, obj, cluster, report);
        // The first rule matching a preempted pod decides (pod_failure_policy.go matchPodFailurePolicy): a rule on
        // the DisruptionTarget condition; exit-code rules do not match a pod whose containers never ran.
        string? disruption = null;
        var disruptionRule = -1;
        var index = 0;
        foreach (var rule in spec?.GetPath("podFailurePolicy", "rules") is YamlSequence rules ? rules.Mappings : [])
        {
            if (disruption is null && rule.GetSequence("onPodConditions")?.Mappings.Any(m => m.GetString("type") == "DisruptionTarget") == true)
            {
                disruption = rule.GetString("action");
                disruptionRule = index;
            }

            index++;
        }

        return new Workload
        {
            Owner = obj,
            Name = name,
            ReportNode = report,
            Order = order,
            Desired = suspended is null ? parallelism : 0,
            Inactive = suspended,
            Factory = new PodFactory(WithSelector(first, null, cluster), i => prefix(i) + i.ToString(CultureInfo.InvariantCulture)),
            Job = new JobState
            {
                BackoffLimit = PodSpecReader.Int(spec, "backoffLimit") is var limit && spec?.GetEntry("backoffLimit") is not null ? limit : 6,
                DisruptionAction = disruption,
                DisruptionRule = disruptionRule,
            },
        };
    }

    private static Workload? StatefulSet(KubeObject obj, PodTemplate template, string name, YamlNode report, int order, ClusterModel cluster)
    {
        var spec = obj.Spec;
        if (Replicas(spec) is not { } replicas)
        {
            return null;
        }

        var start = PodSpecReader.Int(spec?.GetMapping("ordinals"), "start");
        var claimTemplates = spec?.GetSequence("volumeClaimTemplates")?.Mappings.ToList() ?? [];
        var templateNames = claimTemplates.Select(t => t.GetMapping("metadata")?.GetString("name") ?? string.Empty).ToList();
        var revision = obj.Name + "-" + TemplateHash(template);
        var labels = Labels(template, ("controller-revision-hash", revision));
        var first = PodSpecReader.Read(template.Spec, labels, template.Namespace, obj.Name + "-" + start.ToString(CultureInfo.InvariantCulture), name, obj, cluster, report);
        var selector = spec?.GetMapping("selector") is { } s ? LabelSelector.FromLabelSelector(s) : null;
        first = WithSelector(first, selector, cluster);

        // A pod volume named like a claim template is replaced by the generated claim (updateStorage), so only the
        // other claims of the template stay as they are.
        var ownClaims = new List<string>();
        foreach (var volume in template.Spec.GetSequence("volumes")?.Mappings ?? [])
        {
            if (volume.GetPath("persistentVolumeClaim", "claimName") is YamlScalar { IsNull: false } claim && !templateNames.Contains(volume.GetString("name") ?? string.Empty, StringComparer.Ordinal))
            {
                ownClaims.Add(claim.Value);
            }
        }

        string PodName(long i) => obj.Name + "-" + (start + i).ToString(CultureInfo.InvariantCulture);
        string ClaimName(YamlMapping claimTemplate, long i) => (claimTemplate.GetMapping("metadata")?.GetString("name") ?? string.Empty) + "-" + PodName(i);
        return new Workload
        {
            Owner = obj,
            Name = name,
            ReportNode = report,
            Order = order,
            Desired = replicas,
            Creation = spec?.GetString("podManagementPolicy") == "Parallel" ? CreationPolicy.Batches(int.MaxValue) : CreationPolicy.Ordered,
            Factory = new PodFactory(first, PodName, (i, pod) => pod.WithName(
                pod.Name,
                claims: [.. ownClaims, .. claimTemplates.Select(t => ClaimName(t, i))],
                labels: Labels(template, ("controller-revision-hash", revision), ("statefulset.kubernetes.io/pod-name", pod.Name), ("apps.kubernetes.io/pod-index", (start + i).ToString(CultureInfo.InvariantCulture)))))
            {
                ClaimsOf = i => claimTemplates.Select(t => ClaimReader.Read(t, template.Namespace, ClaimName(t, i), obj, cluster, t)).ToList(),
            },
        };
    }

    /// <summary>
    /// A DaemonSet: one pod per node that should run it (NodeShouldRunDaemonPod: the node matches the pod's node
    /// affinity and selector and its NoSchedule/NoExecute taints are tolerated with the controller's tolerations),
    /// pinned by a metadata.name node-affinity term. Nodes that join later get their pod too.
    /// </summary>
    private static Workload DaemonSet(KubeObject obj, PodTemplate template, string name, YamlNode report, int order, ClusterModel cluster)
    {
        var labels = Labels(template, ("controller-revision-hash", obj.Name + "-" + TemplateHash(template)), ("pod-template-generation", "1"));
        var read = PodSpecReader.Read(template.Spec, labels, template.Namespace, obj.Name, name, obj, cluster, report);
        var tolerations = new List<Toleration>(read.Tolerations);
        tolerations.AddRange(DaemonSetTolerations);
        if (template.Spec.GetScalar("hostNetwork") is { } hostNetwork && hostNetwork.TryGetBool(out var isHost) && isHost)
        {
            tolerations.Add(NetworkUnavailable);
        }

        var first = WithSelector(read.WithName(read.Name, tolerations: tolerations), null, cluster);
        var nodes = cluster.Nodes.Where(n => ShouldRunDaemonPod(first, n)).Select(n => n.Name).ToList();
        return new Workload
        {
            Owner = obj,
            Name = name,
            ReportNode = report,
            Order = order,
            Desired = nodes.Count,
            Creation = CreationPolicy.Batches(250),
            Factory = new PodFactory(first, i => obj.Name + "-" + i.ToString(CultureInfo.InvariantCulture), (i, pod) => pod.WithName(pod.Name, requiredNodeTerms: [NodeSelectorTerm.ForNodeName(nodes[(int)i])]))
            {
                Nodes = nodes,
            },
        };
    }

    /// <summary>NodeShouldRunDaemonPod's predicates for a DaemonSet pod template and a node.</summary>
    public static bool ShouldRunDaemonPod(SimPod template, SimNode node)
        => template.MatchesNodeAffinity(node) && !node.Taints.Any(t => t.IsHard && !Toleration.AnyTolerates(template.Tolerations, t));

    /// <summary>
    /// Sets the default spreading selector (helper.DefaultSelector): the selectors of the Services of the namespace
    /// that select the pod, merged, plus the owning controller's selector; none when both are empty.
    /// </summary>
    private static SimPod WithSelector(SimPod pod, LabelSelector? owner, ClusterModel cluster)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        YamlNode? node = null;
        foreach (var service in cluster.Services)
        {
            if ((service.EffectiveNamespace ?? "default") != pod.Namespace || service.Spec?.GetMapping("selector") is not { } map)
            {
                continue;
            }

            var selector = KubeObject.ReadStringMap(map);
            if (selector.Count > 0 && selector.All(p => pod.Labels.TryGetValue(p.Key, out var v) && v == p.Value))
            {
                node ??= map;
                foreach (var pair in selector)
                {
                    merged[pair.Key] = pair.Value;
                }
            }
        }

        var requirements = merged.Select(p => new LabelRequirement(p.Key, LabelOperator.In, [p.Value])).ToList();
        if (owner is not null)
        {
            requirements.AddRange(owner.Requirements);
        }

        if (requirements.Count == 0 || (owner is not null && !owner.IsValid))
        {
            return pod;
        }

        return pod.WithName(pod.Name, defaultSpreadSelector: LabelSelector.FromRequirements(owner?.Node ?? node!, requirements));
    }

    private static bool IsTrue(YamlMapping? spec, string key) => spec?.GetScalar(key) is { } s && s.TryGetBool(out var value) && value;

    private static YamlNode? ReportKey(KubeObject obj, PodTemplate template)
    {
        if (template.Template is null)
        {
            return obj.Root.GetEntry("spec")?.Key;
        }

        // The pod spec itself (spec.template.spec, or spec.jobTemplate.spec.template.spec for a CronJob).
        return template.Template.GetEntry("spec")?.Key ?? obj.Spec?.GetEntry("template")?.Key ?? obj.Spec?.GetEntry("jobTemplate")?.Key;
    }

    /// <summary>A canonical text of a node (keys in source order), so the hash ignores formatting and comments.</summary>
    private static void Canonical(YamlNode node, StringBuilder text)
    {
        switch (node)
        {
            case YamlMapping mapping:
                text.Append('{');
                foreach (var entry in mapping.Entries)
                {
                    text.Append(entry.KeyText).Append(':');
                    Canonical(entry.Value, text);
                    text.Append(',');
                }

                text.Append('}');
                break;
            case YamlSequence sequence:
                text.Append('[');
                foreach (var item in sequence.Items)
                {
                    Canonical(item, text);
                    text.Append(',');
                }

                text.Append(']');
                break;
            case YamlScalar scalar:
                text.Append(scalar.ToDisplayString());
                break;
            default:
                break;
        }
    }
}
