using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Schema;

/// <summary>
/// The schemas that CustomResourceDefinitions of one run declare, by apiVersion and kind. Each served version's
/// openAPIV3Schema is compiled the first time an object of that version is validated, from the definition's tree as
/// parsed (a definition whose schemas were let go after it loaded is parsed again then, once per definition).
/// </summary>
internal sealed class CustomResourceSchemas
{
    private readonly SchemaBundle _bundle;

    // Where each version's schema is: the definition and the position of the version in spec.versions (-1 for the
    // shared spec.validation of apiextensions v1beta1).
    private readonly Dictionary<string, (KubeObject Crd, int Version)> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<KubeObject, YamlMapping> _parsed = [];
    private readonly Dictionary<string, SchemaNode> _compiled = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _servedByKind = new(StringComparer.Ordinal);
    private readonly HashSet<KubeObject> _definedBy = [];

    public CustomResourceSchemas(SchemaBundle bundle, IEnumerable<KubeObject> objects)
    {
        _bundle = bundle;
        foreach (var crd in objects.Where(o => o.Is("apiextensions.k8s.io", "CustomResourceDefinition")))
        {
            Add(crd);
        }
    }

    public SchemaNode? Find(string apiVersion, string kind)
    {
        var key = apiVersion + " " + kind;
        if (_compiled.TryGetValue(key, out var node))
        {
            return node;
        }

        if (!_sources.TryGetValue(key, out var source))
        {
            return null;
        }

        node = CrdSchemaCompiler.CompileRoot(SchemaOf(source.Crd, source.Version), _bundle);
        _compiled[key] = node;
        return node;
    }

    /// <summary>The apiVersions a CRD serves for a group and kind, in the CRD's order; empty when no CRD defines the kind.</summary>
    public IReadOnlyList<string> ServedVersions(string group, string kind)
        => _servedByKind.TryGetValue(group + " " + kind, out var served) ? served : [];

    /// <summary>Whether the CRD contributed a schema (the first definition of a kind wins).</summary>
    public bool Defines(KubeObject crd) => _definedBy.Contains(crd);

    private void Add(KubeObject crd)
    {
        var spec = crd.Spec;
        var group = spec?.GetString("group");
        var kind = spec?.GetMapping("names")?.GetString("kind");
        if (spec is null || group is null || kind is null)
        {
            return;
        }

        // apiextensions.k8s.io/v1beta1 (no longer served) had one schema for all versions (spec.validation) and
        // could name a single version in spec.version.
        var versions = spec.GetSequence("versions")?.Items ?? [];
        if (!versions.Any(v => v is YamlMapping) && spec.GetString("version") is { } only)
        {
            AddVersion(group, kind, only, (crd, -1));
            return;
        }

        for (var i = 0; i < versions.Count; i++)
        {
            if (versions[i] is not YamlMapping version)
            {
                continue;
            }

            var name = version.GetString("name");
            var served = version.GetScalar("served") is not { } flag || !flag.TryGetBool(out var isServed) || isServed;
            if (name is null || !served)
            {
                continue;
            }

            AddVersion(group, kind, name, (crd, i));
        }
    }

    /// <summary>A version's openAPIV3Schema, else the definition's shared one; null when it has neither.</summary>
    private YamlMapping? SchemaOf(KubeObject crd, int version)
    {
        if (!_parsed.TryGetValue(crd, out var root))
        {
            root = crd.ParsedRoot();
            _parsed[crd] = root;
        }

        var spec = root.GetMapping("spec");
        var shared = spec?.GetPath("validation", "openAPIV3Schema") as YamlMapping;
        return version >= 0 && spec?.GetSequence("versions") is { } versions && version < versions.Count
            ? (versions.Items[version] as YamlMapping)?.GetPath("schema", "openAPIV3Schema") as YamlMapping ?? shared
            : shared;
    }

    private void AddVersion(string group, string kind, string name, (KubeObject Crd, int Version) schema)
    {
        // The first definition of a kind wins, so a CRD given twice (input and --crd) behaves like one.
        var key = group + "/" + name + " " + kind;
        if (_sources.ContainsKey(key))
        {
            return;
        }

        _sources[key] = schema;
        _definedBy.Add(schema.Crd);
        var kindKey = group + " " + kind;
        if (!_servedByKind.TryGetValue(kindKey, out var served))
        {
            served = [];
            _servedByKind[kindKey] = served;
        }

        served.Add(group + "/" + name);
    }
}
