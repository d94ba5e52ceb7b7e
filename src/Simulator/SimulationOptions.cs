using KubeLint.Analyzer.Model;

namespace KubeLint.Simulator;

/// <summary>Inputs of a simulation beyond the manifests themselves.</summary>
public sealed class SimulationOptions
{
    /// <summary>The user's cluster objects (Nodes, StorageClasses, PVs, ...); empty means the embedded default cluster.</summary>
    public IReadOnlyList<KubeObject> Cluster { get; init; } = [];

    /// <summary>The previous revision of the manifests, to simulate the real rollout from it; empty means "same manifests".</summary>
    public IReadOnlyList<KubeObject> Baseline { get; init; } = [];
}
