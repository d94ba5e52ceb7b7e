using KubeLint.Analyzer.Cel;
using KubeLint.Analyzer.Re2;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Schema;

/// <summary>
/// Compiles a CRD's structural openAPIV3Schema (a YAML tree) into the same nodes as the built-in bundle, so custom
/// resources go through the same walker. Value validations are compiled too (bounds, lengths, item counts, pattern);
/// CEL rules (x-kubernetes-validations) and allOf/anyOf/oneOf/not are not.
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
            TypeName = schema.GetString("type") ?? string.Empty,
            Validations = CelRule.ReadAll(schema),
            Default = schema["default"],
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
        node.Bounds = CompileBounds(schema);
        node.AllOf = CompileAll(schema.GetSequence("allOf"));
        node.AnyOf = CompileAll(schema.GetSequence("anyOf"));
        node.OneOf = CompileAll(schema.GetSequence("oneOf"));
        node.Not = schema["not"] is YamlMapping not ? CompileJunction(not) : null;
        return node;
    }

    private static SchemaNode[] CompileAll(YamlSequence? schemas)
        => schemas is null ? [] : [.. schemas.Mappings.Select(CompileJunction)];

    /// <summary>
    /// A schema inside allOf, anyOf, oneOf or not. Structural schemas allow only value validations there, without a
    /// type, so the node takes any type and checks its bounds, enum, required fields and nested properties.
    /// </summary>
    private static SchemaNode CompileJunction(YamlMapping schema)
    {
        var node = Compile(schema);
        if (schema["type"] is null)
        {
            node.Type = SchemaType.Any;
        }

        node.PreserveUnknownFields = true;
        return node;
    }

    private static SchemaBounds? CompileBounds(YamlMapping schema)
    {
        var bounds = new SchemaBounds
        {
            Minimum = Number(schema, "minimum"),
            ExclusiveMinimum = IsTrue(schema, "exclusiveMinimum"),
            Maximum = Number(schema, "maximum"),
            ExclusiveMaximum = IsTrue(schema, "exclusiveMaximum"),
            MinLength = Count(schema, "minLength"),
            MaxLength = Count(schema, "maxLength"),
            MinItems = Count(schema, "minItems"),
            MaxItems = Count(schema, "maxItems"),
            MinProperties = Count(schema, "minProperties"),
            MaxProperties = Count(schema, "maxProperties"),
            PatternText = schema.GetString("pattern"),
        };
        if (bounds.PatternText is { } pattern && Re2Regex.TryCompile(pattern, out var regex, out _))
        {
            bounds.Pattern = regex;
        }

        var any = bounds.Minimum is not null || bounds.Maximum is not null || bounds.MinLength is not null || bounds.MaxLength is not null
            || bounds.MinItems is not null || bounds.MaxItems is not null || bounds.MinProperties is not null || bounds.MaxProperties is not null
            || bounds.Pattern is not null;
        return any ? bounds : null;
    }

    private static double? Number(YamlMapping schema, string key) => schema.GetScalar(key) is { } s && s.TryGetDouble(out var value) ? value : null;

    private static int? Count(YamlMapping schema, string key)
        => schema.GetScalar(key) is { } s && s.TryGetInt64(out var value) && value is >= 0 and <= int.MaxValue ? (int)value : null;

    private static bool IsTrue(YamlMapping schema, string key) => schema.GetScalar(key) is { } s && s.TryGetBool(out var value) && value;

    private static IReadOnlyList<string>? Strings(YamlSequence? sequence)
        => sequence?.Items.OfType<YamlScalar>().Where(s => !s.IsNull).Select(s => s.Value).ToArray();
}
