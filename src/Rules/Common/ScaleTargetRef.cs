using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Rules.Common;

/// <summary>
/// The object a HorizontalPodAutoscaler of the autoscaling group scales: its spec.scaleTargetRef with a kind and a
/// non-null name (CrossVersionObjectReference), read the same way by every rule about the target.
/// </summary>
/// <param name="Spec">The autoscaler's spec.</param>
/// <param name="Kind">The target's kind.</param>
/// <param name="Name">The target's name, the node findings about the reference point at.</param>
internal readonly record struct ScaleTargetRef(YamlMapping Spec, string Kind, YamlScalar Name)
{
    /// <summary>The target of <paramref name="hpa"/>, or false when it names none.</summary>
    public static bool TryRead(KubeObject hpa, out ScaleTargetRef target)
    {
        target = default;
        if (hpa.Group != "autoscaling"
            || hpa.Spec is not { } spec
            || spec.GetMapping("scaleTargetRef") is not { } reference
            || reference.GetString("kind") is not { } kind
            || reference["name"] is not YamlScalar { IsNull: false } name)
        {
            return false;
        }

        target = new ScaleTargetRef(spec, kind, name);
        return true;
    }
}
