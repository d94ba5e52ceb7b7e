using KubeLint.Analyzer.Re2;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Validation.ApiExtensions;

/// <summary>
/// The structural-schema rules every CRD schema must keep (apiextensions-apiserver pkg/apiserver/schema):
/// <c>NewStructural</c>'s refusals (convert.go), <c>ValidateStructural</c>'s invariants (validation.go: a type on every
/// specified field and item, nothing but value validations inside allOf, anyOf, oneOf and not, metadata restricted to
/// name and generateName, the int-or-string and embedded-resource shapes, valid RE2 patterns) and
/// <c>validateStructuralCompleteness</c> (complete.go: what a junction constrains must be specified outside it).
/// </summary>
internal static class StructuralSchema
{
    private enum Level
    {
        Root,
        Item,
        Field,
    }

    private static readonly SchemaMember[] Junctions = [SchemaMember.AnyOf, SchemaMember.AllOf, SchemaMember.OneOf];
    private static readonly SchemaMember[] CompletenessJunctions = [SchemaMember.AllOf, SchemaMember.AnyOf, SchemaMember.OneOf];
    private static readonly string[] TypeMetaFields = ["kind", "apiVersion"];

    /// <summary>The error of <c>NewStructural</c> (validateUnsupportedFields, newExtensions), or null when the schema converts.</summary>
    public static string? ConversionError(SchemaProps schema) => schema.ConversionError;

    /// <summary>Works out <see cref="SchemaProps.ConversionError"/>, reading the children's through their own (kept) answers.</summary>
    internal static string? FindConversionError(SchemaProps schema)
    {
        if (!schema.IsSet)
        {
            return null;
        }

        if (UnsupportedField(schema) is { } unsupported)
        {
            return unsupported;
        }

        foreach (var junction in Junctions)
        {
            foreach (var clause in schema.Junction(junction))
            {
                if (clause.ConversionError is { } inner)
                {
                    return inner;
                }
            }
        }

        if (schema.Not.ConversionError is { } not)
        {
            return not;
        }

        if (schema.XPreserveUnknownFields == false)
        {
            return "internal error: 'x-kubernetes-preserve-unknown-fields' must be true or undefined";
        }

        if (schema.ItemsIsArray && schema.ItemsField.Count > 0)
        {
            return "OpenAPIV3Schema 'items' must be a schema, but is an array";
        }

        // The children in upstream's order: items, properties, additionalProperties.
        if (schema.Items.ConversionError is { } itemsError)
        {
            return itemsError;
        }

        foreach (var (_, property) in schema.PropertyEntries)
        {
            if (property.ConversionError is { } propertyError)
            {
                return propertyError;
            }
        }

        return schema.AdditionalProperties.ConversionError;
    }

    /// <summary><c>ValidateStructural</c> of a root schema.</summary>
    public static void Validate(SchemaProps schema, FieldErrorList errors)
    {
        ValidateInvariants(schema, Level.Root, errors);
        ValidateCompleteness(schema, schema, errors);
    }

    private static string? UnsupportedField(SchemaProps schema)
    {
        if (schema.Text(SchemaMember.Id).Length > 0)
        {
            return "OpenAPIV3Schema 'id' is not supported";
        }

        if (schema.Text(SchemaMember.Schema).Length > 0)
        {
            return "OpenAPIV3Schema 'schema' is not supported";
        }

        if (schema.Text(SchemaMember.Ref).Length > 0)
        {
            return "OpenAPIV3Schema '$ref' is not supported";
        }

        if (schema.ValueOf(SchemaMember.PatternProperties) is not null && schema.Field.Child("patternProperties").Count > 0)
        {
            return "OpenAPIV3Schema 'patternProperties' is not supported";
        }

        if (schema.ValueOf(SchemaMember.Dependencies) is not null && schema.Field.Child("dependencies").Count > 0)
        {
            return "OpenAPIV3Schema 'dependencies' is not supported";
        }

        if (schema.ValueOf(SchemaMember.AdditionalItems) is not null)
        {
            return "OpenAPIV3Schema 'additionalItems' is not supported";
        }

        return schema.ValueOf(SchemaMember.Definitions) is not null && schema.Field.Child("definitions").Count > 0 ? "OpenAPIV3Schema 'definitions' is not supported" : null;
    }

