using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Loading;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Cli.Kustomize;

/// <summary>
/// One kustomization file, read for what kubelint needs to know about it: which files and folders it uses (so that
/// they are not linted on their own), and the patches and transformers that may have set a field of its output (so
/// that findings point at them). Field names follow kustomize's api/types/kustomization.go.
/// </summary>
internal sealed class Kustomization
{
    /// <summary>The file names kustomize recognises, in its order of preference (api/konfig/general.go).</summary>
    public static readonly string[] FileNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

    private Kustomization(string directory, string path, SourceFile file, YamlMapping root, Func<string, string> display)
    {
        Directory = directory;
        Path = path;
        File = file;
        Root = root;
        Display = display;
        IsComponent = root.GetString("kind") == "Component";
        foreach (var entry in Strings("resources").Concat(Strings("bases")))
        {
            AddResource(entry);
        }

        foreach (var entry in Strings("components"))
        {
            if (Resolve(entry.Value) is { } component && System.IO.Directory.Exists(component))
            {
                Components.Add(component);
            }
        }

        ReadPatches();
        ReadGeneratorFiles("configMapGenerator");
        ReadGeneratorFiles("secretGenerator");
        foreach (var key in new[] { "crds", "configurations", "generators", "transformers", "validators" })
        {
            foreach (var entry in Strings(key))
            {
                AddConfigurationFile(entry.Value);
            }
        }

        foreach (var replacement in Mappings("replacements"))
        {
            AddConfigurationFile(replacement.GetString("path"));
        }

        AddConfigurationFile(Root.GetMapping("openapi")?.GetString("path"));
    }

    /// <summary>The folder, absolute.</summary>
    public string Directory { get; }

    /// <summary>The kustomization file, absolute.</summary>
    public string Path { get; }

    /// <summary>The file's text under the path findings show.</summary>
    public SourceFile File { get; }

    public YamlMapping Root { get; }

    /// <summary>Turns an absolute path into the one findings show.</summary>
    public Func<string, string> Display { get; }

    /// <summary>A kind: Component, which only a kustomization's components list can use.</summary>
    public bool IsComponent { get; }

    /// <summary>Files of the resources list (absolute).</summary>
    public List<string> ResourceFiles { get; } = [];

    /// <summary>Kustomization folders of the resources (and bases) list (absolute).</summary>
    public List<string> ResourceDirectories { get; } = [];

    /// <summary>Component folders (absolute).</summary>
    public List<string> Components { get; } = [];

    /// <summary>Patches in the order kustomize applies them (a later one wins): patchesStrategicMerge, patches, then patchesJson6902.</summary>
    public List<KustomizePatch> Patches { get; } = [];

    /// <summary>Files that configure the build (patches, generator sources, transformer configurations): never objects of their own.</summary>
    public List<string> ConfigurationFiles { get; } = [];

    /// <summary>Every folder whose kustomization this one builds on.</summary>
    public IEnumerable<string> ChildDirectories => ResourceDirectories.Concat(Components);

    /// <summary>The kustomization file of a folder, or null.</summary>
    public static string? FindFile(string directory)
        => FileNames.Select(name => System.IO.Path.Combine(directory, name)).FirstOrDefault(System.IO.File.Exists);

    public static bool IsKustomizationFile(string path) => FileNames.Contains(System.IO.Path.GetFileName(path), StringComparer.Ordinal);

    /// <summary>Reads the kustomization of <paramref name="directory"/> (absolute); null when there is none or it cannot be read as one.</summary>
    public static Kustomization? Read(string directory, Func<string, string> display)
    {
        if (FindFile(directory) is not { } path)
        {
            return null;
        }

        string text;
        try
        {
            text = System.IO.File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var file = new SourceFile(display(path), text);
        var loaded = new ManifestLoader().Load(file);
        var root = loaded.Documents.Select(d => d.Root).OfType<YamlMapping>().FirstOrDefault() ?? new YamlMapping([], SourceSpan.At(1, 1));
        return new Kustomization(directory, path, file, root, display);
    }

    /// <summary>A path of the file made absolute, or null for remote resources (URLs, git repositories).</summary>
    public string? Resolve(string? entry)
    {
        if (string.IsNullOrWhiteSpace(entry) || entry!.Contains("://") || entry.StartsWith("git@", StringComparison.Ordinal)
            || entry.StartsWith("github.com/", StringComparison.Ordinal))
        {
            return null;
        }

        return System.IO.Path.GetFullPath(System.IO.Path.Combine(Directory, entry));
    }

    public IEnumerable<YamlScalar> Strings(string key)
        => Root.GetSequence(key)?.Items.OfType<YamlScalar>().Where(s => !s.IsNull && s.Value.Length > 0) ?? [];

    public IEnumerable<YamlMapping> Mappings(string key) => Root.GetSequence(key)?.Mappings ?? [];

    private void AddResource(YamlScalar entry)
    {
        if (Resolve(entry.Value) is not { } path)
        {
            return;
        }

        if (System.IO.Directory.Exists(path))
        {
            ResourceDirectories.Add(path);
        }
        else
        {
            ResourceFiles.Add(path);
        }
    }

    private void AddConfigurationFile(string? entry)
    {
        // Inline generator and transformer configurations are YAML text, not paths.
        if (entry is null || entry.IndexOf('\n') >= 0 || Resolve(entry) is not { } path || System.IO.Directory.Exists(path))
        {
            return;
        }

        ConfigurationFiles.Add(path);
    }

    private void ReadPatches()
    {
        foreach (var entry in Strings("patchesStrategicMerge"))
        {
            // An entry is a file name or, with a newline or a colon, the patch itself.
            Add(entry.Value.IndexOf('\n') >= 0 || entry.Value.IndexOf(": ", StringComparison.Ordinal) >= 0
                ? KustomizePatch.Inline(this, entry, target: null)
                : KustomizePatch.FromFile(this, entry, Resolve(entry.Value), target: null));
        }

        foreach (var key in new[] { "patches", "patchesJson6902" })
        {
            foreach (var patch in Mappings(key))
            {
                var target = patch.GetMapping("target");
                if (patch.GetScalar("path") is { IsNull: false } path)
                {
                    Add(KustomizePatch.FromFile(this, path, Resolve(path.Value), target));
                }
                else if (patch.GetScalar("patch") is { IsNull: false } inline)
                {
                    Add(KustomizePatch.Inline(this, inline, target));
                }
            }
        }
    }

    private void Add(KustomizePatch? patch)
    {
        if (patch is null)
        {
            return;
        }

        Patches.Add(patch);
        if (patch.FilePath is { } path)
        {
            ConfigurationFiles.Add(path);
        }
    }

    /// <summary>Generator sources: files ("key=path" or "path"), envs and env.</summary>
    private void ReadGeneratorFiles(string key)
    {
        foreach (var generator in Mappings(key))
        {
            var sources = (generator.GetSequence("files")?.Items ?? [])
                .Concat(generator.GetSequence("envs")?.Items ?? [])
                .Append(generator["env"])
                .OfType<YamlScalar>()
                .Where(s => !s.IsNull);
            foreach (var source in sources)
            {
                var value = source.Value;
                var equals = value.IndexOf('=');
                AddConfigurationFile(equals >= 0 ? value.Substring(equals + 1) : value);
            }
        }
    }
}
