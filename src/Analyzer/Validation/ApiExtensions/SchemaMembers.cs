namespace KubeLint.Analyzer.Validation.ApiExtensions;

/// <summary>The JSON names of <see cref="SchemaMember"/> and the way back.</summary>
internal static class SchemaMembers
{
    private static readonly string[] Names =
    [
        "id", "$schema", "$ref", "description", "type", "format", "title", "default", "maximum", "exclusiveMaximum",
        "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems",
        "multipleOf", "enum", "maxProperties", "minProperties", "required", "items", "allOf", "oneOf", "anyOf", "not",
        "properties", "additionalProperties", "patternProperties", "dependencies", "additionalItems", "definitions",
        "externalDocs", "example", "nullable", "x-kubernetes-preserve-unknown-fields", "x-kubernetes-embedded-resource",
        "x-kubernetes-int-or-string", "x-kubernetes-list-map-keys", "x-kubernetes-list-type", "x-kubernetes-map-type",
        "x-kubernetes-validations",
    ];

    public static string NameOf(SchemaMember member) => Names[(int)member];

    /// <summary>The member a JSON name denotes; false for a name JSONSchemaProps does not have.</summary>
    /// <remarks>A switch rather than a dictionary: it is asked for every key of every schema node, and the compiler
    /// dispatches a string switch on the length and a few characters, without hashing the whole key.</remarks>
    public static bool TryParse(string name, out SchemaMember member)
    {
        SchemaMember? found = name switch
        {
            "id" => SchemaMember.Id,
            "$schema" => SchemaMember.Schema,
            "$ref" => SchemaMember.Ref,
            "description" => SchemaMember.Description,
            "type" => SchemaMember.Type,
            "format" => SchemaMember.Format,
            "title" => SchemaMember.Title,
            "default" => SchemaMember.Default,
            "maximum" => SchemaMember.Maximum,
            "exclusiveMaximum" => SchemaMember.ExclusiveMaximum,
            "minimum" => SchemaMember.Minimum,
            "exclusiveMinimum" => SchemaMember.ExclusiveMinimum,
            "maxLength" => SchemaMember.MaxLength,
            "minLength" => SchemaMember.MinLength,
            "pattern" => SchemaMember.Pattern,
            "maxItems" => SchemaMember.MaxItems,
            "minItems" => SchemaMember.MinItems,
            "uniqueItems" => SchemaMember.UniqueItems,
            "multipleOf" => SchemaMember.MultipleOf,
            "enum" => SchemaMember.Enum,
            "maxProperties" => SchemaMember.MaxProperties,
            "minProperties" => SchemaMember.MinProperties,
            "required" => SchemaMember.Required,
            "items" => SchemaMember.Items,
            "allOf" => SchemaMember.AllOf,
            "oneOf" => SchemaMember.OneOf,
            "anyOf" => SchemaMember.AnyOf,
            "not" => SchemaMember.Not,
            "properties" => SchemaMember.Properties,
            "additionalProperties" => SchemaMember.AdditionalProperties,
            "patternProperties" => SchemaMember.PatternProperties,
            "dependencies" => SchemaMember.Dependencies,
            "additionalItems" => SchemaMember.AdditionalItems,
            "definitions" => SchemaMember.Definitions,
            "externalDocs" => SchemaMember.ExternalDocs,
            "example" => SchemaMember.Example,
            "nullable" => SchemaMember.Nullable,
            "x-kubernetes-preserve-unknown-fields" => SchemaMember.XPreserveUnknownFields,
            "x-kubernetes-embedded-resource" => SchemaMember.XEmbeddedResource,
            "x-kubernetes-int-or-string" => SchemaMember.XIntOrString,
            "x-kubernetes-list-map-keys" => SchemaMember.XListMapKeys,
            "x-kubernetes-list-type" => SchemaMember.XListType,
            "x-kubernetes-map-type" => SchemaMember.XMapType,
            "x-kubernetes-validations" => SchemaMember.XValidations,
            _ => null,
        };
        member = found.GetValueOrDefault();
        return found.HasValue;
    }
}
