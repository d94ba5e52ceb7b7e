using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Rules.Selectors;

/// <summary>KL2011: a pod (anti-)affinity term whose label selector matches no pod of the input, so it does nothing.</summary>
public sealed class AffinitySelectsNothingRule : Rule
{
    private static readonly (string Kind, string Key)[] Terms =
    [
        ("podAffinity", "requiredDuringSchedulingIgnoredDuringExecution"),
        ("podAffinity", "preferredDuringSchedulingIgnoredDuringExecution"),
        ("podAntiAffinity", "requiredDuringSchedulingIgnoredDuringExecution"),
        ("podAntiAffinity", "preferredDuringSchedulingIgnoredDuringExecution"),
    ];

    /// <summary>The examples' Deployment; its anti-affinity term selects SELECTED.</summary>
    private const string Example = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 3
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              securityContext:
                runAsNonRoot: true
              affinity:
                podAntiAffinity:
                  preferredDuringSchedulingIgnoredDuringExecution:
                    - weight: 100
                      podAffinityTerm:
                        topologyKey: kubernetes.io/hostname
                        labelSelector:
                          matchLabels:
                            app: SELECTED
              containers:
                - name: web
                  image: example/web:1.4.2
                  resources:
                    requests: {cpu: 100m, memory: 128Mi}
                    limits: {memory: 128Mi}
        """;

    public static RuleDescriptor Definition { get; } = new(
        RuleIds.AffinitySelectsNothing,
        "affinity-selects-nothing",
        Severity.Warning,
        Workloads.Category,
        "A pod affinity or anti-affinity term selects no pod of the input.",
        "The scheduler's InterPodAffinity plugin counts the pods a term's labelSelector matches in the term's namespaces "
            + "(its namespaces list, all namespaces for an empty namespaceSelector, else the pod's own). When no pod template "
            + "of those namespaces has matching labels, a preferred term or an anti-affinity term never acts, and a required "
            + "affinity term keeps the pods Pending (no node has a matching pod, and the pods do not match it themselves): "
            + "usually a label renamed on one side. Only "
            + "namespaces whose workloads are part of the input are judged, and terms with a namespaceSelector that names labels "
            + "are left alone.",
        "Make the labelSelector match the labels of the pods the term is meant for (often the pod's own labels, for spreading).")
    {
        Examples = new(bad: Example.Replace("SELECTED", "webserver"), good: Example.Replace("SELECTED", "web")),
    };

    public override RuleDescriptor Descriptor => Definition;

    public override void Run(AnalysisContext context)
    {
        foreach (var template in context.Index.PodTemplates)
        {
            if (template.Spec.GetMapping("affinity") is not { } affinity || !Workloads.RunsPods(template))
            {
                continue;
            }

            foreach (var (kind, key) in Terms)
            {
                foreach (var item in affinity.GetMapping(kind)?.GetSequence(key)?.Mappings ?? [])
                {
                    var required = key.StartsWith("required", StringComparison.Ordinal);
                    var term = required ? item : item.GetMapping("podAffinityTerm");
                    if (term?.GetMapping("labelSelector") is { } node)
                    {
                        Check(context, template, kind, required, term, node);
                    }
                }
            }
        }
    }

    private static void Check(AnalysisContext context, PodTemplate template, string kind, bool required, YamlMapping term, YamlMapping node)
    {
        var selector = LabelSelector.FromLabelSelector(node);
        if (!selector.IsValid || selector.IsEmpty || Workloads.HasCustomResourcesNear(context.Index, template.Owner) || context.HoldsBack(Definition, template.Owner))
        {
            return;
        }

        // getNamespacesFromPodAffinityTerm (interpodaffinity plugin): the namespaces listed, all for an empty
        // namespaceSelector, else the pod's own namespace.
        IEnumerable<PodTemplate> candidates;
        string where;
        var namespaces = term.GetSequence("namespaces")?.Items.OfType<YamlScalar>().Where(s => !s.IsNull).Select(s => s.Value).ToList() ?? [];
        switch (term["namespaceSelector"])
        {
            case YamlMapping { Count: 0 }:
                candidates = context.Index.PodTemplates.Where(Workloads.RunsPods);
                where = "any namespace of the input";
                break;
            case YamlMapping:
                return;
            default:
                if (namespaces.Count == 0)
                {
                    if (!Workloads.HasPodsInNamespace(context.Index, template.Owner))
                    {
                        return;
                    }

                    candidates = Workloads.Selected(context.Index, template.Owner, selector);
                    where = template.Owner.Namespace is null ? "the input" : "namespace " + template.Owner.Namespace;
                    break;
                }

                var index = WorkloadIndex.Of(context.Index);
                if (!namespaces.TrueForAll(index.HasPodsIn))
                {
                    return;
                }

                candidates = context.Index.PodTemplates.Where(t => Workloads.RunsPods(t) && (t.Owner.Namespace is null || namespaces.Contains(t.Owner.Namespace)));
                where = (namespaces.Count == 1 ? "namespace " : "namespaces ") + string.Join(", ", namespaces);
                break;
        }

        if (!candidates.Any(t => Workloads.MaySelect(selector, t)))
        {
            var effect = required && kind == "podAffinity" ? "so its pods stay Pending unless such pods run outside the input" : "so the term does nothing";
            context.Report(Definition, template.Owner, node, $"the {kind} term's labelSelector {selector} matches no pod template in {where}, {effect}");
        }
    }
}
