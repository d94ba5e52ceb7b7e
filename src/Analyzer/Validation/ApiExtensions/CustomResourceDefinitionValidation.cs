using KubeLint.Analyzer.Schema;

namespace KubeLint.Analyzer.Validation.ApiExtensions;

/// <summary>
/// <c>ValidateCustomResourceDefinition</c> and <c>validateCustomResourceDefinitionSpec</c> (apiextensions-apiserver
/// pkg/apis/apiextensions/validation/validation.go) on the spec converted to the internal version
/// (<see cref="InternalSpec"/>), with the defaults of <c>SetDefaults_CustomResourceDefinitionSpec</c> (singular and
/// listKind from kind, pkg/apis/apiextensions/v1/defaults.go) and the stored version <c>PrepareForCreate</c> records
/// (pkg/registry/customresourcedefinition/strategy.go). The schemas are checked by <see cref="OpenApiSchemaValidation"/>.
/// </summary>
public sealed class CustomResourceDefinitionValidation : ObjectValidation
{
    private static readonly string[] Scopes = ["Cluster", "Namespaced"];

    public override string Area => ValidationAreas.CustomResources;

    public override IReadOnlyList<(string Group, string Kind)> Kinds { get; } = [("apiextensions.k8s.io", "CustomResourceDefinition")];

    public override void Validate(ValidationContext context)
    {
        var spec = context.Root.Child("spec");
        var layout = new InternalSpec(spec);
        var names = CustomResourceDefinitionNames.Defaulted(spec.Child("names"));
        ValidateMetadataName(context, spec, names);
        ValidateSpec(context, layout, names);
        ValidateStoredVersions(context, layout);
        if (spec.Child("preserveUnknownFields").Boolean == true)
        {
            // validatePreserveUnknownFields: v1 no longer allows it on create.
            context.Invalid(spec.Child("preserveUnknownFields"), true, "cannot set to true, set x-kubernetes-preserve-unknown-fields to true in spec.versions[*].schema instead");
        }
    }

    /// <summary>The <c>nameValidationFn</c> of ValidateCustomResourceDefinition: beside being a DNS subdomain, the name is plural.group.</summary>
    private static void ValidateMetadataName(ValidationContext context, Field spec, CustomResourceDefinitionNames names)
    {
        var required = names.Plural + "." + (spec.Child("group").String ?? string.Empty);
        foreach (var member in new[] { "generateName", "name" })
        {
            var field = context.Root.Child("metadata", member);
            if (field.String is { Length: > 0 } name && name != required)
            {
                context.Report(field, FieldErrorType.Invalid, name, "must be spec.names.plural+\".\"+spec.group", rule: SchemaRules.InvalidName);
            }
        }
    }

    private static void ValidateSpec(ValidationContext context, InternalSpec layout, CustomResourceDefinitionNames names)
    {
        var spec = layout.Spec;
        var group = spec.Child("group");
        if (group.String is not { Length: > 0 } groupName)
        {
            context.Required(group);
        }
        else if (Syntax.IsDns1123Subdomain(groupName) is { Count: > 0 } problems)
        {
            context.Invalid(group, groupName, string.Join(",", problems));
        }
        else if (groupName.IndexOf('.') < 0)
        {
            context.Invalid(group, groupName, "should be a domain with at least one dot");
        }

        ValidateEnum(context, spec.Child("scope"), Scopes, required: true);

        // requireOpenAPISchema is always true on create: every version needs a schema unless they share one.
        if (layout.Validation is null)
        {
            foreach (var version in layout.Versions)
            {
                var schema = version.Child("schema", "openAPIV3Schema");
                if (!schema.IsSet)
                {
                    context.Required(schema, "schemas are required");
                }
            }
        }

        if (spec.Child("preserveUnknownFields").Boolean == true && HasDefaults(layout))
        {
            context.Invalid(spec.Child("preserveUnknownFields"), true, "must be false in order to use defaults in the schema");
        }

        var storage = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unique = true;
        foreach (var version in layout.Versions)
        {
            var name = version.Child("name").String ?? string.Empty;
            if (version.Child("storage").Boolean == true)
            {
                storage++;
            }

            unique &= seen.Add(name);
            if (Syntax.IsDns1035Label(name) is { Count: > 0 } problems)
            {
                context.Invalid(version.Child("name"), name, string.Join(",", problems));
            }

            ValidateDeprecationWarning(context, version);
        }

        var versions = spec.Child("versions");
        var versionsValue = GoValue.Raw(versions.Sequence is null ? "[]apiextensions.CustomResourceDefinitionVersion(nil)" : "[]apiextensions.CustomResourceDefinitionVersion{...}");
        var versionsKey = versions.KeyNode;
        if (!unique)
        {
            context.Report(versions, FieldErrorType.Invalid, versionsValue, "must contain unique version names", at: versionsKey);
        }

        if (storage != 1)
        {
            context.Report(versions, FieldErrorType.Invalid, versionsValue, "must have exactly one version marked as storage version", at: versionsKey);
        }

        // In addition to the basic name restrictions, some names are required for spec, but not for status.
        var namesField = spec.Child("names");
        RequireName(context, namesField.Child("plural"), names.Plural);
        RequireName(context, namesField.Child("singular"), names.Singular);
        RequireName(context, namesField.Child("kind"), names.Kind);
        RequireName(context, namesField.Child("listKind"), names.ListKind);
        names.Validate(context, namesField);
    }

