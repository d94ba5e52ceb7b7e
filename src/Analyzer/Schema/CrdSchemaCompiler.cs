using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Schema;

/// <summary>
/// Compiles a CRD's structural openAPIV3Schema (a YAML tree) into the same nodes as the built-in bundle, so custom
/// resources go through the same walker. Value validations beyond type, format and enum (pattern, minimum, CEL
/// rules, allOf/anyOf/oneOf/not) are not compiled.
/// </summary>
internal static class CrdSchemaCompiler
{
    /// <summary>The schema of a whole custom resource: its openAPIV3Schema, with the standard apiVersion, kind and metadata.</summary>
    public static SchemaNode CompileRoot(YamlMapping? schema, SchemaBundle bundle)
    {
        var root = schema is null ? new SchemaNode { Type = SchemaType.Object, PreserveUnknownFields = true } : Compile(schema);
        root.Type = SchemaType.Object;
        var properties = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
        foreach (var pair in root.Properties)
        {
            properties[pair.Key] = pair.Value;
        }

        properties["apiVersion"] = new SchemaNode { Type = SchemaType.String };
        properties["kind"] = new SchemaNode { Type = SchemaType.String };
        properties["metadata"] = bundle.ObjectMeta;
        root.Properties = properties;
        return root;
    }

    private static SchemaNode Compile(YamlMapping schema)
    {
        var node = new SchemaNode
        {
            Format = schema.GetString("format"),
            PreserveUnknownFields = IsTrue(schema, "x-kubernetes-preserve-unknown-fields"),
            EmbeddedResource = IsTrue(schema, "x-kubernetes-embedded-resource"),
            ListType = schema.GetString("x-kubernetes-list-type"),
        };

        var properties = schema.GetMapping("properties");
        node.Type = IsTrue(schema, "x-kubernetes-int-or-string")
            ? SchemaType.IntOrString
            : schema.GetString("type") switch
            {
                "object" => SchemaType.Object,
                "array" => SchemaType.Array,
                "string" => SchemaType.String,
                "integer" => SchemaType.Integer,
                "number" => SchemaType.Number,
                "boolean" => SchemaType.Boolean,
                _ => properties is null ? SchemaType.Any : SchemaType.Object,
            };

        if (properties is not null)
        {
            var compiled = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
            foreach (var entry in properties.Entries)
            {
                compiled[entry.KeyText] = entry.Value is YamlMapping child ? Compile(child) : new SchemaNode();
            }

            node.Properties = compiled;
        }

        switch (schema["additionalProperties"])
        {
            case YamlMapping additional:
                node.AdditionalProperties = Compile(additional);
                break;
            case YamlScalar scalar when scalar.TryGetBool(out var allowed) && allowed:
                node.AdditionalProperties = new SchemaNode();
                break;
            default:
                break;
        }

        if (schema["items"] is YamlMapping items)
        {
            node.Items = Compile(items);
        }

        node.Required = Strings(schema.GetSequence("required")) ?? [];
        node.ListMapKeys = Strings(schema.GetSequence("x-kubernetes-list-map-keys")) ?? [];
        node.Enum = Strings(schema.GetSequence("enum"));
        return node;
    }

    private static bool IsTrue(YamlMapping schema, string key) => schema.GetScalar(key) is { } s && s.TryGetBool(out var value) && value;

    private static IReadOnlyList<string>? Strings(YamlSequence? sequence)
        => sequence?.Items.OfType<YamlScalar>().Where(s => !s.IsNull).Select(s => s.Value).ToArray();
}
