using KubeLint.Analyzer.Findings;
using KubeLint.Cli.Output;

namespace KubeLint.Cli;

/// <summary>Everything one <c>kubelint lint</c> invocation asked for, after option parsing.</summary>
public sealed class LintSettings
{
    public IReadOnlyList<string> Paths { get; init; } = [];

    public OutputFormat Format { get; init; } = OutputFormat.Text;

    public string? OutputFile { get; init; }

    /// <summary>Findings at or above this severity make the exit code 1; null means never.</summary>
    public Severity? FailLevel { get; init; } = Severity.Error;

    public string? KubernetesVersion { get; init; }

    public bool Strict { get; init; } = true;

    public bool RejectUnknownKinds { get; init; }

    public IReadOnlyList<string> CrdPaths { get; init; } = [];

    public bool Simulate { get; init; } = true;

    public IReadOnlyList<string> ClusterPaths { get; init; } = [];

    public IReadOnlyList<string> BaselinePaths { get; init; } = [];

    /// <summary>The configuration file named with --config; null means discover .kubelint.yaml.</summary>
    public string? ConfigFile { get; init; }

    public bool ReportUnusedSuppressions { get; init; }

    /// <summary>Text format without the per-rule table.</summary>
    public bool Quiet { get; init; }

    public bool Timings { get; init; }

    /// <summary>Follow symbolic links to folders while walking folders (find -L); cycles are cut by device and inode.</summary>
    public bool FollowSymbolicLinks { get; init; }

    /// <summary>No manifest in the inputs is a clean run instead of a usage error.</summary>
    public bool AllowEmpty { get; init; }
}
