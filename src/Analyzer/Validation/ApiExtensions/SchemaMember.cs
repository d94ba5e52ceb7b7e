namespace KubeLint.Analyzer.Validation.ApiExtensions;

/// <summary>
/// The members of JSONSchemaProps (apiextensions-apiserver pkg/apis/apiextensions/v1/types_jsonschema.go), by JSON
/// name, in the order of the Go struct's fields. <see cref="SchemaProps"/> keeps which of them a schema node sets as
/// one bit each, so the many reads of absent members (most nodes set two or three of the 44) cost a mask test.
/// </summary>
internal enum SchemaMember
{
    Id,
    Schema,
    Ref,
    Description,
    Type,
    Format,
    Title,
    Default,
    Maximum,
    ExclusiveMaximum,
    Minimum,
    ExclusiveMinimum,
    MaxLength,
    MinLength,
    Pattern,
    MaxItems,
    MinItems,
    UniqueItems,
    MultipleOf,
    Enum,
    MaxProperties,
    MinProperties,
    Required,
    Items,
    AllOf,
    OneOf,
    AnyOf,
    Not,
    Properties,
    AdditionalProperties,
    PatternProperties,
    Dependencies,
    AdditionalItems,
    Definitions,
    ExternalDocs,
    Example,
    Nullable,
    XPreserveUnknownFields,
    XEmbeddedResource,
    XIntOrString,
    XListMapKeys,
    XListType,
    XMapType,
    XValidations,
}
