using System.Globalization;
using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Re2;
using KubeLint.Analyzer.Validation;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Schema;

/// <summary>
/// A CustomResourceDefinition validated as the API server validates it on create, beyond its OpenAPI schema
/// (which types every JSONSchemaProps field as free text): ValidateCustomResourceDefinition and its spec, names and
/// version checks in apiextensions-apiserver pkg/apis/apiextensions/validation/validation.go, after the defaults of
/// SetDefaults_CustomResourceDefinitionSpec (singular and listKind from kind); the schema checks of
/// ValidateCustomResourceDefinitionOpenAPISchema (known types, valid RE2 patterns, x-kubernetes-list-type and
/// map-type consistency) and the structural-schema rules of ValidateStructural (pkg/apiserver/schema/validation.go:
/// a type on every specified field and array item). Errors are apimachinery field errors, reported at the field or,
/// when it is missing, at the mapping that lacks it.
/// </summary>
internal sealed class CrdDefinitionValidation
{
    private static readonly string[] Types = ["array", "boolean", "integer", "number", "object", "string"];

    private readonly AnalysisContext _context;
    private readonly KubeObject _crd;

    private CrdDefinitionValidation(AnalysisContext context, KubeObject crd)
    {
        _context = context;
        _crd = crd;
    }

    public static void Validate(AnalysisContext context, KubeObject crd)
    {
        if (crd.Spec is { } spec)
        {
            new CrdDefinitionValidation(context, crd).ValidateSpec(spec);
        }
    }

    private void ValidateSpec(YamlMapping spec)
    {
        var group = spec.GetString("group");
        var names = spec.GetMapping("names");
        var plural = names?.GetString("plural");
        if (group is null)
        {
            Required(spec, "spec.group", string.Empty);
        }
        else if (Problem(Syntax.IsDns1123Subdomain(group)) is { } groupProblem)
        {
            Invalid(spec["group"]!, "spec.group", Quote(group), groupProblem);
        }
        else if (group.IndexOf('.') < 0)
        {
            Invalid(spec["group"]!, "spec.group", Quote(group), "should be a domain with at least one dot");
        }

        // nameValidationFn of ValidateCustomResourceDefinition: the name is spec.names.plural + "." + spec.group.
        if (_crd.Metadata?.GetScalar("name") is { Kind: ScalarKind.String } name && plural is not null && group is not null && name.Value != plural + "." + group)
        {
            Report(SchemaRules.InvalidName, name, $"metadata.name: Invalid value: {Quote(name.Value)}: must be spec.names.plural+\".\"+spec.group");
        }

        var scope = spec.GetScalar("scope");
        if (scope is null or { IsNull: true })
        {
            Required(spec, "spec.scope", string.Empty);
        }
        else if (scope.Value is not ("Cluster" or "Namespaced"))
        {
            Report(SchemaRules.InvalidEnumValue, scope, $"spec.scope: Unsupported value: {Quote(scope.Value)}: supported values: \"Cluster\", \"Namespaced\"");
        }

        if (names is null)
        {
            Required(spec, "spec.names.plural", string.Empty);
            Required(spec, "spec.names.kind", string.Empty);
        }
        else
        {
            ValidateNames(names);
        }

        ValidateVersions(spec);
    }

    /// <summary>ValidateCustomResourceDefinitionNames, after singular and listKind are defaulted from kind.</summary>
    private void ValidateNames(YamlMapping names)
    {
        if (names.GetScalar("plural") is not { IsNull: false } plural)
        {
            Required(names, "spec.names.plural", string.Empty);
        }
        else if (Problem(Syntax.IsDns1035Label(plural.Value)) is { } problem)
        {
            Invalid(plural, "spec.names.plural", Quote(plural.Value), problem);
        }

        if (names.GetScalar("singular") is { IsNull: false } singular && singular.Value.Length > 0 && Problem(Syntax.IsDns1035Label(singular.Value)) is { } singularProblem)
        {
            Invalid(singular, "spec.names.singular", Quote(singular.Value), singularProblem);
        }

        var kind = names.GetScalar("kind");
        if (kind is not { IsNull: false } || kind.Value.Length == 0)
        {
            Required(names, "spec.names.kind", string.Empty);
        }
        else if (Problem(Syntax.IsDns1035Label(kind.Value.ToLowerInvariant())) is { } kindProblem)
        {
            Invalid(kind, "spec.names.kind", Quote(kind.Value), "may have mixed case, but should otherwise match: " + kindProblem);
        }

        if (names.GetScalar("listKind") is { IsNull: false } listKind && listKind.Value.Length > 0)
        {
            if (Problem(Syntax.IsDns1035Label(listKind.Value.ToLowerInvariant())) is { } listProblem)
            {
                Invalid(listKind, "spec.names.listKind", Quote(listKind.Value), "may have mixed case, but should otherwise match: " + listProblem);
            }
            else if (kind is { IsNull: false } && listKind.Value == kind.Value)
            {
                Invalid(listKind, "spec.names.listKind", Quote(listKind.Value), "kind and listKind may not be the same");
            }
        }
    }

