using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Roslyn.Generation;

/// <summary>What the generator keeps of one object: identity, labels, containers and ports.</summary>
internal sealed record ObjectConstants(
    string SourcePath,
    string ApiVersion,
    string Kind,
    string Name,
    string? Namespace,
    EquatableArray<NamedValue> Labels,
    EquatableArray<ContainerConstants> Containers,
    EquatableArray<PortConstant> Ports)
{
    public static ObjectConstants From(KubeObject obj)
    {
        var labels = obj.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => new NamedValue(l.Key, l.Value));
        var containers = (PodTemplate.Of(obj)?.Containers ?? [])
            .Where(c => c.GetString("name") is { Length: > 0 })
            .Select(c => new ContainerConstants(c.GetString("name")!, new EquatableArray<PortConstant>(ReadPorts(c.GetSequence("ports"), "containerPort"))));
        var servicePorts = obj.Kind == "Service" && obj.Group.Length == 0 ? ReadPorts(obj.Spec?.GetSequence("ports"), "port") : [];
        return new ObjectConstants(
            obj.File.Path,
            obj.ApiVersion,
            obj.Kind,
            obj.Name,
            obj.Namespace,
            new EquatableArray<NamedValue>(labels),
            new EquatableArray<ContainerConstants>(containers),
            new EquatableArray<PortConstant>(servicePorts));
    }

    private static IEnumerable<PortConstant> ReadPorts(YamlSequence? ports, string numberKey)
    {
        foreach (var port in ports?.Mappings ?? [])
        {
            if (port.GetScalar(numberKey) is { } number && number.TryGetInt64(out var value) && value is > 0 and <= 65535)
            {
                yield return new PortConstant(port.GetString("name"), (int)value);
            }
        }
    }
}

internal sealed record NamedValue(string Name, string Value);

internal sealed record ContainerConstants(string Name, EquatableArray<PortConstant> Ports);

/// <summary>A port; unnamed ports become constants named after their number.</summary>
internal sealed record PortConstant(string? Name, int Number);
