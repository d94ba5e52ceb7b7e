using System.Globalization;
using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;
using DecodedQuantity = KubeLint.Analyzer.Validation.DecodedQuantity;
using KubeLint.Analyzer.Validation.Pods;
using KubeLint.Analyzer.Yaml;
using KubeLint.Rules.Common;

namespace KubeLint.Rules.Resources;

/// <summary>
/// KL3008: a request above the limit of the same overcommittable resource, which the API server rejects
/// (<c>validateResourceRequirements</c>, pkg/apis/core/validation); a request that differs from the limit of a
/// resource that cannot be overcommitted (extended resources, hugepages) is API validation's.
/// </summary>
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
        + "rejected with \"must be less than or equal to cpu limit of 1\". A StatefulSet is accepted, and its pods are "
        + "rejected when its controller creates them.",
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
            var prefix = template.Owner.Is("apps", "StatefulSet") ? PodTemplateValidation.StatefulSetPodsPrefix : string.Empty;
            var specPath = template.Owner.Kind switch
            {
                "Pod" => "spec",
                "PodTemplate" => "template.spec",
                "CronJob" => "spec.jobTemplate.spec.template.spec",
                _ => "spec.template.spec",
            };
            Check(context, template, template.InitContainers, prefix + specPath + ".initContainers");
            Check(context, template, template.Containers, prefix + specPath + ".containers");
        }
    }

    private static void Check(AnalysisContext context, PodTemplate template, IEnumerable<YamlMapping> containers, string path)
    {
        var index = 0;
        foreach (var container in containers)
        {
            var resources = container.GetMapping("resources");
            var requests = resources?.GetMapping("requests");
            var limits = resources?.GetMapping("limits");
            if (requests is not null && limits is not null)
            {
                foreach (var entry in requests.Entries)
                {
                    if (ResourceNames.IsOvercommitAllowed(entry.KeyText)
                        && entry.Value is YamlScalar request && limits[entry.KeyText] is YamlScalar limit
                        && DecodedQuantity.TryReadListEntry(request, out var requested)
                        && DecodedQuantity.TryReadListEntry(limit, out var limited)
                        && requested.Amount > limited.Amount)
                    {
                        context.Report(
                            Definition,
                            template.Owner,
                            request,
                            $"{path}[{index.ToString(CultureInfo.InvariantCulture)}].resources.requests: Invalid value: \"{requested}\": must be less than or equal to {entry.KeyText} limit of {limited}");
                    }
                }
            }

            index++;
        }
    }
}
