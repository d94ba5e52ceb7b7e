using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Loading;
using KubeLint.Roslyn.Inputs;
using Microsoft.CodeAnalysis;

namespace KubeLint.Roslyn.Generation;

/// <summary>
/// Turns every manifest AdditionalFile into typed constants (one static class per object with its name, namespace,
/// labels, container names and ports), so that application code refers to the manifests instead of repeating them.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ManifestConstantsGenerator : IIncrementalGenerator
{
    public const string HintName = "KubeLint.Manifests.g.cs";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var settings = context.AnalyzerConfigOptionsProvider
            .Select((provider, _) => BuildSettings.Read(provider.GlobalOptions))
            .Select((s, _) => (s.GenerateConstants, s.ConstantsNamespace));

        var objects = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(pair => ManifestInputs.IsManifest(pair.Left, pair.Right.GetOptions(pair.Left)))
            .Select((pair, cancellationToken) => Read(pair.Left, cancellationToken))
            .Collect();

        context.RegisterSourceOutput(objects.Combine(settings), (output, input) =>
        {
            var (files, (generate, ns)) = input;
            if (!generate)
            {
                return;
            }

            // A file passed twice (overlapping globs) is generated once.
            var all = files.Where(f => f.Count > 0)
                .GroupBy(f => f.First().SourcePath, StringComparer.Ordinal)
                .SelectMany(g => g.First())
                .OrderBy(o => o.SourcePath, StringComparer.Ordinal)
                .ToList();
            if (all.Count > 0)
            {
                output.AddSource(HintName, ConstantsWriter.Write(ns, all));
            }
        });
    }

    private static EquatableArray<ObjectConstants> Read(AdditionalText file, CancellationToken cancellationToken)
    {
        var text = file.GetText(cancellationToken);
        if (text is null)
        {
            return default;
        }

        var loaded = new ManifestLoader().Load(new SourceFile(file.Path, text.ToString()));
        return new EquatableArray<ObjectConstants>(loaded.Objects.Where(o => o.Name.Length > 0).Select(ObjectConstants.From));
    }
}
