using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Rules.Selectors;

/// <summary>Selector and namespace facts shared by the cross-object rules (KL2001-KL2009).</summary>
internal static class Workloads
{
    public const string Category = "Selectors and references";

    // API groups served by Kubernetes itself. Objects of any other group are custom resources whose controllers
    // (operators) may create pods, Secrets or ConfigMaps that the input never shows.
    private static readonly HashSet<string> BuiltInGroups = new(StringComparer.Ordinal)
    {
        string.Empty, "apps", "batch", "policy", "autoscaling", "extensions", "networking.k8s.io", "rbac.authorization.k8s.io",
        "storage.k8s.io", "scheduling.k8s.io", "node.k8s.io", "apiextensions.k8s.io", "admissionregistration.k8s.io",
        "certificates.k8s.io", "coordination.k8s.io", "discovery.k8s.io", "events.k8s.io", "flowcontrol.apiserver.k8s.io",
        "resource.k8s.io", "apiregistration.k8s.io", "authentication.k8s.io", "authorization.k8s.io", "storagemigration.k8s.io",
        "internal.apiserver.k8s.io",
    };

    /// <summary>Deployment, ReplicaSet, StatefulSet, DaemonSet (apps, or the old extensions group) and ReplicationController.</summary>
    public static bool IsController(KubeObject obj)
        => obj.Kind switch
        {
            "ReplicationController" => obj.Group.Length == 0,
            "Deployment" or "ReplicaSet" or "StatefulSet" or "DaemonSet" => obj.Group is "apps" or "extensions",
            _ => false,
        };

    /// <summary>
    /// The selector of a controller as the API server applies it: a metav1.LabelSelector for the apps kinds, a plain
    /// map for ReplicationController, whose absent or empty selector defaults to the template labels (null here).
    /// </summary>
    public static LabelSelector? SelectorOf(KubeObject obj)
    {
        if (obj.Spec?.GetMapping("selector") is not { } node)
        {
            return null;
        }

        if (obj.Kind == "ReplicationController")
        {
            return node.Count == 0 ? null : LabelSelector.FromMap(node);
        }

        return LabelSelector.FromLabelSelector(node);
    }

    /// <summary>True for templates that become running pods (a PodTemplate object is only a stored template).</summary>
    public static bool RunsPods(PodTemplate template) => !(template.Owner.Kind == "PodTemplate" && template.Owner.Group.Length == 0);

    /// <summary>
    /// Whether two objects may share a namespace. An object without metadata.namespace lands wherever it is applied
    /// ("kubectl apply -n"), so it is taken to share the namespace of any other object: rules that report something
    /// as absent must not fire only because one file leaves the namespace to the command line.
    /// </summary>
    public static bool MayShareNamespace(KubeObject a, KubeObject b)
        => a.Namespace is null || b.Namespace is null || a.Namespace == b.Namespace;

    /// <summary>Pod templates that run pods the selector may select, in namespaces the object may share, in input order.</summary>
    public static IEnumerable<PodTemplate> Selected(ObjectIndex index, KubeObject selecting, LabelSelector selector)
        => WorkloadIndex.Of(index).Selected(selecting, selector);

    /// <summary>
    /// True when the input runs pods in exactly the object's namespace. Rules that report "selects nothing" only
    /// judge namespaces whose workloads are part of the input; a lone Service or policy is not guessed about.
    /// </summary>
    public static bool HasPodsInNamespace(ObjectIndex index, KubeObject obj)
        => WorkloadIndex.Of(index).HasPodsIn(obj.EffectiveNamespace);

    /// <summary>
    /// False for an apps workload without spec.selector, which the API server rejects: such documents are kustomize
    /// patches or fragments, not workloads, and do not show that the input holds the namespace's pods.
    /// </summary>
    public static bool IsComplete(KubeObject workload)
        => !(workload.Group is "apps" && IsController(workload)) || workload.Spec?.GetMapping("selector") is not null;

