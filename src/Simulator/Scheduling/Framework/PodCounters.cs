using KubeLint.Analyzer.Model;
using KubeLint.Simulator.Model;

namespace KubeLint.Simulator.Scheduling.Framework;

/// <summary>How many placed pods on each node match one selector (a spread constraint's, an affinity term's).</summary>
internal sealed class PodCounter
{
    private int[] _perNode;
    private int[] _perZone = [];

    public PodCounter(Func<SimPod, bool> matches, int nodes)
    {
        Matches = matches;
        _perNode = new int[nodes];
    }

    public Func<SimPod, bool> Matches { get; }

    public int Total { get; private set; }

    /// <summary>Matching pods on nodes without the zone label.</summary>
    public int WithoutZone { get; private set; }

    public int this[int node] => node < _perNode.Length ? _perNode[node] : 0;

    /// <summary>Matching pods on the nodes of one zone (a zone id of the snapshot).</summary>
    public int InZone(int zone) => zone < _perZone.Length ? _perZone[zone] : 0;

    public void Add(int node, int zone, int delta)
    {
        if (node >= _perNode.Length)
        {
            Array.Resize(ref _perNode, Math.Max(node + 1, _perNode.Length * 2));
        }

        _perNode[node] += delta;
        Total += delta;
        if (zone < 0)
        {
            WithoutZone += delta;
            return;
        }

        if (zone >= _perZone.Length)
        {
            Array.Resize(ref _perZone, Math.Max(zone + 1, _perZone.Length * 2));
        }

        _perZone[zone] += delta;
    }

    public PodCounter Clone() => new(Matches, 0)
    {
        _perNode = (int[])_perNode.Clone(),
        _perZone = (int[])_perZone.Clone(),
        Total = Total,
        WithoutZone = WithoutZone,
    };
}

/// <summary>
/// Pod counts per node for the selectors the plugins ask about (countPodsMatchSelector, the InterPodAffinity
/// PreFilter and PreScore counts), kept up to date as pods are bound and removed so that a scheduling cycle reads a
/// count per node instead of walking every pod of the cluster. A counter is created on first use by one pass over
/// the placed pods; a pod bound later is offered only to the counters indexed under one of its labels (the first
/// single-valued equality requirement of the selector) or to those without such a requirement.
/// </summary>
internal sealed class PodCounters
{
    private const string AnyNamespace = "\0";

    private readonly Dictionary<object, PodCounter> _byKey = [];
    private readonly Dictionary<(string Namespace, string Key, string Value), List<PodCounter>> _indexed = [];
    private readonly Dictionary<string, List<PodCounter>> _general = new(StringComparer.Ordinal);
    private readonly List<(PodCounter Counter, IReadOnlyList<string>? Namespaces, LabelSelector? Selector)> _all = [];

    /// <summary>
    /// The counter for <paramref name="key"/> (compared by value for tuples, by reference for terms and selectors),
    /// created over <paramref name="placed"/> when new. <paramref name="namespaces"/> null means any namespace.
    /// </summary>
    public PodCounter For(object key, IReadOnlyList<string>? namespaces, LabelSelector? selector, Func<SimPod, bool> matches, ClusterSnapshot snapshot)
    {
        if (_byKey.TryGetValue(key, out var counter))
        {
            return counter;
        }

        counter = new PodCounter(matches, snapshot.NodeCount);
        for (var i = 0; i < snapshot.NodeCount; i++)
        {
            foreach (var pod in snapshot[i].Pods)
            {
                if (matches(pod))
                {
                    counter.Add(i, snapshot.ZoneOf(i), 1);
                }
            }
        }

        _byKey[key] = counter;
        Index(counter, namespaces, selector);
        return counter;
    }

    public void OnBound(SimPod pod, int node, int zone, int delta)
    {
        if (_all.Count == 0)
        {
            return;
        }

        Offer(pod, node, zone, delta, pod.Namespace);
        Offer(pod, node, zone, delta, AnyNamespace);
    }

    public PodCounters Clone()
    {
        var clone = new PodCounters();
        var copies = new Dictionary<PodCounter, PodCounter>();
        foreach (var (counter, namespaces, selector) in _all)
        {
            var copy = counter.Clone();
            copies[counter] = copy;
            clone.Index(copy, namespaces, selector);
        }

        foreach (var pair in _byKey)
        {
            clone._byKey[pair.Key] = copies[pair.Value];
        }

        return clone;
    }

    private void Offer(SimPod pod, int node, int zone, int delta, string ns)
    {
        if (_general.TryGetValue(ns, out var general))
        {
            foreach (var counter in general)
            {
                if (counter.Matches(pod))
                {
                    counter.Add(node, zone, delta);
                }
            }
        }

        foreach (var label in pod.Labels)
        {
            if (_indexed.TryGetValue((ns, label.Key, label.Value), out var counters))
            {
                foreach (var counter in counters)
                {
                    if (counter.Matches(pod))
                    {
                        counter.Add(node, zone, delta);
                    }
                }
            }
        }
    }

    private void Index(PodCounter counter, IReadOnlyList<string>? namespaces, LabelSelector? selector)
    {
        _all.Add((counter, namespaces, selector));
        var equality = selector?.Requirements.FirstOrDefault(r => r.Operator == LabelOperator.In && r.Values.Count == 1);
        foreach (var ns in namespaces?.Distinct(StringComparer.Ordinal) ?? [AnyNamespace])
        {
            if (equality is not null)
            {
                var key = (ns, equality.Key, equality.Values[0]);
                if (!_indexed.TryGetValue(key, out var list))
                {
                    _indexed[key] = list = [];
                }

                list.Add(counter);
            }
            else
            {
                if (!_general.TryGetValue(ns, out var list))
                {
                    _general[ns] = list = [];
                }

                list.Add(counter);
            }
        }
    }
}