    /// <summary><c>validateStructuralInvariants</c>.</summary>
    private static void ValidateInvariants(SchemaProps s, Level level, FieldErrorList errors)
    {
        if (!s.IsSet)
        {
            return;
        }

        if (s.Type == "array" && !s.Items.IsSet)
        {
            errors.Required(s.ItemsField, "must be specified");
        }

        ValidateInvariants(s.Items, Level.Item, errors);
        foreach (var (_, property) in s.PropertyEntries)
        {
            ValidateInvariants(property, Level.Field, errors);
        }

        if (HasAdditionalProperties(s))
        {
            if (level == Level.Root)
            {
                errors.Forbidden(s.AdditionalPropertiesField, "must not be used at the root");
            }

            ValidateInvariants(s.AdditionalProperties, Level.Field, errors);
        }

        // validateExtensions
        if (s.XIntOrString && s.PreservesUnknownFields)
        {
            errors.Invalid(s.Field.Child("x-kubernetes-preserve-unknown-fields"), true, "must be false if x-kubernetes-int-or-string is true");
        }

        if (s.XIntOrString && s.XEmbeddedResource)
        {
            errors.Invalid(s.Field.Child("x-kubernetes-embedded-resource"), true, "must be false if x-kubernetes-int-or-string is true");
        }

        ValidateValueValidation(s, IsIntOrStringAnyOf(s), IsIntOrStringAllOf(s), errors);

        var checkMetadata = level == Level.Root || s.XEmbeddedResource;
        if (s.XEmbeddedResource && s.Type != "object")
        {
            if (s.Type.Length == 0)
            {
                errors.Required(s.Field.Child("type"), "must be object if x-kubernetes-embedded-resource is true");
            }
            else
            {
                errors.Invalid(s.Field.Child("type"), s.Type, "must be object if x-kubernetes-embedded-resource is true");
            }
        }
        else if (s.Type.Length == 0 && !s.XIntOrString && !s.PreservesUnknownFields)
        {
            errors.Required(s.Field.Child("type"), level switch
            {
                Level.Root => "must not be empty at the root",
                Level.Item => "must not be empty for specified array items",
                _ => "must not be empty for specified object fields",
            });
        }

        if (s.XEmbeddedResource && HasAdditionalProperties(s))
        {
            errors.Forbidden(s.AdditionalPropertiesField, "must not be used if x-kubernetes-embedded-resource is set");
        }

        if (level == Level.Root && s.Type.Length > 0 && s.Type != "object")
        {
            errors.Invalid(s.Field.Child("type"), s.Type, "must be object at the root");
        }

        // Restrict metadata schemas to name and generateName only.
        foreach (var member in TypeMetaFields)
        {
            if (checkMetadata && s.HasProperty(member) && s.Property(member).Type is var type && type != "string")
            {
                errors.Invalid(s.Property(member).Field.Child("type"), type, "must be string");
            }
        }

        if (s.HasProperty("metadata"))
        {
            ValidateMetadataInvariants(s.Property("metadata"), checkMetadata, level, errors);
        }

        if (s.XEmbeddedResource && !s.PreservesUnknownFields && !s.HasProperties)
        {
            errors.Required(s.Properties, "must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields");
        }
    }

