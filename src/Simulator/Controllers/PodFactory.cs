using KubeLint.Simulator.Model;

namespace KubeLint.Simulator.Controllers;

/// <summary>
/// Stamps a workload's pod template into pods by index, named as the controller names them, with what differs per
/// pod: a StatefulSet pod's ordinal labels and claims, a DaemonSet pod's node.
/// </summary>
public sealed class PodFactory
{
    private readonly Func<long, string> _name;
    private readonly Func<long, SimPod, SimPod>? _vary;

    public PodFactory(SimPod template, Func<long, string> name, Func<long, SimPod, SimPod>? vary = null)
    {
        Template = template;
        _name = name;
        _vary = vary;
    }

    /// <summary>The pod every other is a copy of (index 0's spec).</summary>
    public SimPod Template { get; }

    /// <summary>A StatefulSet's claims for an ordinal, created with its pod; null for other kinds.</summary>
    public Func<long, IReadOnlyList<SimClaim>>? ClaimsOf { get; init; }

    /// <summary>The node names a DaemonSet's pods are pinned to, by index; grows when nodes join.</summary>
    public List<string>? Nodes { get; init; }

    public string NameOf(long index) => _name(index);

    public SimPod Create(long index)
    {
        var pod = Template.WithName(_name(index));
        return _vary is null ? pod : _vary(index, pod);
    }
}
