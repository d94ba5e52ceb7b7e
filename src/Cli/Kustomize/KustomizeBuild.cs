using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Loading;

namespace KubeLint.Cli.Kustomize;

/// <summary>
/// One kustomization built with the real kustomize, through a temporary kustomization that has it as its only
/// resource and asks for <c>buildMetadata: [originAnnotations]</c>, so that every output object says which file or
/// generator it came from without the user's kustomization being touched.
/// </summary>
internal sealed class KustomizeBuild
{
    private KustomizeBuild(Kustomization root, LoadResult? output, KustomizeSourceMap? map, string? error)
    {
        Root = root;
        Output = output;
        Map = map;
        Error = error;
    }

    public Kustomization Root { get; }

    /// <summary>The built objects, loaded from kustomize's output; null when the build failed.</summary>
    public LoadResult? Output { get; }

    public KustomizeSourceMap? Map { get; }

    /// <summary>kustomize's error message when the build failed.</summary>
    public string? Error { get; }

    public static KustomizeBuild Run(KustomizeCommand command, Kustomization root, KustomizationCatalog catalog, ManifestLoader loader)
    {
        var wrapper = Path.Combine(Path.GetTempPath(), "kubelint-kustomize-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(wrapper);

            // kustomize accepts only relative paths to other kustomizations; the quoted scalar keeps any character.
            var target = Path.GetRelativePath(wrapper, root.Directory).Replace('\\', '/').Replace("'", "''");
            File.WriteAllText(
                Path.Combine(wrapper, "kustomization.yaml"),
                $"apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- '{target}'\nbuildMetadata: [originAnnotations]\n");
            var (output, error) = command.Build(wrapper);
            if (output is null)
            {
                return new KustomizeBuild(root, null, null, error.Length > 0 ? error : $"{command} failed");
            }

            var path = $"{root.File.Path} (kustomize build)";
            var loaded = loader.Load(new SourceFile(path, output));
            return new KustomizeBuild(root, loaded, new KustomizeSourceMap(catalog, root, wrapper, path, loaded.Objects), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new KustomizeBuild(root, null, null, $"the build folder could not be prepared: {ex.Message}");
        }
        finally
        {
            try
            {
                Directory.Delete(wrapper, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A leftover folder in the temporary directory is harmless.
            }
        }
    }
}
