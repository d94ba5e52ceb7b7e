using KubeLint.Analyzer.Findings;

namespace KubeLint.Cli.Repositories;

/// <summary>Notices about the parts of a repository that are not plain manifests: kustomizations and Helm charts.</summary>
public static class RepositoryRules
{
    private const string Category = "Input";

    public static RuleDescriptor KustomizationNotBuilt { get; } = new(
        RuleIds.KustomizationNotBuilt,
        "kustomization-not-built",
        Severity.Info,
        Category,
        "A kustomization was not built because no kustomize is installed.",
        "Folders with a kustomization.yaml are built with the real kustomize ('kustomize build', or 'kubectl kustomize') so that "
            + "the objects a cluster would receive are checked, with findings mapped back to the files and patches that define them. "
            + "When neither is on PATH (and --kustomize-command names none), the kustomization's resources are linted file by file "
            + "instead, and its patches and generator files are skipped; transformations such as namePrefix, labels and patches are then not applied.",
        "Install kustomize or kubectl (which includes 'kubectl kustomize'), or name the command with --kustomize-command.");

    public static RuleDescriptor KustomizeBuildFailed { get; } = new(
        RuleIds.KustomizeBuildFailed,
        "kustomize-build-failed",
        Severity.Error,
        Category,
        "kustomize could not build a kustomization.",
        "The kustomization does not build ('kubectl apply -k' would fail the same way): a missing resource or patch file, a patch "
            + "whose target does not exist, a syntax error in one of its files, a remote base that cannot be fetched. The message is "
            + "kustomize's own. Its resources are then linted file by file, so that their own problems are still reported at their positions.",
        "Fix the problem kustomize names; 'kubectl kustomize <folder>' shows the same error.");

    public static RuleDescriptor HelmChartNotRendered { get; } = new(
        RuleIds.HelmChartNotRendered,
        "helm-chart-not-rendered",
        Severity.Info,
        Category,
        "A Helm chart's templates are not linted until they are rendered.",
        "A folder with Chart.yaml is a Helm chart: its templates are not manifests until Helm renders them with the chart's values, "
            + "so Chart.yaml, values files, templates/ and charts/ are not linted file by file. The message gives the command that "
            + "renders the chart and lints the output; findings in that output name the template they came from.",
        "Run the command of the message (helm template RELEASE CHART | kubelint -), with the values files and --set options of the release.");

    public static IReadOnlyList<RuleDescriptor> All { get; } = [KustomizationNotBuilt, KustomizeBuildFailed, HelmChartNotRendered];
}