    /// <summary>
    /// Whether the selector may select the pods of a template. Controllers add labels of their own to the pods they
    /// create (StatefulSet: statefulset.kubernetes.io/pod-name = name-ordinal, apps.kubernetes.io/pod-index,
    /// controller-revision-hash; Deployment: pod-template-hash; DaemonSet: controller-revision-hash,
    /// pod-template-generation; Job: job-name, controller-uid and their batch.kubernetes.io forms, the completion
    /// index). A requirement on such a label is taken to hold unless its value can be checked.
    /// </summary>
    public static bool MaySelect(LabelSelector selector, PodTemplate template)
    {
        if (!selector.IsValid)
        {
            return false;
        }

        foreach (var requirement in selector.Requirements)
        {
            var generated = !template.Labels.ContainsKey(requirement.Key) ? GeneratedLabel(template.Owner, requirement) : null;
            if (!(generated ?? requirement.Matches(template.Labels)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when a custom resource in a namespace the object may share could have a controller creating pods for it.</summary>
    public static bool HasCustomResourcesNear(ObjectIndex index, KubeObject obj)
        => WorkloadIndex.Of(index).HasCustomResourcesNear(obj);

    /// <summary>True for objects of the API groups Kubernetes serves itself.</summary>
    public static bool IsBuiltIn(KubeObject obj) => BuiltInGroups.Contains(obj.Group);

    /// <summary>
    /// Every namespaced custom resource with the scalar values it mentions, so that a name a controller will create
    /// (e.g. cert-manager's secretName) can be recognised.
    /// </summary>
    public static List<(KubeObject Resource, HashSet<string> Values)> CustomResourceValues(ObjectIndex index)
        => index.Objects
            .Where(o => !BuiltInGroups.Contains(o.Group) && o.EffectiveNamespace is not null)
            .Select(o => (o, ScalarValues(o.Root)))
            .ToList();

    /// <summary>Whether a requirement on a controller-generated label may hold; null when the key is not generated for this owner.</summary>
    private static bool? GeneratedLabel(KubeObject owner, LabelRequirement requirement)
    {
        var key = requirement.Key;
        switch (owner.Kind)
        {
            case "StatefulSet" when key == "statefulset.kubernetes.io/pod-name":
                return requirement.Operator != LabelOperator.In || requirement.Values.Any(v => IsOrdinalName(v, owner.Name + "-"));
            case "StatefulSet" when key == "apps.kubernetes.io/pod-index":
                return requirement.Operator != LabelOperator.In || requirement.Values.Any(v => IsOrdinalName(v, string.Empty));
            case "StatefulSet" or "DaemonSet" when key == "controller-revision-hash":
            case "Deployment" when key == "pod-template-hash":
            case "DaemonSet" when key == "pod-template-generation":
            case "Job" or "CronJob" when key is "job-name" or "controller-uid" or "batch.kubernetes.io/job-name"
                or "batch.kubernetes.io/controller-uid" or "batch.kubernetes.io/job-completion-index":
                return true;
            default:
                return null;
        }
    }

    private static bool IsOrdinalName(string value, string prefix)
        => value.Length > prefix.Length && value.StartsWith(prefix, StringComparison.Ordinal)
           && value.Skip(prefix.Length).All(c => c is >= '0' and <= '9');

    /// <summary>"Deployment web, StatefulSet db" for messages, at most three names.</summary>
    public static string Describe(IEnumerable<KubeObject> objects)
    {
        var names = objects.Select(o => $"{o.Kind} {o.Name}").Distinct(StringComparer.Ordinal).ToList();
        return names.Count <= 3 ? string.Join(", ", names) : string.Join(", ", names.Take(3)) + $" and {names.Count - 3} more";
    }

    private static HashSet<string> ScalarValues(YamlNode root)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<YamlNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case YamlScalar scalar:
                    values.Add(scalar.Value);
                    break;
                case YamlMapping map:
                    foreach (var entry in map.Entries)
                    {
                        stack.Push(entry.Value);
                    }

                    break;
                case YamlSequence sequence:
                    foreach (var item in sequence.Items)
                    {
                        stack.Push(item);
                    }

                    break;
            }
        }

        return values;
    }
}