    /// <summary><c>validateDeprecationWarning</c>.</summary>
    private static void ValidateDeprecationWarning(ValidationContext context, Field version)
    {
        var field = version.Child("deprecationWarning");
        if (field.String is not { } warning)
        {
            return;
        }

        if (version.Child("deprecated").Boolean != true)
        {
            context.Invalid(field, warning, "can only be set for deprecated versions");
            return;
        }

        if (System.Text.Encoding.UTF8.GetByteCount(warning) > 256)
        {
            context.Invalid(field, warning, "must be <= 256 characters long");
        }

        if (warning.Length == 0)
        {
            context.Invalid(field, warning, "must not be an empty string");
        }

        // Upstream also has a branch for control characters, which is never reached: they are not printable.
        var offset = 0;
        for (var i = 0; i < warning.Length; i++)
        {
            var rune = char.IsSurrogatePair(warning, i) ? char.ConvertToUtf32(warning[i], warning[++i]) : warning[i];
            if (!IsPrint(rune))
            {
                context.Invalid(field, warning, "must only contain printable UTF-8 characters; non-printable character found at index " + offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            }

            offset += rune < 0x80 ? 1 : rune < 0x800 ? 2 : rune < 0x10000 ? 3 : 4;
        }
    }

    /// <summary>Go's <c>unicode.IsPrint</c>: letters, marks, numbers, punctuation, symbols and the ASCII space.</summary>
    private static bool IsPrint(int rune)
    {
        if (rune == ' ')
        {
            return true;
        }

        var category = rune <= 0xFFFF ? System.Globalization.CharUnicodeInfo.GetUnicodeCategory((char)rune) : System.Globalization.CharUnicodeInfo.GetUnicodeCategory(char.ConvertFromUtf32(rune), 0);
        return category is not (System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
            or System.Globalization.UnicodeCategory.Surrogate or System.Globalization.UnicodeCategory.PrivateUse
            or System.Globalization.UnicodeCategory.OtherNotAssigned or System.Globalization.UnicodeCategory.SpaceSeparator
            or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator);
    }

    /// <summary>
    /// <c>ValidateCustomResourceDefinitionStoredVersions</c> after <c>PrepareForCreate</c>, which clears the status and
    /// records the first storage version: without one there is no stored version, with two the second is missing.
    /// The status is not written by the user, so these point at <c>spec.versions</c>.
    /// </summary>
    private static void ValidateStoredVersions(ValidationContext context, InternalSpec layout)
    {
        var storageVersions = layout.Versions.Where(v => v.Child("storage").Boolean == true).Select(v => v.Child("name").String ?? string.Empty).ToList();
        var storedVersions = context.Root.Child("status", "storedVersions");
        var at = layout.Spec.Child("versions").KeyNode;
        if (storageVersions.Count == 0)
        {
            context.Report(storedVersions, FieldErrorType.Invalid, GoValue.Raw("[]string(nil)"), "must have at least one stored version", at: at);
            return;
        }

        var stored = GoValue.Raw("[]string{" + GoValue.Quote(storageVersions[0]) + "}");
        foreach (var version in storageVersions.Skip(1).Where(v => v != storageVersions[0]))
        {
            context.Report(storedVersions, FieldErrorType.Invalid, stored, "must have the storage version " + version, at: at);
        }
    }

    private static void RequireName(ValidationContext context, Field field, string value)
    {
        if (value.Length == 0)
        {
            context.Required(field);
        }
    }

    /// <summary><c>validateEnumStrings</c>.</summary>
    internal static void ValidateEnum(ValidationContext context, Field field, string[] accepted, bool required)
    {
        var value = field.String ?? string.Empty;
        if (value.Length == 0)
        {
            if (required)
            {
                context.Required(field);
            }
        }
        else if (Array.IndexOf(accepted, value) < 0)
        {
            context.NotSupported(field, value, accepted);
        }
    }

    /// <summary><c>specHasDefaults</c>: a <c>default</c> anywhere in a version's schema.</summary>
    private static bool HasDefaults(InternalSpec layout)
        => layout.Versions.Any(v => SchemaWalk.Any(new SchemaProps(v.Child("schema", "openAPIV3Schema")), s => s.ValueOf(SchemaMember.Default) is not null));
}
