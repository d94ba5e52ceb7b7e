using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Validation.ApiExtensions;

/// <summary>
/// <c>ValidateCustomResourceDefinitionOpenAPISchema</c> with <c>specStandardValidatorV3.validate</c> and
/// <c>validateMapListKeysMapSet</c> (apiextensions-apiserver pkg/apis/apiextensions/validation/validation.go), walked
/// over one schema: known types, the JSON-Schema features CRDs do not support, defaults where they cannot be
/// pruned, properties beside additionalProperties, the x-kubernetes-* list, map and preserve extensions, and the
/// x-kubernetes-validations entries.
/// </summary>
internal sealed class JsonSchemaPropsValidation
{
    private static readonly SchemaMember[] Junctions = [SchemaMember.AllOf, SchemaMember.OneOf, SchemaMember.AnyOf];
    private static readonly string[] OpenApiV3Types = ["array", "boolean", "integer", "number", "object", "string"];
    private static readonly string[] MapTypes = ["atomic", "granular"];
    private static readonly string[] ListTypes = ["atomic", "set", "map"];
    private static readonly string[] ValidationReasons = ["FieldValueDuplicate", "FieldValueForbidden", "FieldValueInvalid", "FieldValueRequired"];
    private static readonly HashSet<string> MetaFields = new(StringComparer.Ordinal) { "metadata", "kind", "apiVersion" };

    private readonly FieldErrorList _errors;

    public JsonSchemaPropsValidation(FieldErrorList errors) => _errors = errors;

    public void ValidateRoot(SchemaProps schema) => Validate(schema, new Standard(AllowDefaults: true, null, InsideResourceMeta: false), isRoot: true);

    /// <param name="schema">The schema.</param>
    /// <param name="ssv">The specStandardValidator state of this place.</param>
    /// <param name="isRoot">Whether this is the root of the resource.</param>
    private void Validate(SchemaProps schema, Standard ssv, bool isRoot)
    {
        if (!schema.IsSet)
        {
            return;
        }

        ValidateStandard(schema, ssv);
        if (schema.Boolean(SchemaMember.UniqueItems) == true)
        {
            _errors.Forbidden(schema.Field.Child("uniqueItems"), "uniqueItems cannot be set to true since the runtime complexity becomes quadratic");
        }

        // additionalProperties and properties are mutual exclusive because otherwise they contradict Kubernetes'
        // API convention to ignore unknown fields.
        if (schema.ValueOf(SchemaMember.AdditionalProperties) is not null)
        {
            var additional = schema.AdditionalPropertiesField;
            if (schema.HasProperties && (additional.Boolean == false || additional.Mapping is not null))
            {
                _errors.Forbidden(additional, "additionalProperties and properties are mutual exclusive");
            }

            var sub = ssv.InsideResourceMeta ? ssv.WithForbiddenDefaults("inside additionalProperties applying to object metadata") : ssv;
            Validate(schema.AdditionalProperties, sub, isRoot: false);
        }

        foreach (var (name, property) in schema.PropertyEntries)
        {
            var sub = ssv;
            if ((isRoot || schema.XEmbeddedResource) && MetaFields.Contains(name))
            {
                sub = sub with { InsideResourceMeta = true };
                if (isRoot)
                {
                    sub = sub.WithForbiddenDefaults("in top-level " + name);
                }
            }

            Validate(property, sub, isRoot: false);
        }

        Validate(schema.Not, ssv, isRoot: false);
        foreach (var junction in Junctions)
        {
            foreach (var clause in schema.Junction(junction))
            {
                Validate(clause, ssv, isRoot: false);
            }
        }

        foreach (var (_, definition) in schema.MapEntries(SchemaMember.Definitions))
        {
            Validate(definition, ssv, isRoot: false);
        }

        Validate(schema.Items, ssv, isRoot: false);
        foreach (var item in schema.ItemClauses)
        {
            Validate(item, ssv, isRoot: false);
        }

        foreach (var (_, dependency) in schema.MapEntries(SchemaMember.Dependencies))
        {
            Validate(dependency, ssv, isRoot: false);
        }

        if (schema.XPreserveUnknownFields == false)
        {
            _errors.Invalid(schema.Field.Child("x-kubernetes-preserve-unknown-fields"), false, "must be true or undefined");
        }

        ValidateMapAndListTypes(schema);
        ValidateMapListKeysMapSet(schema);
        ValidateRules(schema);
    }

