namespace KubeLint.Simulator.Model;

/// <summary>A node of the modelled cluster: labels, taints, allocatable resources.</summary>
public sealed class SimNode
{
    public SimNode(string name, IReadOnlyDictionary<string, string> labels, IReadOnlyList<Taint> taints, Resources allocatable, int allocatablePods, bool unschedulable)
    {
        Name = name;
        Labels = labels;
        Taints = taints;
        Allocatable = allocatable;
        AllocatablePods = allocatablePods;
        Unschedulable = unschedulable;
    }

    public string Name { get; }

    public IReadOnlyDictionary<string, string> Labels { get; }

    public IReadOnlyList<Taint> Taints { get; }

    public Resources Allocatable { get; }

    public int AllocatablePods { get; }

    /// <summary>spec.unschedulable (cordoned).</summary>
    public bool Unschedulable { get; }
}
