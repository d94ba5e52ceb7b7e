using KubeLint.Analyzer.Model;

namespace KubeLint.Simulator.Model;

/// <summary>
/// The Container defaults of the LimitRanges in a namespace. LimitRange defaulting copies default into defaultRequest
/// when only the limit is given, so the effective default request is defaultRequest, else default.
/// </summary>
public sealed class LimitRangeDefaults
{
    public Dictionary<string, Quantity> DefaultRequests { get; } = new(StringComparer.Ordinal);
}
