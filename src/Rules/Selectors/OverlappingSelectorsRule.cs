using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Rules.Selectors;

/// <summary>KL2009: two controllers of one namespace whose selectors select each other's pods.</summary>
public sealed class OverlappingSelectorsRule : Rule
{
    public static RuleDescriptor Definition { get; } = new(
        RuleIds.OverlappingSelectors,
        "overlapping-selectors",
        Severity.Warning,
        Workloads.Category,
        "Two workloads of one namespace have overlapping selectors.",
        "Kubernetes does not stop controllers from selecting the same pods, but when the selector of one Deployment, "
            + "ReplicaSet, StatefulSet, DaemonSet or ReplicationController selects the pods of another in the same "
            + "namespace, the controllers may adopt, count or delete each other's pods and behave unexpectedly. "
            + "Not compared: objects with ownerReferences (a Deployment's own ReplicaSets), workloads with the same name "
            + "(one component defined as alternatives), and namespaces where the input defines some object twice "
            + "(alternative install variants side by side).",
        "Give each workload a label that only its own pods carry (e.g. app.kubernetes.io/name and app.kubernetes.io/instance) and select on it.")
    {
        Examples = new(
            bad: """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: 2
                  selector:
                    matchLabels:
                      app: shop
                  template:
                    metadata:
                      labels:
                        app: shop
                        component: web
                    spec:
                      securityContext:
                        runAsNonRoot: true
                      containers:
                        - name: web
                          image: example/web:1.4.2
                          resources:
                            requests: {cpu: 100m, memory: 128Mi}
                            limits: {memory: 128Mi}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: api
                spec:
                  replicas: 2
                  selector:
                    matchLabels:
                      app: shop
                      component: api
                  template:
                    metadata:
                      labels:
                        app: shop
                        component: api
                    spec:
                      securityContext:
                        runAsNonRoot: true
                      containers:
                        - name: web
                          image: example/web:1.4.2
                          resources:
                            requests: {cpu: 100m, memory: 128Mi}
                            limits: {memory: 128Mi}
                """,
            good: """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: 2
                  selector:
                    matchLabels:
                      app: shop
                      component: web
                  template:
                    metadata:
                      labels:
                        app: shop
                        component: web
                    spec:
                      securityContext:
                        runAsNonRoot: true
                      containers:
                        - name: web
                          image: example/web:1.4.2
                          resources:
                            requests: {cpu: 100m, memory: 128Mi}
                            limits: {memory: 128Mi}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: api
                spec:
                  replicas: 2
                  selector:
                    matchLabels:
                      app: shop
                      component: api
                  template:
                    metadata:
                      labels:
                        app: shop
                        component: api
                    spec:
                      securityContext:
                        runAsNonRoot: true
                      containers:
                        - name: web
                          image: example/web:1.4.2
                          resources:
                            requests: {cpu: 100m, memory: 128Mi}
                            limits: {memory: 128Mi}
                """),
    };

    public override RuleDescriptor Descriptor => Definition;

    /// <summary>
    /// Namespaces in which the input defines some object more than once: such an input holds alternative variants of
    /// one application (several install flavours side by side), whose workloads are not meant to run together.
    /// </summary>
    private static HashSet<string> NamespacesWithAlternatives(IReadOnlyList<KubeObject> objects)
    {
        var seen = new HashSet<(string, string, string?, string)>();
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var obj in objects)
        {
            if (obj.Name.Length > 0 && !seen.Add((obj.Group, obj.Kind, obj.EffectiveNamespace, obj.Name)))
            {
                result.Add(obj.EffectiveNamespace ?? string.Empty);
            }
        }

        return result;
    }

    public override void Run(AnalysisContext context)
    {
        var workloads = new List<(KubeObject Obj, YamlMapping Node, LabelSelector Selector, IReadOnlyDictionary<string, string> Labels)>();
        foreach (var obj in context.Objects)
        {
            if (!Workloads.IsController(obj)
                || obj.Metadata?.ContainsKey("ownerReferences") == true
                || context.Index.TemplateOf(obj) is not { Template: not null } template
                || obj.Spec?.GetMapping("selector") is not { } node
                || Workloads.SelectorOf(obj) is not { IsValid: true, IsEmpty: false } selector)
            {
                continue;
            }

            workloads.Add((obj, node, selector, template.Labels));
        }

        var alternatives = NamespacesWithAlternatives(context.Objects);
        for (var j = 1; j < workloads.Count; j++)
        {
            var later = workloads[j];
            for (var i = 0; i < j; i++)
            {
                var earlier = workloads[i];
                // Two definitions of one component (the same name, e.g. as a Deployment and as a StatefulSet) are
                // alternatives, not a pair.
                if (earlier.Obj.EffectiveNamespace != later.Obj.EffectiveNamespace
                    || earlier.Obj.Name == later.Obj.Name
                    || alternatives.Contains(later.Obj.EffectiveNamespace ?? string.Empty))
                {
                    continue;
                }

                var other = $"{earlier.Obj.Kind} {earlier.Obj.Name} ({earlier.Obj.File.Path}:{earlier.Node.Start})";
                if (later.Selector.Matches(earlier.Labels))
                {
                    context.Report(Definition, later.Obj, later.Node, $"selector {later.Selector} also selects the pods of {other}");
                }
                else if (earlier.Selector.Matches(later.Labels))
                {
                    context.Report(Definition, later.Obj, later.Node, $"the selector {earlier.Selector} of {other} also selects the pods of this {later.Obj.Kind}");
                }
            }
        }
    }
}
