using System.Diagnostics.CodeAnalysis;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace KubeLint.Cli.Output;

/// <summary>
/// Writes every "level" and rule "defaultConfiguration" even when they equal SARIF's defaults ("warning"), which
/// Sarif.Sdk omits: consumers then never have to know the defaulting rules, and every rule states its level.
/// </summary>
[UnconditionalSuppressMessage("Trimming", "IL2026", Justification = SarifFormatter.AotJustification)]
[UnconditionalSuppressMessage("AOT", "IL3050", Justification = SarifFormatter.AotJustification)]
internal sealed class ExplicitLevelContractResolver : DefaultContractResolver
{
    public static ExplicitLevelContractResolver Instance { get; } = new();

    protected override JsonProperty CreateProperty(System.Reflection.MemberInfo member, MemberSerialization memberSerialization)
    {
        var property = base.CreateProperty(member, memberSerialization);
        if (property.PropertyName is "level" or "defaultConfiguration")
        {
            property.DefaultValueHandling = DefaultValueHandling.Include;
            property.ShouldSerialize = null;
        }

        return property;
    }
}
