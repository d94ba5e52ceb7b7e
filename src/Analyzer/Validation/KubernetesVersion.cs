using System.Globalization;

namespace KubeLint.Analyzer.Validation;

/// <summary>The Kubernetes minor version validated against (1.30 to 1.35), for checks that changed between versions.</summary>
public readonly struct KubernetesVersion : IComparable<KubernetesVersion>
{
    public KubernetesVersion(int minor) => Minor = minor;

    /// <summary>The minor number: 32 for Kubernetes 1.32.</summary>
    public int Minor { get; }

    /// <summary>Reads "1.32" (as <see cref="Schema.SchemaValidationPass.ResolveVersion"/> returns it).</summary>
    public static KubernetesVersion Parse(string text)
        => new(int.Parse(text.Substring(text.IndexOf('.') + 1), NumberStyles.None, CultureInfo.InvariantCulture));

    public bool AtLeast(int minor) => Minor >= minor;

    public int CompareTo(KubernetesVersion other) => Minor.CompareTo(other.Minor);

    public override string ToString() => "1." + Minor.ToString(CultureInfo.InvariantCulture);
}
