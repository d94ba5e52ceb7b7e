using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Schema;

/// <summary>
/// The schemas that CustomResourceDefinitions of one run declare, by apiVersion and kind. Each served version's
/// openAPIV3Schema is compiled the first time an object of that version is validated.
/// </summary>
internal sealed class CustomResourceSchemas
{
    private readonly SchemaBundle _bundle;
    private readonly Dictionary<string, YamlMapping?> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SchemaNode> _compiled = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _servedByKind = new(StringComparer.Ordinal);

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

        node = CrdSchemaCompiler.CompileRoot(source, _bundle);
        _compiled[key] = node;
        return node;
    }

    /// <summary>The apiVersions a CRD serves for a group and kind, in the CRD's order; empty when no CRD defines the kind.</summary>
    public IReadOnlyList<string> ServedVersions(string group, string kind)
        => _servedByKind.TryGetValue(group + " " + kind, out var served) ? served : [];

    private void Add(KubeObject crd)
    {
        var spec = crd.Spec;
        var group = spec?.GetString("group");
        var kind = spec?.GetMapping("names")?.GetString("kind");
        if (spec is null || group is null || kind is null)
        {
            return;
        }

        foreach (var version in spec.GetSequence("versions")?.Mappings ?? [])
        {
            var name = version.GetString("name");
            var served = version.GetScalar("served") is not { } flag || !flag.TryGetBool(out var isServed) || isServed;
            if (name is null || !served)
            {
                continue;
            }

            // The first definition of a kind wins, so a CRD given twice (input and --crd) behaves like one.
            var key = group + "/" + name + " " + kind;
            if (!_sources.ContainsKey(key))
            {
                _sources[key] = version.GetPath("schema", "openAPIV3Schema") as YamlMapping;
                var kindKey = group + " " + kind;
                if (!_servedByKind.TryGetValue(kindKey, out var versions))
                {
                    versions = [];
                    _servedByKind[kindKey] = versions;
                }

                versions.Add(group + "/" + name);
            }
        }
    }
}
