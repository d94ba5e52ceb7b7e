using System.Collections.Concurrent;
using KubeLint.Analyzer.Model;

namespace KubeLint.Analyzer.Engine;

/// <summary>Lookups over all objects of a run, built once and shared by every pass (read-only, so thread-safe).</summary>
public sealed class ObjectIndex
{
    private readonly Dictionary<string, List<KubeObject>> _byKind = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Kind, string? Namespace, string Name), List<KubeObject>> _byName = [];
    private readonly Dictionary<KubeObject, PodTemplate> _templates = [];
    private readonly ConcurrentDictionary<Type, object> _derived = new();

    public ObjectIndex(IReadOnlyList<KubeObject> objects)
    {
        Objects = objects;
        var templates = new List<PodTemplate>();
        foreach (var obj in objects)
        {
            if (!_byKind.TryGetValue(obj.Kind, out var list))
            {
                _byKind[obj.Kind] = list = [];
            }

            list.Add(obj);
            var key = (obj.Kind, obj.EffectiveNamespace, obj.Name);
            if (!_byName.TryGetValue(key, out var named))
            {
                _byName[key] = named = [];
            }

            named.Add(obj);
            if (PodTemplate.Of(obj) is { } template)
            {
                templates.Add(template);
                _templates[obj] = template;
            }
        }

        PodTemplates = templates;
    }

    public IReadOnlyList<KubeObject> Objects { get; }

    /// <summary>Pod templates of every workload, in input order.</summary>
    public IReadOnlyList<PodTemplate> PodTemplates { get; }

    /// <summary>The pod template of an object (the same instance as in <see cref="PodTemplates"/>), or null.</summary>
    public PodTemplate? TemplateOf(KubeObject obj) => _templates.TryGetValue(obj, out var template) ? template : null;

    /// <summary>Objects of a kind (any group), in input order.</summary>
    public IReadOnlyList<KubeObject> OfKind(string kind) => _byKind.TryGetValue(kind, out var list) ? list : [];

    /// <summary>Objects of a kind and group, in input order.</summary>
    public IEnumerable<KubeObject> OfKind(string group, string kind) => OfKind(kind).Where(o => o.Group == group);

    /// <summary>Objects with this kind, effective namespace (null for cluster-scoped) and name.</summary>
    public IReadOnlyList<KubeObject> Find(string kind, string? ns, string name)
        => _byName.TryGetValue((kind, ns, name), out var list) ? list : [];

    /// <summary>True when the input defines any object of this kind in this namespace (used to avoid guessing about absent objects).</summary>
    public bool DefinesAny(string kind, string? ns) => OfKind(kind).Any(o => o.EffectiveNamespace == ns);

    /// <summary>
    /// A lookup that passes derive from the objects (label postings, namespaces with pods), built on first use and
    /// shared by every pass of the run, so that cross-object rules pay for it once instead of pairing all objects.
    /// </summary>
    public T Derived<T>(Func<ObjectIndex, T> create)
        where T : class
        => (T)_derived.GetOrAdd(typeof(T), _ => create(this));

    /// <summary>Pod templates in a namespace.</summary>
    public IEnumerable<PodTemplate> PodTemplatesIn(string ns) => PodTemplates.Where(t => t.Namespace == ns);
}
