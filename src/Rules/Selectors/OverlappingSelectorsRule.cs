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
            + "(alternative install variants side by side). Each workload is reported once, naming the first earlier workload it overlaps with.",
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
        var alternatives = NamespacesWithAlternatives(context.Objects);
        var workloads = new List<Candidate>();
        foreach (var obj in context.Objects)
        {
            if (!Workloads.IsController(obj)
                || obj.Metadata?.ContainsKey("ownerReferences") == true
                || alternatives.Contains(obj.EffectiveNamespace ?? string.Empty)
                || context.Index.TemplateOf(obj) is not { Template: not null } template
                || obj.Spec?.GetMapping("selector") is not { } node
                || Workloads.SelectorOf(obj) is not { IsValid: true, IsEmpty: false } selector)
            {
                continue;
            }

            workloads.Add(new Candidate(workloads.Count, obj, node, selector, template.Labels));
        }

        // Each workload is compared with the earlier ones of its namespace through two indexes, so the cost follows
        // the overlaps found instead of every pair: the earlier workloads carrying the rarest label this selector
        // requires, and the earlier selectors filed under one of the labels this workload carries.
        foreach (var group in workloads.GroupBy(w => w.Obj.EffectiveNamespace ?? string.Empty, StringComparer.Ordinal))
        {
            CheckNamespace(context, group.ToList());
        }
    }

    /// <summary>Reports each workload once, at its selector, naming the first earlier workload it overlaps with.</summary>
    private static void CheckNamespace(AnalysisContext context, List<Candidate> workloads)
    {
        var byLabel = new Dictionary<(string Key, string Value), List<Candidate>>();
        var selectorsByLabel = new Dictionary<(string Key, string Value), List<Candidate>>();
        var broadSelectors = new List<Candidate>();
        foreach (var workload in workloads)
        {
            foreach (var label in workload.Labels)
            {
                Add(byLabel, (label.Key, label.Value), workload);
            }
        }

        foreach (var later in workloads)
        {
            var forward = FirstForward(later, byLabel, workloads);
            var backward = FirstBackward(later, selectorsByLabel, broadSelectors);
            if (forward is not null && (backward is null || forward.Position <= backward.Position))
            {
                context.Report(Definition, later.Obj, later.Node, $"selector {later.Selector} also selects the pods of {Describe(forward)}");
            }
            else if (backward is not null)
            {
                context.Report(Definition, later.Obj, later.Node, $"the selector {backward.Selector} of {Describe(backward)} also selects the pods of this {later.Obj.Kind}");
            }

            // Filed once, under its rarest In requirement, for the workloads after it.
            var narrowest = later.Selector.Requirements
                .Where(r => r.Operator == LabelOperator.In)
                .OrderBy(r => r.Values.Sum(v => byLabel.TryGetValue((r.Key, v), out var list) ? list.Count : 0))
                .FirstOrDefault();
            if (narrowest is null)
            {
                broadSelectors.Add(later);
            }
            else
            {
                foreach (var value in narrowest.Values.Distinct(StringComparer.Ordinal))
                {
                    Add(selectorsByLabel, (narrowest.Key, value), later);
                }
            }
        }
    }

    /// <summary>The first earlier workload whose pods this selector selects.</summary>
    private static Candidate? FirstForward(Candidate later, Dictionary<(string Key, string Value), List<Candidate>> byLabel, List<Candidate> namespaceWorkloads)
    {
        var narrowest = later.Selector.Requirements
            .Where(r => r.Operator == LabelOperator.In)
            .Select(r => (Requirement: r, Lists: r.Values.Distinct(StringComparer.Ordinal).Select(v => byLabel.TryGetValue((r.Key, v), out var list) ? list : []).ToList()))
            .OrderBy(r => r.Lists.Sum(list => list.Count))
            .FirstOrDefault();
        IEnumerable<List<Candidate>> lists = narrowest.Requirement is null ? [] : narrowest.Lists;
        Candidate? first = null;
        foreach (var list in lists)
        {
            foreach (var earlier in list)
            {
                if (earlier.Position >= later.Position || (first is not null && earlier.Position >= first.Position))
                {
                    break;
                }

                if (IsPair(earlier, later) && later.Selector.Matches(earlier.Labels))
                {
                    first = earlier;
                    break;
                }
            }
        }

        // A selector without In requirements (Exists and NotIn only, rare) is compared with every earlier workload.
        return narrowest.Requirement is null ? FirstOf(later, namespaceWorkloads, e => later.Selector.Matches(e.Labels)) : first;
    }

    /// <summary>The first earlier workload whose selector selects this workload's pods.</summary>
    private static Candidate? FirstBackward(
        Candidate later,
        Dictionary<(string Key, string Value), List<Candidate>> selectorsByLabel,
        List<Candidate> broadSelectors)
    {
        var first = FirstOf(later, broadSelectors, e => e.Selector.Matches(later.Labels));
        foreach (var label in later.Labels)
        {
            if (!selectorsByLabel.TryGetValue((label.Key, label.Value), out var filed))
            {
                continue;
            }

            foreach (var earlier in filed)
            {
                if (first is not null && earlier.Position >= first.Position)
                {
                    break;
                }

                if (IsPair(earlier, later) && earlier.Selector.Matches(later.Labels))
                {
                    first = earlier;
                    break;
                }
            }
        }

        return first;
    }

    private static Candidate? FirstOf(Candidate later, IEnumerable<Candidate> earlier, Func<Candidate, bool> overlaps)
        => earlier.TakeWhile(e => e.Position < later.Position).FirstOrDefault(e => IsPair(e, later) && overlaps(e));

    /// <summary>Two definitions of one component (the same name, e.g. as a Deployment and as a StatefulSet) are alternatives, not a pair.</summary>
    private static bool IsPair(Candidate earlier, Candidate later) => earlier.Obj.Name != later.Obj.Name;

    private static string Describe(Candidate workload) => $"{workload.Obj.Kind} {workload.Obj.Name} ({workload.Obj.File.Path}:{workload.Node.Start})";

    private static void Add(Dictionary<(string Key, string Value), List<Candidate>> index, (string Key, string Value) key, Candidate workload)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(workload);
    }

    private sealed record Candidate(int Position, KubeObject Obj, YamlMapping Node, LabelSelector Selector, IReadOnlyDictionary<string, string> Labels);
}
