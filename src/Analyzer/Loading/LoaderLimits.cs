namespace KubeLint.Analyzer.Loading;

/// <summary>Safety limits for hostile or accidental huge input; each one exceeded is reported as KL1008.</summary>
public sealed class LoaderLimits
{
    public static LoaderLimits Default { get; } = new();

    /// <summary>Largest file read, in bytes. The largest real-world bundles (CRD installs) are a few megabytes.</summary>
    public long MaxFileBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Deepest nesting of mappings and sequences. Deep CRD schemas stay well under 100.</summary>
    public int MaxDepth { get; init; } = 200;

    /// <summary>Most nodes aliases may add to one document, counting every alias use as a copy of its anchor.</summary>
    public long MaxExpandedNodes { get; init; } = 2_000_000;
}
