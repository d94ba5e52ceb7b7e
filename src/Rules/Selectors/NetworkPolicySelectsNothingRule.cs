using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;

namespace KubeLint.Rules.Selectors;

/// <summary>KL2005: a NetworkPolicy whose podSelector matches no pod template of the input.</summary>
public sealed class NetworkPolicySelectsNothingRule : Rule
{
    public static RuleDescriptor Definition { get; } = new(
        RuleIds.NetworkPolicySelectsNothing,
        "networkpolicy-selects-nothing",
        Severity.Warning,
        Workloads.Category,
        "A NetworkPolicy podSelector matches no pod template in the input.",
        "A NetworkPolicy applies to the pods its spec.podSelector selects; an empty podSelector selects every pod of "
            + "the namespace and is fine. A non-empty selector that matches no pod template of the input isolates "
            + "nothing, which usually means a label typo (namespaces where the input runs no pods or defines custom "
            + "resources, whose operators may create pods, are not checked).",
        "Fix spec.podSelector to select the intended pods' labels.")
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
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: web
                spec:
                  podSelector:
                    matchLabels:
                      app: wbe
                  policyTypes: [Ingress]
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
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: web
                spec:
                  podSelector:
                    matchLabels:
                      app: web
                  policyTypes: [Ingress]
                """),
    };

    public override RuleDescriptor Descriptor => Definition;

    public override void Run(AnalysisContext context)
    {
        foreach (var policy in context.Index.OfKind("NetworkPolicy"))
        {
            if (policy.Group != "networking.k8s.io" || policy.Spec?.GetMapping("podSelector") is not { } node)
            {
                continue;
            }

            var selector = LabelSelector.FromLabelSelector(node);
            if (selector.IsEmpty || !selector.IsValid || context.InputIncomplete
                || !Workloads.HasPodsInNamespace(context.Index, policy)
                || Workloads.HasCustomResourcesNear(context.Index, policy)
                || Workloads.Selected(context.Index, policy, selector).Any())
            {
                continue;
            }

            context.Report(Definition, policy, node, $"podSelector {selector} matches no pod template in {(policy.Namespace is null ? "the input" : "namespace " + policy.Namespace)}");
        }
    }
}
