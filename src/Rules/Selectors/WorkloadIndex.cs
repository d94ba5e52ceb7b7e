using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Model;

namespace KubeLint.Rules.Selectors;

/// <summary>
/// The lookups behind the cross-object rules, built once per run: running pod templates by label (key, value),
/// the namespaces that run pods, those holding custom resources, and objects by kind and namespace. A selector's
/// candidates are the templates carrying its rarest required label, so matching costs what it finds rather than
/// every template of the input.
/// </summary>
internal sealed class WorkloadIndex
{
    // Labels controllers add to the pods they create: a requirement on them may hold for a template without them,
    // so they cannot narrow the candidates.
    private static readonly HashSet<string> GeneratedKeys = new(StringComparer.Ordinal)
    {
        "statefulset.kubernetes.io/pod-name", "apps.kubernetes.io/pod-index", "controller-revision-hash", "pod-template-hash",
        "pod-template-generation", "job-name", "controller-uid", "batch.kubernetes.io/job-name", "batch.kubernetes.io/controller-uid",
        "batch.kubernetes.io/job-completion-index",
    };

    private readonly List<PodTemplate> _running = [];
    private readonly Dictionary<(string Key, string Value), List<int>> _byLabel = [];
    private readonly HashSet<string> _namespacesWithPods = new(StringComparer.Ordinal);
    private readonly HashSet<string> _customResourceNamespaces = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Kind, string? Namespace), List<KubeObject>> _byKindAndNamespace = [];
    private readonly Dictionary<(string Kind, string? Namespace, string Name), List<KubeObject>> _named = [];
    private readonly Dictionary<(string Kind, string Name), List<KubeObject>> _namedAnywhere = [];
    private readonly Dictionary<KubeObject, int> _positions = [];
    private readonly ObjectIndex _index;
    private readonly bool _anyNamespacedCustomResource;
    private readonly bool _customResourceWithoutNamespace;

    private WorkloadIndex(ObjectIndex index)
    {
        _index = index;
        foreach (var template in index.PodTemplates)
        {
            if (!Workloads.RunsPods(template))
            {
                continue;
            }

            var position = _running.Count;
            _running.Add(template);
            foreach (var label in template.Labels)
            {
                Postings(label.Key, label.Value).Add(position);
            }

            if (Workloads.IsComplete(template.Owner) && template.Owner.EffectiveNamespace is { } ns)
            {
                _namespacesWithPods.Add(ns);
            }
        }

        foreach (var obj in index.Objects)
        {
            Add(_byKindAndNamespace, (obj.Kind, obj.Namespace), obj);
            _positions[obj] = _positions.Count;
            Add(_named, (obj.Kind, obj.Namespace, obj.Name), obj);
            Add(_namedAnywhere, (obj.Kind, obj.Name), obj);
            if (!Workloads.IsBuiltIn(obj) && obj.EffectiveNamespace is not null)
            {
                _anyNamespacedCustomResource = true;
                if (obj.Namespace is null)
                {
                    _customResourceWithoutNamespace = true;
                }
                else
                {
                    _customResourceNamespaces.Add(obj.Namespace);
                }
            }
        }
    }

    public static WorkloadIndex Of(ObjectIndex index) => index.Derived(static i => new WorkloadIndex(i));

    /// <summary>Running templates the selector may select, in namespaces the object may share, in input order.</summary>
    public IEnumerable<PodTemplate> Selected(KubeObject selecting, LabelSelector selector)
    {
        foreach (var position in Candidates(selector))
        {
            var template = _running[position];
            if (Workloads.MayShareNamespace(selecting, template.Owner) && Workloads.MaySelect(selector, template))
            {
                yield return template;
            }
        }
    }

    public bool HasPodsIn(string? effectiveNamespace) => effectiveNamespace is not null && _namespacesWithPods.Contains(effectiveNamespace);

    /// <summary>Whether a namespaced custom resource shares a namespace with the object (see <see cref="Workloads.MayShareNamespace"/>).</summary>
    public bool HasCustomResourcesNear(KubeObject obj)
        => obj.Namespace is null ? _anyNamespacedCustomResource : _customResourceWithoutNamespace || _customResourceNamespaces.Contains(obj.Namespace);

    /// <summary>Objects of a kind (any group) in namespaces the object may share, in input order.</summary>
    public IEnumerable<KubeObject> Near(string kind, KubeObject obj)
    {
        if (obj.Namespace is null)
        {
            return _index.OfKind(kind);
        }

        var own = _byKindAndNamespace.TryGetValue((kind, obj.Namespace), out var list) ? list : [];
        var unplaced = _byKindAndNamespace.TryGetValue((kind, null), out var none) ? none : [];
        return unplaced.Count == 0 ? own : own.Count == 0 ? unplaced : Merge(own, unplaced);
    }

    /// <summary>True when an object of the kind with this name may share the object's namespace.</summary>
    public bool IsNamedNear(string kind, string name, KubeObject obj) => NamedNear(kind, name, obj).Any();

    /// <summary>Objects of the kind with this name in namespaces the object may share, in input order.</summary>
    public IEnumerable<KubeObject> NamedNear(string kind, string name, KubeObject obj)
    {
        if (obj.Namespace is null)
        {
            return _namedAnywhere.TryGetValue((kind, name), out var anywhere) ? anywhere : [];
        }

        var own = _named.TryGetValue((kind, obj.Namespace, name), out var list) ? list : [];
        var unplaced = _named.TryGetValue((kind, null, name), out var none) ? none : [];
        return unplaced.Count == 0 ? own : own.Count == 0 ? unplaced : Merge(own, unplaced);
    }

    /// <summary>How many running templates carry the label; the rarest label of a selector narrows its candidates best.</summary>
    public int Frequency(string key, string value) => _byLabel.TryGetValue((key, value), out var list) ? list.Count : 0;

    /// <summary>The requirement to look candidates up by: an In requirement on a label no controller adds, the rarest.</summary>
    public LabelRequirement? NarrowestRequirement(LabelSelector selector)
    {
        LabelRequirement? best = null;
        var bestCount = int.MaxValue;
        foreach (var requirement in selector.Requirements)
        {
            if (requirement.Operator != LabelOperator.In || GeneratedKeys.Contains(requirement.Key))
            {
                continue;
            }

            var count = requirement.Values.Sum(v => Frequency(requirement.Key, v));
            if (count < bestCount)
            {
                (best, bestCount) = (requirement, count);
            }
        }

        return best;
    }

    private IEnumerable<int> Candidates(LabelSelector selector)
    {
        if (!selector.IsValid)
        {
            return [];
        }

        if (NarrowestRequirement(selector) is not { } requirement)
        {
            return Enumerable.Range(0, _running.Count);
        }

        if (requirement.Values.Count == 1)
        {
            return _byLabel.TryGetValue((requirement.Key, requirement.Values[0]), out var only) ? only : [];
        }

        // A template has one value per key, so the lists are disjoint; merged back into input order.
        var merged = new List<int>();
        foreach (var value in requirement.Values.Distinct(StringComparer.Ordinal))
        {
            if (_byLabel.TryGetValue((requirement.Key, value), out var list))
            {
                merged.AddRange(list);
            }
        }

        merged.Sort();
        return merged;
    }

    private IEnumerable<KubeObject> Merge(List<KubeObject> a, List<KubeObject> b)
    {
        int i = 0, j = 0;
        while (i < a.Count || j < b.Count)
        {
            yield return j >= b.Count || (i < a.Count && _positions[a[i]] < _positions[b[j]]) ? a[i++] : b[j++];
        }
    }

    private static void Add<TKey>(Dictionary<TKey, List<KubeObject>> map, TKey key, KubeObject value)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(value);
    }

    private List<int> Postings(string key, string value)
    {
        if (!_byLabel.TryGetValue((key, value), out var list))
        {
            _byLabel[(key, value)] = list = [];
        }

        return list;
    }
}
