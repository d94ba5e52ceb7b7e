using System.Globalization;
using System.Text;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;
using KubeLint.Simulator.Cluster;
using KubeLint.Simulator.Model;

namespace KubeLint.Simulator.Controllers;

/// <summary>
/// Expands workloads into the pods their controllers create, named as Kubernetes names them. Random parts of real
/// names are replaced by deterministic stand-ins: a Deployment's pods are &lt;deploy&gt;-&lt;template hash&gt;-&lt;n&gt;
/// (the hash is fnv32a of the template text, encoded like pod-template-hash), ReplicaSet/Job/DaemonSet pods are
/// &lt;owner&gt;-&lt;n&gt;, a CronJob creates one Job &lt;cronjob&gt;-0 whose pods are &lt;cronjob&gt;-0-&lt;n&gt;.
/// StatefulSet pods and claims are exact: &lt;sts&gt;-&lt;ordinal&gt; and &lt;template&gt;-&lt;sts&gt;-&lt;ordinal&gt;.
/// </summary>
public static class WorkloadExpander
{
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

    public static Workload? Expand(KubeObject obj, ClusterModel cluster)
    {
        if (PodTemplate.Of(obj) is not { } template || obj.Kind == "PodTemplate")
        {
            return null;
        }

        var spec = obj.Spec;
        var replicasNode = spec?.GetEntry("replicas")?.Value;
        var report = replicasNode ?? ReportKey(obj, template) ?? obj.Root;
        var workload = new Workload { Owner = obj, Name = obj.Kind + "/" + obj.Name, ReportNode = report };
        switch (obj.Kind)
        {
            case "Pod":
                workload.Pods.Add(PodSpecReader.Read(template, obj.Name, workload.Name, cluster, report));
                break;
            case "Deployment":
                var hash = TemplateHash(template);
                AddReplicas(workload, template, Replicas(spec), i => obj.Name + "-" + hash + "-" + i.ToString(CultureInfo.InvariantCulture), cluster);
                break;
            case "ReplicaSet" or "ReplicationController":
                AddReplicas(workload, template, Replicas(spec), i => obj.Name + "-" + i.ToString(CultureInfo.InvariantCulture), cluster);
                break;
            case "Job":
                AddReplicas(workload, template, JobActive(spec), i => obj.Name + "-" + i.ToString(CultureInfo.InvariantCulture), cluster);
                break;
            case "CronJob":
                AddReplicas(workload, template, JobActive(spec?.GetMapping("jobTemplate")?.GetMapping("spec")), i => obj.Name + "-0-" + i.ToString(CultureInfo.InvariantCulture), cluster);
                break;
            case "StatefulSet":
                ExpandStatefulSet(workload, template, cluster);
                break;
            case "DaemonSet":
                ExpandDaemonSet(workload, template, cluster);
                break;
            default:
                return null;
        }

        return workload;
    }

    /// <summary>spec.replicas, defaulting to 1.</summary>
    public static int Replicas(YamlMapping? spec)
        => spec?.GetScalar("replicas") is { } s && s.TryGetInt64(out var n) ? (int)Math.Max(0, Math.Min(n, 1_000_000)) : 1;

    /// <summary>Pods a Job runs at once: parallelism (default 1), at most completions when set.</summary>
    private static int JobActive(YamlMapping? spec)
    {
        var parallelism = spec?.GetScalar("parallelism") is { } p && p.TryGetInt64(out var pv) ? (int)Math.Max(0, Math.Min(pv, 1_000_000)) : 1;
        if (spec?.GetScalar("completions") is { } c && c.TryGetInt64(out var cv))
        {
            parallelism = (int)Math.Min(parallelism, Math.Max(0, cv));
        }

        return parallelism;
    }

    private static void AddReplicas(Workload workload, PodTemplate template, int count, Func<int, string> name, ClusterModel cluster)
    {
        if (count == 0)
        {
            return;
        }

        var first = PodSpecReader.Read(template, name(0), workload.Name, cluster, workload.ReportNode);
        if (workload.Owner.Kind is "Deployment" or "ReplicaSet" or "ReplicationController")
        {
            first = first.InGroup(template.Namespace + "/" + workload.Name);
        }

        workload.Pods.Add(first);
        for (var i = 1; i < count; i++)
        {
            workload.Pods.Add(first.WithName(name(i)));
        }
    }

    private static void ExpandStatefulSet(Workload workload, PodTemplate template, ClusterModel cluster)
    {
        var obj = workload.Owner;
        var spec = obj.Spec;
        var replicas = Replicas(spec);
        var start = PodSpecReader.Int(spec?.GetMapping("ordinals"), "start");
        var claimTemplates = spec?.GetSequence("volumeClaimTemplates")?.Mappings.ToList() ?? [];
        if (replicas == 0)
        {
            return;
        }

        var first = PodSpecReader.Read(template, obj.Name + "-" + start.ToString(CultureInfo.InvariantCulture), workload.Name, cluster, workload.ReportNode)
            .InGroup(template.Namespace + "/" + workload.Name);
        var templateNames = claimTemplates.Select(t => t.GetMapping("metadata")?.GetString("name") ?? string.Empty).ToList();

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

        for (var i = 0; i < replicas; i++)
        {
            var ordinal = (start + i).ToString(CultureInfo.InvariantCulture);
            var claims = new List<string>(ownClaims);
            foreach (var claimTemplate in claimTemplates)
            {
                var templateName = claimTemplate.GetMapping("metadata")?.GetString("name") ?? string.Empty;
                var claimName = templateName + "-" + obj.Name + "-" + ordinal;
                claims.Add(claimName);
                workload.Claims.Add(ClaimReader.Read(claimTemplate, template.Namespace, claimName, obj, cluster, claimTemplate));
            }

            workload.Pods.Add(first.WithName(obj.Name + "-" + ordinal, claims));
        }
    }

    private static void ExpandDaemonSet(Workload workload, PodTemplate template, ClusterModel cluster)
    {
        var first = PodSpecReader.Read(template, workload.Owner.Name, workload.Name, cluster, workload.ReportNode);
        var tolerations = new List<Toleration>(first.Tolerations);
        tolerations.AddRange(DaemonSetTolerations);
        if (template.Spec.GetScalar("hostNetwork") is { } hostNetwork && hostNetwork.TryGetBool(out var isHost) && isHost)
        {
            tolerations.Add(NetworkUnavailable);
        }

        var index = 0;
        foreach (var node in cluster.Nodes)
        {
            // NodeShouldRunDaemonPod: the node matches the pod's node affinity/selector and its NoSchedule/NoExecute
            // taints are tolerated; otherwise no pod is created for the node.
            if (!first.MatchesNodeAffinity(node) || node.Taints.Any(t => t.IsHard && !Toleration.AnyTolerates(tolerations, t)))
            {
                continue;
            }

            workload.Pods.Add(first.WithName(
                workload.Owner.Name + "-" + index.ToString(CultureInfo.InvariantCulture),
                requiredNodeTerms: [NodeSelectorTerm.ForNodeName(node.Name)],
                tolerations: tolerations));
            index++;
        }
    }

    private static YamlNode? ReportKey(KubeObject obj, PodTemplate template)
    {
        if (template.Template is null)
        {
            return obj.Root.GetEntry("spec")?.Key;
        }

        // The pod spec itself (spec.template.spec, or spec.jobTemplate.spec.template.spec for a CronJob).
        return template.Template.GetEntry("spec")?.Key ?? obj.Spec?.GetEntry("template")?.Key ?? obj.Spec?.GetEntry("jobTemplate")?.Key;
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
