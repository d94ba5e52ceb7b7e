using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Rules.Selectors;

/// <summary>KL2004: a PodDisruptionBudget that protects no pod.</summary>
public sealed class PdbSelectsNothingRule : Rule
{
    public static RuleDescriptor Definition { get; } = new(
        RuleIds.PdbSelectsNothing,
        "pdb-selects-nothing",
        Severity.Warning,
        Workloads.Category,
        "A PodDisruptionBudget selects no pods.",
        "A PodDisruptionBudget only limits evictions of the pods its selector selects. In policy/v1 a null selector "
            + "selects no pods and an empty one ({}) selects every pod of the namespace; in policy/v1beta1 both select "
            + "no pods. A selector that matches no pod template of the input protects nothing (namespaces where the "
            + "input runs no pods or defines custom resources, whose operators may create pods, are not checked).",
        "Set spec.selector to the labels of the pods the budget should protect.")
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
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata:
                  name: web
                spec:
                  minAvailable: 1
                  selector:
                    matchLabels:
                      app: wbe
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
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata:
                  name: web
                spec:
                  minAvailable: 1
                  selector:
                    matchLabels:
                      app: web
                """),
    };

    public override RuleDescriptor Descriptor => Definition;

    public override void Run(AnalysisContext context)
    {
        foreach (var pdb in context.Index.OfKind("PodDisruptionBudget"))
        {
            if (pdb.Group != "policy" || pdb.Root.GetEntry("spec") is not { Value: YamlMapping spec } specEntry)
            {
                continue;
            }

            var v1 = pdb.Version == "v1";
            switch (spec["selector"])
            {
                case null or YamlScalar { IsNull: true }:
                    context.Report(Definition, pdb, specEntry.Key, $"spec.selector is not set: a null selector selects no pods{(v1 ? " (an empty selector {} selects all pods of the namespace)" : string.Empty)}");
                    break;
                case YamlMapping node:
                    Check(context, pdb, node, v1);
                    break;
            }
        }
    }

    private static void Check(AnalysisContext context, KubeObject pdb, YamlMapping node, bool v1)
    {
        var selector = LabelSelector.FromLabelSelector(node);
        if (selector.IsEmpty)
        {
            if (!v1)
            {
                context.Report(Definition, pdb, node, $"an empty selector selects no pods in policy/{pdb.Version} (policy/v1 selects all pods of the namespace)");
            }

            return;
        }

        if (selector.IsValid && !context.InputIncomplete
            && Workloads.HasPodsInNamespace(context.Index, pdb)
            && !Workloads.HasCustomResourcesNear(context.Index, pdb)
            && !Workloads.Selected(context.Index, pdb, selector).Any())
        {
            context.Report(Definition, pdb, node, $"selector {selector} matches no pod template in {(pdb.Namespace is null ? "the input" : "namespace " + pdb.Namespace)}");
        }
    }
}