    private void ValidateVersions(YamlMapping spec)
    {
        if (spec.GetSequence("versions") is not { Count: > 0 } versions)
        {
            // v1 requires versions; v1beta1 CRDs are not served at all (reported as such) and not checked further.
            if (_crd.ApiVersion == "apiextensions.k8s.io/v1")
            {
                Required(spec, "spec.versions", "must have exactly one version marked as storage version");
            }

            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var storage = 0;
        var unique = true;
        for (var i = 0; i < versions.Count; i++)
        {
            var at = $"spec.versions[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (versions.Items[i] is not YamlMapping version)
            {
                continue;
            }

            if (version.GetScalar("name") is { IsNull: false } name)
            {
                unique &= seen.Add(name.Value);
                if (Problem(Syntax.IsDns1035Label(name.Value)) is { } problem)
                {
                    Invalid(name, at + ".name", Quote(name.Value), problem);
                }
            }

            if (version.GetScalar("storage") is { } flag && flag.TryGetBool(out var isStorage) && isStorage)
            {
                storage++;
            }

            if (version.GetPath("schema", "openAPIV3Schema") is YamlMapping schema)
            {
                new SchemaChecks(this).Check(schema, at + ".schema.openAPIV3Schema", SchemaLevel.Root);
            }
        }

        var versionsNode = spec.GetEntry("versions")!.Key;
        if (!unique)
        {
            Report(SchemaRules.InvalidValue, versionsNode, "spec.versions: Invalid value: []apiextensions.CustomResourceDefinitionVersion: must contain unique version names");
        }

        if (storage != 1)
        {
            Report(SchemaRules.InvalidValue, versionsNode, "spec.versions: Invalid value: []apiextensions.CustomResourceDefinitionVersion: must have exactly one version marked as storage version");
        }
    }

    private void Required(YamlMapping parent, string path, string detail)
        => Report(SchemaRules.RequiredFieldMissing, parent, detail.Length == 0 ? $"{path}: Required value" : $"{path}: Required value: {detail}");

    private void Invalid(YamlNode node, string path, string value, string detail)
        => Report(SchemaRules.InvalidValue, node, $"{path}: Invalid value: {value}: {detail}");

    private void Report(RuleDescriptor rule, YamlNode node, string message) => _context.Report(rule, _crd, node, message);

    private static string Quote(string value) => ValueValidations.Quote(value);

    /// <summary>The errors of a syntax check joined as the server joins them (strings.Join(errs, ",")), or null.</summary>
    private static string? Problem(IReadOnlyList<string> errors) => errors.Count == 0 ? null : string.Join(",", errors);

    private enum SchemaLevel
    {
        Root,
        ObjectField,
        ArrayItems,
        Junction,
    }

    /// <summary>One version's openAPIV3Schema, walked once: the checks of ValidateCustomResourceDefinitionOpenAPISchema and ValidateStructural.</summary>
    private sealed class SchemaChecks(CrdDefinitionValidation owner)
    {
        public void Check(YamlMapping schema, string path, SchemaLevel level)
        {
            var typeNode = schema.GetScalar("type");
            var type = typeNode is { IsNull: false } ? typeNode.Value : string.Empty;
            if (type.Length > 0 && Array.IndexOf(Types, type) < 0)
            {
                owner.Report(SchemaRules.InvalidEnumValue, typeNode!, $"{path}.type: Unsupported value: {Quote(type)}: supported values: \"array\", \"boolean\", \"integer\", \"number\", \"object\", \"string\"");
            }

            var intOrString = IsTrue(schema, "x-kubernetes-int-or-string");
            var preserve = IsTrue(schema, "x-kubernetes-preserve-unknown-fields");
            if (type.Length == 0 && !intOrString && !preserve && level != SchemaLevel.Junction)
            {
                var detail = level switch
                {
                    SchemaLevel.Root => "must not be empty at the root",
                    SchemaLevel.ArrayItems => "must not be empty for specified array items",
                    _ => "must not be empty for specified object fields",
                };
                owner.Report(SchemaRules.RequiredFieldMissing, schema, $"{path}.type: Required value: {detail}");
            }

            if (schema.GetScalar("pattern") is { Kind: ScalarKind.String } pattern && !Re2Regex.TryCompile(pattern.Value, out _, out var error))
            {
                owner.Report(SchemaRules.InvalidValue, pattern, $"{path}.pattern: Invalid value: {Quote(pattern.Value)}: must be a valid regular expression, but isn't: {error}");
            }

            CheckListAndMapTypes(schema, path, type);
            if (type == "array" && schema["items"] is null && level != SchemaLevel.Junction)
            {
                owner.Report(SchemaRules.RequiredFieldMissing, schema, $"{path}.items: Required value: must be specified");
            }

            if (schema.GetMapping("properties") is { } properties)
            {
                foreach (var entry in properties.Entries)
                {
                    if (entry.Value is YamlMapping child)
                    {
                        Check(child, $"{path}.properties[{entry.KeyText}]", level == SchemaLevel.Junction ? SchemaLevel.Junction : SchemaLevel.ObjectField);
                    }
                }
            }

            if (schema["items"] is YamlMapping items)
            {
                Check(items, path + ".items", level == SchemaLevel.Junction ? SchemaLevel.Junction : SchemaLevel.ArrayItems);
            }

            if (schema["additionalProperties"] is YamlMapping additional)
            {
                Check(additional, path + ".additionalProperties", level == SchemaLevel.Junction ? SchemaLevel.Junction : SchemaLevel.ObjectField);
            }

            foreach (var junction in new[] { "allOf", "anyOf", "oneOf" })
            {
                var i = 0;
                foreach (var inner in schema.GetSequence(junction)?.Mappings ?? [])
                {
                    Check(inner, $"{path}.{junction}[{(i++).ToString(CultureInfo.InvariantCulture)}]", SchemaLevel.Junction);
                }
            }

            if (schema["not"] is YamlMapping not)
            {
                Check(not, path + ".not", SchemaLevel.Junction);
            }
        }

        /// <summary>x-kubernetes-list-type, -list-map-keys and -map-type as validateCustomResourceDefinitionOpenAPISchema checks them.</summary>
        private void CheckListAndMapTypes(YamlMapping schema, string path, string type)
        {
            if (schema.GetScalar("x-kubernetes-map-type") is { IsNull: false } mapType)
            {
                if (type != "object")
                {
                    Type(schema, path, type, "must be object if x-kubernetes-map-type is specified");
                }

                if (mapType.Value is not ("atomic" or "granular"))
                {
                    owner.Report(SchemaRules.InvalidEnumValue, mapType, $"{path}.x-kubernetes-map-type: Unsupported value: {Quote(mapType.Value)}: supported values: \"atomic\", \"granular\"");
                }
            }

            var listType = schema.GetScalar("x-kubernetes-list-type") is { IsNull: false } listTypeNode ? listTypeNode : null;
            if (listType is not null)
            {
                if (type != "array")
                {
                    Type(schema, path, type, "must be array if x-kubernetes-list-type is specified");
                }
                else if (listType.Value is not ("atomic" or "set" or "map"))
                {
                    owner.Report(SchemaRules.InvalidEnumValue, listType, $"{path}.x-kubernetes-list-type: Unsupported value: {Quote(listType.Value)}: supported values: \"atomic\", \"map\", \"set\"");
                }
            }

            var keys = schema.GetSequence("x-kubernetes-list-map-keys");
            if (keys is { Count: > 0 } && listType?.Value != "map")
            {
                if (listType is null)
                {
                    owner.Report(SchemaRules.RequiredFieldMissing, schema, $"{path}.x-kubernetes-list-type: Required value: must be map if x-kubernetes-list-map-keys is non-empty");
                }
                else
                {
                    owner.Report(SchemaRules.InvalidValue, listType, $"{path}.x-kubernetes-list-type: Invalid value: {Quote(listType.Value)}: must be map if x-kubernetes-list-map-keys is non-empty");
                }
            }

            if (listType?.Value == "map" && keys is not { Count: > 0 })
            {
                owner.Report(SchemaRules.RequiredFieldMissing, schema, $"{path}.x-kubernetes-list-map-keys: Required value: must not be empty if x-kubernetes-list-type is map");
            }
        }

        private void Type(YamlMapping schema, string path, string type, string detail)
        {
            if (type.Length == 0)
            {
                owner.Report(SchemaRules.RequiredFieldMissing, schema, $"{path}.type: Required value: {detail}");
            }
            else
            {
                owner.Report(SchemaRules.InvalidValue, schema.GetScalar("type")!, $"{path}.type: Invalid value: {Quote(type)}: {detail}");
            }
        }

        private static bool IsTrue(YamlMapping schema, string key) => schema.GetScalar(key) is { } s && s.TryGetBool(out var value) && value;
    }
}
