using KubeLint.Analyzer.Cel;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Schema;

/// <summary>
/// One compiled schema: what the validator needs and nothing else (descriptions, defaults and examples are dropped).
/// Built-in nodes come from the embedded bundle, custom resource nodes from a CRD's openAPIV3Schema.
/// </summary>
internal sealed class SchemaNode
{
    private static readonly Dictionary<string, SchemaNode> NoProperties = new(StringComparer.Ordinal);

    public SchemaType Type { get; set; }

    /// <summary>A format the validator checks (int32, int64, date-time, byte), or null.</summary>
    public string? Format { get; set; }

    public IReadOnlyDictionary<string, SchemaNode> Properties { get; set; } = NoProperties;

    public IReadOnlyList<string> Required { get; set; } = [];

    /// <summary>The list-map keys whose field has no OpenAPI default: an item must write them (server-side apply).</summary>
    public IReadOnlyList<string> ListMapKeysWithoutDefault { get; set; } = [];

    /// <summary>The schema of values whose keys are not listed in <see cref="Properties"/>, or null.</summary>
    public SchemaNode? AdditionalProperties { get; set; }

    /// <summary>Fields not described are kept as they are (x-kubernetes-preserve-unknown-fields, free-form objects).</summary>
    public bool PreserveUnknownFields { get; set; }

    /// <summary>x-kubernetes-embedded-resource: apiVersion, kind and metadata are allowed beside the listed fields.</summary>
    public bool EmbeddedResource { get; set; }

    public SchemaNode? Items { get; set; }

    /// <summary>x-kubernetes-list-type: "map", "set", "atomic", or null.</summary>
    public string? ListType { get; set; }

    /// <summary>The fields that identify an item of a list of type map.</summary>
    public IReadOnlyList<string> ListMapKeys { get; set; } = [];

    /// <summary>Allowed values, or null when any value of the type is allowed.</summary>
    public IReadOnlyList<string>? Enum { get; set; }

    /// <summary>Value validations of custom resource schemas; built-in schemas carry none.</summary>
    public SchemaBounds? Bounds { get; set; }

    /// <summary>The x-kubernetes-validations CEL rules of a custom resource schema node.</summary>
    public IReadOnlyList<CelRule> Validations { get; set; } = [];

    /// <summary>The schema's default, applied before CEL rules see the object (as the API server defaults before validating).</summary>
    public YamlNode? Default { get; set; }

    /// <summary>allOf, anyOf and oneOf of a structural schema: value validations only (structural schemas allow nothing else there).</summary>
    public IReadOnlyList<SchemaNode> AllOf { get; set; } = [];

    public IReadOnlyList<SchemaNode> AnyOf { get; set; } = [];

    public IReadOnlyList<SchemaNode> OneOf { get; set; } = [];

    public SchemaNode? Not { get; set; }

    /// <summary>The schema's type as written ("object", "integer", ...; empty for int-or-string), which CEL errors print as the value.</summary>
    public string TypeName { get; set; } = string.Empty;

    /// <summary>The OpenAPI definition name, for built-in nodes that are definitions.</summary>
    public string? Definition { get; set; }
}
