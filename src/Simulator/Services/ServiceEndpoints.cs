using System.Globalization;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;
using KubeLint.Simulator.Controllers;
using KubeLint.Simulator.Model;

namespace KubeLint.Simulator.Services;

/// <summary>
/// The endpoints each Service has after the apply, as the EndpointSlice controller computes them
/// (pkg/controller/endpointslice/reconciler.go, staging/src/k8s.io/endpointslice/utils.go): the pods of the
/// Service's namespace whose labels match its selector and that are ready; per Service port the targetPort is a
/// number as written, or a name resolved per pod with FindPort (pkg/api/v1/pod/util.go: the first container port of
/// that name and the Service port's protocol), and a pod without it is no endpoint of that port. As in the rollout
/// model a scheduled pod counts as ready (containers are assumed to start and pass their probes).
/// </summary>
internal static class ServiceEndpoints
{
    /// <param name="running">The pods of the --cluster description bound to a node: they ran before the apply.</param>
    public static List<ServiceResult> Compute(IReadOnlyList<KubeObject> objects, IReadOnlyList<Workload> workloads, IReadOnlyList<KubeObject> baseline, IEnumerable<SimPod> running)
    {
        // Workloads indexed by namespace and pod label, so each Service looks only at those carrying its rarest
        // selector label (a Service's selector is a map: every requirement is an equality).
        var byLabel = new Dictionary<(string Namespace, string Key, string Value), List<Workload>>();
        foreach (var workload in workloads)
        {
            if (workload.Factory is null)
            {
                continue;
            }

            foreach (var label in workload.Factory.Template.Labels)
            {
                var key = (workload.Owner.EffectiveNamespace ?? "default", label.Key, label.Value);
                if (!byLabel.TryGetValue(key, out var list))
                {
                    byLabel[key] = list = [];
                }

                list.Add(workload);
            }
        }

        var results = new List<ServiceResult>();
        foreach (var service in objects.Where(o => o.Kind == "Service"))
        {
            if (ServiceSelector.Read(service) is not { } selector)
            {
                continue;
            }

            var ns = service.EffectiveNamespace ?? "default";
            var selected = Candidates(byLabel, ns, selector).Where(w => selector.Matches(w.Factory!.Template.Labels)).ToList();
            var backends = new List<ServiceBackend>();
            foreach (var group in selected.GroupBy(w => w.ReportedName, StringComparer.Ordinal))
            {
                var ready = group.Sum(w => w.Outcomes.Where(o => o.Node is not null && o.Admission is null).Sum(o => o.Count));
                backends.Add(new ServiceBackend(group.Key, ready, group.Sum(w => w.Total)));
            }

            var ports = new List<ServicePortResult>();
            foreach (var port in service.Spec?.GetSequence("ports")?.Mappings ?? [])
            {
                ports.Add(Port(port, selected));
            }

            results.Add(new ServiceResult(ns, service.Name, backends, ports) { SwitchGap = SwitchGap(service, selector, selected, baseline, running) });
        }

        return results;
    }

    /// <summary>The workloads of the namespace carrying the selector's rarest label, in apply order.</summary>
    private static List<Workload> Candidates(Dictionary<(string Namespace, string Key, string Value), List<Workload>> byLabel, string ns, LabelSelector selector)
    {
        List<Workload>? rarest = null;
        foreach (var requirement in selector.Requirements)
        {
            var list = byLabel.TryGetValue((ns, requirement.Key, requirement.Values.FirstOrDefault() ?? string.Empty), out var found) ? found : [];
            if (rarest is null || list.Count < rarest.Count)
            {
                rarest = list;
            }
        }

        return rarest ?? [];
    }

    private static ServicePortResult Port(YamlMapping port, List<Workload> selected)
    {
        var number = port.GetScalar("port") is { } p && p.TryGetInt64(out var n) ? n : 0;
        var protocol = port.GetString("protocol") ?? "TCP";
        var target = port.GetScalar("targetPort") is { IsNull: false } t ? t.Value : number.ToString(CultureInfo.InvariantCulture);
        var resolved = new List<(string Workload, long? Port)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var workload in selected)
        {
            if (seen.Add(workload.ReportedName))
            {
                resolved.Add((workload.ReportedName, long.TryParse(target, NumberStyles.None, CultureInfo.InvariantCulture, out var direct) ? direct : FindPort(workload, target, protocol)));
            }
        }

        return new ServicePortResult(port.GetString("name"), number, protocol, target, resolved);
    }

    /// <summary>FindPort: the containerPort of the first container port named <paramref name="name"/> with the protocol.</summary>
    private static long? FindPort(Workload workload, string name, string protocol)
    {
        if (PodTemplate.Of(workload.Owner) is not { } template)
        {
            return null;
        }

        foreach (var container in template.Containers)
        {
            foreach (var port in container.GetSequence("ports")?.Mappings ?? [])
            {
                if (port.GetString("name") == name && (port.GetString("protocol") ?? "TCP") == protocol && port.GetScalar("containerPort") is { } c && c.TryGetInt64(out var value))
                {
                    return value;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A selector switch against the baseline (blue/green): at the moment the new selector is applied, only pods that
    /// ran before the apply can be ready (pods of workloads that the baseline has, and the cluster description's
    /// running pods, with labels the new selector matches); pods this apply creates still have to be scheduled,
    /// start and pass their readiness probes. With none ready, the Service has no endpoint until they are: the
    /// explanation, else null.
    /// </summary>
    private static string? SwitchGap(KubeObject service, LabelSelector selector, List<Workload> selected, IReadOnlyList<KubeObject> baseline, IEnumerable<SimPod> running)
    {
        var previous = baseline.FirstOrDefault(b => b.Group.Length == 0 && b.Kind == "Service" && b.Name == service.Name && b.EffectiveNamespace == service.EffectiveNamespace);
        if (previous is null || ServiceSelector.Read(previous) is not { } before || Canonical(before) == Canonical(selector))
        {
            return null;
        }

        var ns = service.EffectiveNamespace ?? "default";
        var runningBefore = baseline.Any(b => b.Kind != "Service" && (b.EffectiveNamespace ?? "default") == ns && PodTemplate.Of(b) is { } template
            && selector.Matches(template.Labels) && WorkloadExpander.Replicas(b.Spec) is not 0);
        if (runningBefore || running.Any(p => p.Namespace == ns && selector.Matches(p.Labels)))
        {
            return null;
        }

        var prefix = "switching the selector from " + before + " to " + selector + " leaves the Service with no ready endpoint: no pod that ran before the apply matches the new selector";
        return selected.Count == 0
            ? prefix + ", nor does any pod of the manifests"
            : prefix + ", so traffic fails until the pods of " + string.Join(", ", selected.Select(w => w.ReportedName).Distinct(StringComparer.Ordinal)) + " are ready";
    }

    private static string Canonical(LabelSelector selector) => string.Join(",", selector.Requirements.Select(r => r.ToString()).OrderBy(r => r, StringComparer.Ordinal));
}