    /// <summary><c>specStandardValidatorV3.validate</c>.</summary>
    private void ValidateStandard(SchemaProps schema, Standard ssv)
    {
        var type = schema.Type;
        if (type.Length > 0 && Array.IndexOf(OpenApiV3Types, type) < 0)
        {
            _errors.NotSupported(schema.Field.Child("type"), type, OpenApiV3Types);
        }

        if (schema.ValueOf(SchemaMember.Default) is not null && !ssv.AllowDefaults)
        {
            _errors.Forbidden(schema.Field.Child("default"), "must not be set" + (ssv.DisallowDefaultsReason is { Length: > 0 } reason ? " " + reason : string.Empty));
        }

        if (schema.Text(SchemaMember.Id).Length > 0)
        {
            _errors.Forbidden(schema.Field.Child("id"), "id is not supported");
        }

        if (schema.ValueOf(SchemaMember.AdditionalItems) is not null)
        {
            _errors.Forbidden(schema.Field.Child("additionalItems"), "additionalItems is not supported");
        }

        if (schema.ValueOf(SchemaMember.PatternProperties) is not null && schema.Field.Child("patternProperties").Count > 0)
        {
            _errors.Forbidden(schema.Field.Child("patternProperties"), "patternProperties is not supported");
        }

        if (schema.ValueOf(SchemaMember.Definitions) is not null && schema.Field.Child("definitions").Count > 0)
        {
            _errors.Forbidden(schema.Field.Child("definitions"), "definitions is not supported");
        }

        if (schema.ValueOf(SchemaMember.Dependencies) is not null)
        {
            _errors.Forbidden(schema.Field.Child("dependencies"), "dependencies is not supported");
        }

        if (schema.ValueOf(SchemaMember.Ref) is not null)
        {
            _errors.Forbidden(schema.Field.Child("$ref"), "$ref is not supported");
        }

        if (type == "null")
        {
            _errors.Forbidden(schema.Field.Child("type"), "type cannot be set to null, use nullable as an alternative");
        }

        if (schema.ItemsIsArray && schema.ItemsField.Count > 0)
        {
            _errors.Forbidden(schema.ItemsField, "items must be a schema object and not an array");
        }

        if (ssv.InsideResourceMeta && schema.XEmbeddedResource)
        {
            _errors.Forbidden(schema.Field.Child("x-kubernetes-embedded-resource"), "must not be used inside of resource meta");
        }
    }

    private void ValidateMapAndListTypes(SchemaProps schema)
    {
        var type = schema.Type;
        if (schema.XMapType is { } mapType)
        {
            if (type != "object")
            {
                TypeMustBe(schema.Field, type, "must be object if x-kubernetes-map-type is specified");
            }

            if (Array.IndexOf(MapTypes, mapType) < 0)
            {
                _errors.NotSupported(schema.Field.Child("x-kubernetes-map-type"), mapType, MapTypes);
            }
        }

        var listType = schema.XListType;
        if (listType is not null && type != "array")
        {
            TypeMustBe(schema.Field, type, "must be array if x-kubernetes-list-type is specified");
        }
        else if (listType == "set" && schema.Items.IsSet)
        {
            // requireAtomicSetType: items of a set are compared whole.
            var items = schema.Items;
            var value = items.XListType is { } itemsListType ? GoValue.Of(itemsListType) : GoValue.Null;
            if (items.Type == "array" && items.XListType is { } inner && inner != "atomic")
            {
                _errors.Invalid(items.Field.Child("x-kubernetes-list-type"), value, "must be atomic as item of a list with x-kubernetes-list-type=set");
            }
            else if (items.Type == "object" && items.XMapType != "atomic")
            {
                // Upstream prints the items' x-kubernetes-list-type here.
                _errors.Invalid(items.Field.Child("x-kubernetes-map-type"), value, "must be atomic as item of a list with x-kubernetes-list-type=set");
            }
        }

        if (listType is not null && Array.IndexOf(ListTypes, listType) < 0)
        {
            _errors.NotSupported(schema.Field.Child("x-kubernetes-list-type"), listType, ListTypes);
        }

        var keys = schema.XListMapKeys;
        if (keys.Count > 0)
        {
            if (listType is null)
            {
                _errors.Required(schema.Field.Child("x-kubernetes-list-type"), "must be map if x-kubernetes-list-map-keys is non-empty");
            }
            else if (listType != "map")
            {
                _errors.Invalid(schema.Field.Child("x-kubernetes-list-type"), listType, "must be map if x-kubernetes-list-map-keys is non-empty");
            }
        }

        if (listType == "map")
        {
            ValidateListMap(schema, keys);
        }
    }