    /// <summary><c>validateStructuralMetadataInvariants</c>: at the root, metadata may only restrict name and generateName.</summary>
    private static void ValidateMetadataInvariants(SchemaProps metadata, bool checkMetadata, Level level, FieldErrorList errors)
    {
        if (checkMetadata && metadata.Type != "object")
        {
            errors.Invalid(metadata.Field.Child("type"), metadata.Type, "must be object");
        }

        if (level != Level.Root || metadata.Field.Mapping is not { } mapping)
        {
            return;
        }

        // Upstream clears type, default and a properties map of only name and/or generateName, then requires the
        // rest to be empty; members the structural schema does not keep (externalDocs, example) do not count.
        var properties = metadata.Properties.Mapping;
        var onlyNames = properties is null || properties.Entries.All(e => e.KeyText is "name" or "generateName");
        foreach (var entry in mapping.Entries)
        {
            var ignored = entry.KeyText is "type" or "default" or "externalDocs" or "example" or "id" or "$schema" or "$ref"
                or "patternProperties" or "dependencies" or "additionalItems" or "definitions"
                || (entry.KeyText == "properties" && onlyNames);
            if (!ignored && metadata.Has(entry.KeyText))
            {
                errors.Forbidden(metadata.Field, "must not specify anything other than name and generateName, but metadata is implicitly specified");
                return;
            }
        }
    }

    /// <summary><c>validateValueValidation</c>: the junctions of a schema, and its pattern.</summary>
    private static void ValidateValueValidation(SchemaProps s, bool skipAnyOf, bool skipFirstAllOfAnyOf, FieldErrorList errors)
    {
        if (!skipAnyOf)
        {
            foreach (var clause in s.Junction(SchemaMember.AnyOf))
            {
                ValidateNested(clause, false, errors);
            }
        }

        var index = 0;
        foreach (var clause in s.Junction(SchemaMember.AllOf))
        {
            ValidateNested(clause, skipFirstAllOfAnyOf && index++ == 0, errors);
        }

        foreach (var clause in s.Junction(SchemaMember.OneOf))
        {
            ValidateNested(clause, false, errors);
        }

        ValidateNested(s.Not, false, errors);
        if (s.String(SchemaMember.Pattern) is { Length: > 0 } pattern && !Re2Regex.TryCompile(pattern, out _, out var error))
        {
            errors.Invalid(s.Field.Child("pattern"), pattern, "must be a valid regular expression, but isn't: " + error);
        }
    }

    /// <summary><c>validateNestedValueValidation</c>: inside a junction only value validations are structural.</summary>
    private static void ValidateNested(SchemaProps v, bool skipAnyOf, FieldErrorList errors)
    {
        if (!v.IsSet)
        {
            return;
        }

        ValidateValueValidation(v, skipAnyOf, false, errors);
        ValidateNested(v.Items, false, errors);
        foreach (var (_, property) in v.PropertyEntries)
        {
            ValidateNested(property, false, errors);
        }

        var field = v.Field;
        if (v.Type.Length > 0)
        {
            errors.Forbidden(field.Child("type"), "must be empty to be structural");
        }

        // AllowNestedAdditionalProperties is off for CRDs: additionalProperties: false is no schema, anything else is.
        if (v.ValueOf(SchemaMember.AdditionalProperties) is { } additional && !(additional is YamlScalar flag && flag.TryGetBool(out var allowed) && !allowed))
        {
            errors.Forbidden(field.Child("additionalProperties"), "must be undefined to be structural");
        }

        if (v.ValueOf(SchemaMember.Default) is not null)
        {
            errors.Forbidden(field.Child("default"), "must be undefined to be structural");
        }

        if (v.Text(SchemaMember.Title).Length > 0)
        {
            errors.Forbidden(field.Child("title"), "must be empty to be structural");
        }

        if (v.Text(SchemaMember.Description).Length > 0)
        {
            errors.Forbidden(field.Child("description"), "must be empty to be structural");
        }

        if (v.Nullable)
        {
            errors.Forbidden(field.Child("nullable"), "must be false to be structural");
        }

        if (v.PreservesUnknownFields)
        {
            errors.Forbidden(field.Child("x-kubernetes-preserve-unknown-fields"), "must be false to be structural");
        }

        if (v.XEmbeddedResource)
        {
            errors.Forbidden(field.Child("x-kubernetes-embedded-resource"), "must be false to be structural");
        }

        if (v.XIntOrString)
        {
            errors.Forbidden(field.Child("x-kubernetes-int-or-string"), "must be false to be structural");
        }

        if (v.XListMapKeys.Count > 0)
        {
            errors.Forbidden(field.Child("x-kubernetes-list-map-keys"), "must be empty to be structural");
        }

        if (v.XListType is not null)
        {
            errors.Forbidden(field.Child("x-kubernetes-list-type"), "must be undefined to be structural");
        }

        if (v.XMapType is not null)
        {
            errors.Forbidden(field.Child("x-kubernetes-map-type"), "must be undefined to be structural");
        }

        // AllowNestedXValidations is off for CRDs.
        if (v.ValueOf(SchemaMember.XValidations) is YamlSequence { Count: > 0 })
        {
            errors.Forbidden(v.XValidations, "must be empty to be structural");
        }

        // Forbid reasoning about metadata because it can lead to metadata restriction we don't want.
        if (v.HasProperty("metadata"))
        {
            errors.Forbidden(v.Property("metadata").Field, "must not be specified in a nested context");
        }
    }

