using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Cli.Kustomize;

/// <summary>
/// The kustomization fields that set fields of every object, and generators: where in a kustomization file a field
/// of the build output was set (kustomize's builtin NamespaceTransformer, LabelTransformer, AnnotationsTransformer,
/// ImageTagTransformer, ReplicaCountTransformer, ConfigMapGenerator and SecretGenerator).
/// </summary>
internal static class KustomizeTransformers
{
    private static readonly HashSet<string> LabelMaps = new(StringComparer.Ordinal) { "labels", "matchLabels", "selector" };

    /// <summary>The node of <paramref name="kustomization"/> that set the field at <paramref name="path"/>, or null.</summary>
    public static YamlNode? Locate(Kustomization kustomization, FieldPath path, KubeObject obj, string? sourceName, YamlScalar? sourceValue)
    {
        var steps = path.Steps;
        var root = kustomization.Root;
        if (steps.Count == 2 && steps[0].Key == "metadata" && steps[1].Key == "namespace")
        {
            return root["namespace"];
        }

        if (steps.Count >= 2 && steps[^1].Key is { } key && steps[^2].Key is { } map)
        {
            if (LabelMaps.Contains(map))
            {
                var labels = new[] { root.GetMapping("commonLabels") }
                    .Concat(kustomization.Mappings("labels").Select(l => l.GetMapping("pairs")))
                    .OfType<YamlMapping>();
                if (EntryNode(labels, key, path.AtKey) is { } label)
                {
                    return label;
                }
            }

            if (map == "annotations" && EntryNode([root.GetMapping("commonAnnotations")], key, path.AtKey) is { } annotation)
            {
                return annotation;
            }
        }

        if (steps.Count > 0 && steps[^1].Key == "image" && path.Resolve(obj.Root).Node is YamlScalar rendered)
        {
            var names = new[] { ImageName(rendered.Value), sourceValue is null ? null : ImageName(sourceValue.Value) };
            foreach (var image in kustomization.Mappings("images"))
            {
                if (image.GetString("name") is { } name && names.Contains(name))
                {
                    return image["digest"] ?? image["newTag"] ?? image["tagSuffix"] ?? image["newName"] ?? image["name"];
                }
            }
        }

        if (steps.Count == 2 && steps[0].Key == "spec" && steps[1].Key == "replicas")
        {
            return kustomization.Mappings("replicas").FirstOrDefault(r => r.GetString("name") is { } name && (name == sourceName || name == obj.Name))?["count"];
        }

        return null;
    }

    /// <summary>
    /// For an object a generator made: the literal or file that gave a data key, else the generator's name (the
    /// generated name is the generator's with prefix, suffix and content hash).
    /// </summary>
    public static YamlNode? LocateGenerated(Kustomization kustomization, string generatorKind, KubeObject obj, FieldPath path)
    {
        var key = generatorKind switch
        {
            "ConfigMapGenerator" => "configMapGenerator",
            "SecretGenerator" => "secretGenerator",
            _ => null,
        };
        var generator = key is null
            ? null
            : kustomization.Mappings(key)
                .Where(g => g.GetString("name") is { Length: > 0 } name && obj.Name.Contains(name))
                .OrderByDescending(g => g.GetString("name")!.Length)
                .FirstOrDefault();
        if (generator is null)
        {
            return null;
        }

        var steps = path.Steps;
        if (steps.Count >= 2 && steps[0].Key is "data" or "binaryData" or "stringData" && steps[1].Key is { } dataKey)
        {
            var sources = (generator.GetSequence("literals")?.Items ?? []).Concat(generator.GetSequence("files")?.Items ?? []).OfType<YamlScalar>();
            foreach (var source in sources)
            {
                var value = source.Value;
                var equals = value.IndexOf('=');
                var name = equals >= 0 ? value.Substring(0, equals) : Path.GetFileName(value);
                if (name == dataKey)
                {
                    return source;
                }
            }
        }

        return generator["name"] ?? generator;
    }

    private static YamlNode? EntryNode(IEnumerable<YamlMapping?> maps, string key, bool atKey)
    {
        foreach (var map in maps)
        {
            if (map?.GetEntry(key) is { } entry)
            {
                return atKey ? entry.Key : entry.Value;
            }
        }

        return null;
    }

    /// <summary>An image reference without its tag and digest ("registry:5000/app:1.2@sha256:..." is "registry:5000/app").</summary>
    private static string ImageName(string image)
    {
        var at = image.IndexOf('@');
        var name = at >= 0 ? image.Substring(0, at) : image;
        var colon = name.LastIndexOf(':');
        return colon > name.LastIndexOf('/') ? name.Substring(0, colon) : name;
    }
}
