using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;
using KubeLint.Rules.Common;

namespace KubeLint.Rules.Resources;

/// <summary>KL3008: a request above the limit of the same resource, which the API server rejects.</summary>
public sealed class RequestsExceedLimitsRule : Rule
{
    public static RuleDescriptor Definition { get; } = new(
        RuleIds.RequestsExceedLimits,
        "requests-exceed-limits",
        Severity.Error,
        Categories.ProbesAndResources,
        "Requests must not exceed limits.",
        "For every resource with both a request and a limit, the API server requires request ≤ limit, compared as "
        + "quantities (so 1 and 1000m are equal) and for init and sidecar containers as well; otherwise the pod is "
        + "rejected with \"must be less than or equal to cpu limit of 1\".",
        "Lower the request or raise the limit.")
    {
        Examples = new(
            bad: """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  labels:
                    app: web
                spec:
                  securityContext:
                    runAsNonRoot: true
                  containers:
                    - name: web
                      image: example/web:1.4.2
                      resources:
                        requests: {cpu: 100m, memory: 256Mi}
                        limits: {memory: 128Mi}
                """,
            good: """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
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

    public override void Run(AnalysisContext context)
    {
        foreach (var template in PodContainers.Complete(context))
        {
            foreach (var container in PodContainers.All(template))
            {
                var resources = container.Node.GetMapping("resources");
                var requests = resources?.GetMapping("requests");
                var limits = resources?.GetMapping("limits");
                if (requests is null || limits is null)
                {
                    continue;
                }

                foreach (var entry in requests.Entries)
                {
                    if (entry.Value is YamlScalar request && limits[entry.KeyText] is YamlScalar limit
                        && Quantity.TryParse(request.Value, out var requested, out _)
                        && Quantity.TryParse(limit.Value, out var limited, out _)
                        && requested > limited)
                    {
                        context.Report(
                            Definition,
                            template.Owner,
                            request,
                            $"{container.Describe()}: resources.requests: Invalid value: \"{request.Value}\": must be less than or equal to {entry.KeyText} limit of {limit.Value}");
                    }
                }
            }
        }
    }
}
