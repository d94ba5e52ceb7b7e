namespace KubeLint.Analyzer.Validation.ApiExtensions;

/// <summary>
/// <c>validateCustomResourceDefinitionValidation</c> (apiextensions-apiserver pkg/apis/apiextensions/validation/validation.go)
/// for the schema the versions share (<c>spec.validation</c>) or each version's own: what the root of a schema may
/// hold when the status subresource is on, no nullable root, the structural-schema rules
/// (<see cref="StructuralSchema"/>), then <c>ValidateCustomResourceDefinitionOpenAPISchema</c>
/// (<see cref="JsonSchemaPropsValidation"/>). As upstream, errors of building the structural schema are shown only
/// when nothing else is wrong, since they repeat what the other checks say.
/// </summary>
public sealed class OpenApiSchemaValidation : ObjectValidation
{
    // allowedFieldsAtRootSchema: each member a root schema sets is checked in the order of JSONSchemaProps' fields
    // (SchemaMember's order), and the first one not allowed is reported.
    private static readonly HashSet<SchemaMember> AllowedRootMembers =
    [
        SchemaMember.Description, SchemaMember.Type, SchemaMember.Format, SchemaMember.Title, SchemaMember.Maximum,
        SchemaMember.ExclusiveMaximum, SchemaMember.Minimum, SchemaMember.ExclusiveMinimum, SchemaMember.MaxLength,
        SchemaMember.MinLength, SchemaMember.Pattern, SchemaMember.MaxItems, SchemaMember.MinItems, SchemaMember.UniqueItems,
        SchemaMember.MultipleOf, SchemaMember.Required, SchemaMember.Items, SchemaMember.Properties, SchemaMember.ExternalDocs,
        SchemaMember.Example, SchemaMember.XPreserveUnknownFields, SchemaMember.XValidations,
    ];

    private const string AllowedAtRoot = "[Description Type Format Title Maximum ExclusiveMaximum Minimum ExclusiveMinimum MaxLength MinLength Pattern MaxItems MinItems UniqueItems MultipleOf Required Items Properties ExternalDocs Example XPreserveUnknownFields XValidations]";

    public override string Area => ValidationAreas.CustomResources;

    public override IReadOnlyList<(string Group, string Kind)> Kinds { get; } = [("apiextensions.k8s.io", "CustomResourceDefinition")];

    public override void Validate(ValidationContext context)
    {
        var layout = new InternalSpec(context.Root.Child("spec"));
        for (var i = 0; i < layout.Versions.Count; i++)
        {
            if (layout.PerVersion(i, "schema") is { } schema)
            {
                ValidateSchema(context, schema, layout.SubresourcesOf(i).Child("status").IsSet);
            }
        }

        if (layout.Validation is { } shared)
        {
            ValidateSchema(context, shared, layout.AnyStatusEnabled);
        }
    }

    private static void ValidateSchema(ValidationContext context, Field validation, bool statusEnabled)
    {
        var schema = new SchemaProps(validation.Child("openAPIV3Schema"));
        if (!schema.IsSet)
        {
            return;
        }

        var errors = new FieldErrorList();
        if (statusEnabled)
        {
            ValidateRootWithStatus(schema, errors);
        }

        if (schema.Nullable)
        {
            errors.Forbidden(schema.Field.Child("nullable"), "nullable cannot be true at the root");
        }

        var initError = StructuralSchema.ConversionError(schema);
        if (initError is null)
        {
            StructuralSchema.Validate(schema, errors);
        }

        new JsonSchemaPropsValidation(errors).ValidateRoot(schema);
        if (errors.Count == 0 && initError is not null)
        {
            errors.Invalid(schema.Field, string.Empty, initError);
        }

        errors.ReportTo(context);
    }

    /// <summary>With the status subresource on, the root may only hold what stays valid when status is taken out as properties[status].</summary>
    private static void ValidateRootWithStatus(SchemaProps schema, FieldErrorList errors)
    {
        for (var member = SchemaMember.Id; member <= SchemaMember.XValidations; member++)
        {
            if (!schema.Has(member))
            {
                continue;
            }

            if (member == SchemaMember.Type)
            {
                if (schema.Type != "object")
                {
                    errors.Invalid(schema.Field.Child("type"), schema.Type, "only \"object\" is allowed as the type at the root of the schema if the status subresource is enabled");
                    return;
                }

                continue;
            }

            if (!AllowedRootMembers.Contains(member))
            {
                errors.Invalid(schema.Field, GoValue.Raw("apiextensions.JSONSchemaProps{...}"), $"only {AllowedAtRoot} fields are allowed at the root of the schema if the status subresource is enabled");
                return;
            }
        }
    }
}
