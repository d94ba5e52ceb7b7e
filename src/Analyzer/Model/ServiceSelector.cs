namespace KubeLint.Analyzer.Model;

/// <summary>The selector of a core Service that manages its endpoints from pods.</summary>
public static class ServiceSelector
{
    /// <summary>
    /// The Service's selector, or null when the Service does not select pods: another group's kind, type
    /// ExternalName, or an absent or empty selector (the endpoints are then managed by hand).
    /// </summary>
    public static LabelSelector? Read(KubeObject service)
    {
        if (service.Group.Length != 0 || service.Spec is not { } spec || spec.GetString("type") == "ExternalName"
            || spec.GetMapping("selector") is not { Count: > 0 } node)
        {
            return null;
        }

        var selector = LabelSelector.FromMap(node);
        return selector.IsEmpty ? null : selector;
    }
}