    private void ValidateListMap(SchemaProps schema, IReadOnlyList<string> keys)
    {
        var field = schema.Field;
        var itemsField = schema.ItemsField;
        if (keys.Count == 0)
        {
            _errors.Required(field.Child("x-kubernetes-list-map-keys"), "must not be empty if x-kubernetes-list-type is map");
        }

        if (!itemsField.IsSet)
        {
            _errors.Required(itemsField, "must have a schema if x-kubernetes-list-type is map");
            return;
        }

        if (!schema.Items.IsSet)
        {
            _errors.Invalid(itemsField, GoValue.Raw("apiextensions.JSONSchemaPropsOrArray{...}"), "must only have a single schema if x-kubernetes-list-type is map");
            return;
        }

        var items = schema.Items;
        if (items.Type != "object")
        {
            _errors.Invalid(items.Field.Child("type"), items.Type, "must be object if parent array's x-kubernetes-list-type is map");
            return;
        }

        var keyList = GoValue.Raw(StringSlice(keys));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (items.HasProperty(key))
            {
                if (items.Property(key).Type is "array" or "object")
                {
                    // Upstream prints the items' type, not the key's.
                    _errors.Invalid(items.Property(key).Field.Child("type"), items.Type, "must be a scalar type if parent array's x-kubernetes-list-type is map");
                }
            }
            else
            {
                _errors.Invalid(field.Child("x-kubernetes-list-map-keys"), keyList, "entries must all be names of item properties");
            }

            if (!seen.Add(key))
            {
                _errors.Invalid(field.Child("x-kubernetes-list-map-keys"), keyList, "must not contain duplicate entries");
            }
        }
    }

    /// <summary><c>validateMapListKeysMapSet</c>: items of sets and maps are not nullable; map keys are required or defaulted, and not nullable.</summary>
    private void ValidateMapListKeysMapSet(SchemaProps schema)
    {
        var listType = schema.XListType;
        var items = schema.Items;
        if (!items.IsSet || listType is not ("set" or "map"))
        {
            return;
        }

        if (items.Nullable)
        {
            _errors.Forbidden(items.Field.Child("nullable"), "cannot be nullable when x-kubernetes-list-type is " + listType);
        }

        if (listType != "map")
        {
            return;
        }

        var required = new HashSet<string>(items.Required, StringComparer.Ordinal);
        foreach (var key in schema.XListMapKeys)
        {
            if (!items.HasProperty(key))
            {
                continue;
            }

            var property = items.Property(key);
            if (!required.Contains(key) && !property.Default.IsSet)
            {
                _errors.Required(property.Default, "this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property");
            }

            if (property.Nullable)
            {
                _errors.Forbidden(property.Field.Child("nullable"), "this property is in x-kubernetes-list-map-keys, so it cannot be nullable");
            }
        }
    }

    /// <summary>The checks of each x-kubernetes-validations entry that need no compiler.</summary>
    private void ValidateRules(SchemaProps schema)
    {
        if (schema.ValueOf(SchemaMember.XValidations) is not YamlSequence)
        {
            return;
        }

        foreach (var entry in schema.XValidations.Items())
        {
            var rule = entry.Child("rule").String ?? string.Empty;
            var message = entry.Child("message").String ?? string.Empty;
            var trimmedRule = rule.Trim();
            var trimmedMessage = message.Trim();
            if (trimmedRule.Length == 0)
            {
                _errors.Required(entry.Child("rule"), "rule is not specified");
            }
            else if (message.Length > 0 && trimmedMessage.Length == 0)
            {
                _errors.Invalid(entry.Child("message"), message, "message must be non-empty if specified");
            }
            else if (HasNewlines(trimmedMessage))
            {
                _errors.Invalid(entry.Child("message"), message, "message must not contain line breaks");
            }
            else if (HasNewlines(trimmedRule) && trimmedMessage.Length == 0)
            {
                _errors.Required(entry.Child("message"), "message must be specified if rule contains line breaks");
            }

            var messageExpression = entry.Child("messageExpression").String ?? string.Empty;
            if (messageExpression.Length > 0 && messageExpression.Trim().Length == 0)
            {
                _errors.Required(entry.Child("messageExpression"), "messageExpression must be non-empty if specified");
            }

            if (entry.Child("reason").String is { } reason && Array.IndexOf(ValidationReasons, reason) < 0)
            {
                _errors.NotSupported(entry.Child("reason"), reason, ValidationReasons);
            }

            var fieldPath = entry.Child("fieldPath").String ?? string.Empty;
            if (fieldPath.Length > 0 && fieldPath.Trim().Length == 0)
            {
                _errors.Invalid(entry.Child("fieldPath"), fieldPath, "fieldPath must be non-empty if specified");
            }

            if (HasNewlines(fieldPath))
            {
                _errors.Invalid(entry.Child("fieldPath"), fieldPath, "fieldPath must not contain line breaks");
            }

            if (fieldPath.Length > 0 && StructuralSchema.ConversionError(schema) is null && !CelFieldPath.IsValid(fieldPath, schema, allowArrayNotation: true))
            {
                _errors.Invalid(entry.Child("fieldPath"), fieldPath, "fieldPath must be a valid path");
            }
        }
    }

    private void TypeMustBe(Field schema, string type, string detail)
    {
        if (type.Length == 0)
        {
            _errors.Required(schema.Child("type"), detail);
        }
        else
        {
            _errors.Invalid(schema.Child("type"), type, detail);
        }
    }

    private static bool HasNewlines(string text) => text.IndexOf('\n') >= 0 || text.IndexOf('\r') >= 0;

    private static string StringSlice(IEnumerable<string> values) => "[]string{" + string.Join(", ", values.Select(GoValue.Quote)) + "}";

    /// <summary>The state of <c>specStandardValidatorV3</c> at a place of the schema.</summary>
    private readonly record struct Standard(bool AllowDefaults, string? DisallowDefaultsReason, bool InsideResourceMeta)
    {
        public Standard WithForbiddenDefaults(string reason) => this with { AllowDefaults = false, DisallowDefaultsReason = reason };
    }
}