    /// <summary><c>validateStructuralCompleteness</c>: what a junction says about properties and items is specified outside it too.</summary>
    private static void ValidateCompleteness(SchemaProps junctionOwner, SchemaProps structural, FieldErrorList errors)
    {
        foreach (var clause in JunctionClauses(junctionOwner))
        {
            ValidateNestedCompleteness(clause, structural, errors);
        }
    }

    private static void ValidateNestedCompleteness(SchemaProps v, SchemaProps s, FieldErrorList errors)
    {
        if (!v.IsSet)
        {
            return;
        }

        ValidateCompleteness(v, s, errors);
        if (v.Items.IsSet)
        {
            if (!s.Items.IsSet)
            {
                errors.Required(s.ItemsField, "because it is defined in " + v.ItemsField);
            }
            else
            {
                ValidateNestedCompleteness(v.Items, s.Items, errors);
            }
        }

        foreach (var (name, property) in v.PropertyEntries)
        {
            if (s.HasProperty(name))
            {
                ValidateNestedCompleteness(property, s.Property(name), errors);
            }
            else
            {
                errors.Required(s.Properties.Key(name), "because it is defined in " + property.Field);
            }
        }
    }

    private static IEnumerable<SchemaProps> JunctionClauses(SchemaProps schema)
    {
        yield return schema.Not;
        foreach (var name in CompletenessJunctions)
        {
            foreach (var clause in schema.Junction(name))
            {
                yield return clause;
            }
        }
    }

    /// <summary>Whether the structural schema has additionalProperties: a schema or a boolean (<c>StructuralOrBool</c>).</summary>
    private static bool HasAdditionalProperties(SchemaProps s) => s.ValueOf(SchemaMember.AdditionalProperties) is not null;

    /// <summary><c>isIntOrStringAnyOfPattern</c>: anyOf is exactly [{type: integer}, {type: string}].</summary>
    private static bool IsIntOrStringAnyOf(SchemaProps s) => IsIntOrStringPair(s.ValueOf(SchemaMember.AnyOf));

    /// <summary><c>isIntOrStringAllOfPattern</c>: the first allOf clause's anyOf is that pair.</summary>
    private static bool IsIntOrStringAllOf(SchemaProps s) => s.Junction(SchemaMember.AllOf) is [var first, ..] && IsIntOrStringPair(first.ValueOf(SchemaMember.AnyOf));

    private static bool IsIntOrStringPair(YamlNode? anyOf)
        => anyOf is YamlSequence { Count: 2 } pair && OnlyType(pair.Items[0] as YamlMapping, "integer") && OnlyType(pair.Items[1] as YamlMapping, "string");

    private static bool OnlyType(YamlMapping? clause, string type)
        => clause is not null && clause.GetString("type") == type && clause.Entries.All(e => e.KeyText == "type" || SchemaProps.IsZero(e.Value));
}
