using KubeLint.Analyzer.Schema;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Cel;

/// <summary>
/// The value a CEL rule sees as <c>self</c>: the custom resource after the API server's decoding, pruning and
/// defaulting (apiextensions-apiserver schema/cel/values.go reads the unstructured object through its schema).
/// Objects become maps of the declared (or preserved) fields with schema defaults filled in and nulls dropped, lists
/// become arrays, integers 64-bit integers and numbers doubles. Each node is converted once per object.
/// </summary>
internal sealed class CelValues
{
    private static readonly SchemaNode AnySchema = new() { Type = SchemaType.Any, PreserveUnknownFields = true };

    private readonly Dictionary<YamlNode, object?> _converted = new(ReferenceComparer.Instance);

    public object? Convert(YamlNode node, SchemaNode schema)
    {
        if (_converted.TryGetValue(node, out var known))
        {
            return known;
        }

        object? value = node switch
        {
            YamlMapping mapping => Map(mapping, schema),
            YamlSequence sequence => sequence.Items.Select(item => Convert(item, schema.Items ?? AnySchema)).ToArray(),
            YamlScalar scalar => Scalar(scalar, schema),
            _ => null,
        };
        _converted[node] = value;
        return value;
    }

    private Dictionary<string, object?> Map(YamlMapping mapping, SchemaNode schema)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        var declaresFields = schema.Properties.Count > 0 || schema.AdditionalProperties is not null;
        foreach (var entry in mapping.Entries)
        {
            if (entry.Value is YamlScalar { IsNull: true })
            {
                continue;
            }

            var child = schema.Properties.TryGetValue(entry.KeyText, out var property) ? property : schema.AdditionalProperties;
            if (child is null && declaresFields && !schema.PreserveUnknownFields)
            {
                // Pruned by the server before validation.
                continue;
            }

            map[entry.KeyText] = Convert(entry.Value, child ?? AnySchema);
        }

        foreach (var property in schema.Properties)
        {
            if (!map.ContainsKey(property.Key) && property.Value.Default is { } fallback && fallback is not YamlScalar { IsNull: true })
            {
                map[property.Key] = Convert(fallback, property.Value);
            }
        }

        return map;
    }

    private static object? Scalar(YamlScalar scalar, SchemaNode schema)
    {
        switch (scalar.Kind)
        {
            case ScalarKind.Bool:
                return scalar.TryGetBool(out var flag) && flag;
            case ScalarKind.Int when schema.Type != SchemaType.Number && scalar.TryGetInt64(out var integer):
                return integer;
            case ScalarKind.Int or ScalarKind.Float:
                if (!scalar.TryGetDouble(out var number))
                {
                    return scalar.Value;
                }

                // A whole float in an integer field reaches the server as an integer (sigs.k8s.io/yaml writes 3.0 as 3).
                return schema.Type is SchemaType.Integer or SchemaType.IntOrString && Math.Floor(number) == number && Math.Abs(number) < 9.2e18
                    ? (long)number
                    : number;
            case ScalarKind.Null:
                return null;
            default:
                return scalar.Value;
        }
    }

    private sealed class ReferenceComparer : IEqualityComparer<YamlNode>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(YamlNode? x, YamlNode? y) => ReferenceEquals(x, y);

        public int GetHashCode(YamlNode obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
