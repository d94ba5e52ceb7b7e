using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Validation;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Rules.Selectors;

/// <summary>KL2001: a controller's spec.selector must select the pods of its own template, or the API server rejects it.</summary>
public sealed class SelectorTemplateMismatchRule : Rule
{
    public static RuleDescriptor Definition { get; } = new(
        RuleIds.SelectorTemplateMismatch,
        "selector-template-mismatch",
        Severity.Error,
        Workloads.Category,
        "A workload's selector does not match its pod template labels.",
        "Deployments, ReplicaSets, StatefulSets, DaemonSets and ReplicationControllers manage the pods their selector "
            + "selects. The API server rejects a workload whose spec.selector does not select its own template "
            + "(\"`selector` does not match template `labels`\"), and rejects an empty selector in apps/v1.",
        "Make every matchLabels pair and matchExpressions requirement hold for spec.template.metadata.labels, "
            + "usually by adding the selector's labels to the template.")
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
                      app: web
                  template:
                    metadata:
                      labels:
                        app: frontend
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
                      app: web
                  template:
                    metadata:
                      labels:
                        app: web
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

    /// <summary>True for "{}", or matchLabels and matchExpressions that are empty or null; not for fields of the wrong type.</summary>
    private static bool IsWrittenEmpty(YamlMapping selector)
        => selector.Entries.All(e => e.Value is YamlScalar { IsNull: true }
            || (e.KeyText == "matchLabels" && e.Value is YamlMapping { Count: 0 })
            || (e.KeyText == "matchExpressions" && e.Value is YamlSequence { Count: 0 }));

    public override void Run(AnalysisContext context)
    {
        foreach (var obj in context.Objects)
        {
            if (!Workloads.IsController(obj)
                || context.Index.TemplateOf(obj) is not { Template: not null } template
                || obj.Spec?.GetMapping("selector") is not { } node
                || Workloads.SelectorOf(obj) is not { IsValid: true } selector)
            {
                continue;
            }

            if (selector.IsEmpty)
            {
                if (!IsWrittenEmpty(node))
                {
                    continue; // Fields of the wrong type: the schema check reports those.
                }

                // extensions/v1beta1 defaulted an empty selector to the template labels; apps/v1 rejects it. A
                // ReplicaSet's message names "deployment", as ValidateReplicaSetSpec's does.
                if (obj.Group == "apps")
                {
                    var kind = obj.Kind == "ReplicaSet" ? "deployment" : obj.Kind.ToLowerInvariant();
                    context.Report(Definition, obj, node, $"spec.selector: Invalid value: {GoRender.LabelSelector(node)}: empty selector is invalid for {kind}");
                }

                continue;
            }

            var failing = selector.Requirements.FirstOrDefault(r => !r.Matches(template.Labels));
            if (failing is not null)
            {
                context.Report(
                    Definition,
                    obj,
                    node,
                    $"spec.template.metadata.labels: Invalid value: {GoRender.StringMap(template.Metadata?.GetMapping("labels"))}: `selector` does not match template `labels` (requirement '{failing}' does not hold)");
            }
        }
    }
}
