using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;
using KubeLint.Simulator.Model;

namespace KubeLint.Simulator.Controllers;

/// <summary>A manifest that creates pods, with the pods and claims its controller would create.</summary>
public sealed class Workload
{
    public required KubeObject Owner { get; init; }

    /// <summary>"Deployment/web".</summary>
    public required string Name { get; init; }

    /// <summary>Where pod findings point: the replicas value, else the pod spec's key.</summary>
    public required YamlNode ReportNode { get; init; }

    public List<SimPod> Pods { get; } = [];

    public List<SimClaim> Claims { get; } = [];
}
