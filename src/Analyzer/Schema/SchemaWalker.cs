using System.Globalization;
using KubeLint.Analyzer.Cel;
using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Validation;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Schema;

/// <summary>
/// Walks an object's YAML tree against its compiled schema, so each problem is reported at the exact key or value.
/// Unknown fields are reported at the key, type and value problems at the value, missing required fields at the
/// key of the mapping that lacks them (or at the object's start for top-level fields).
/// </summary>
internal sealed class SchemaWalker
{
    // Fields every embedded resource (x-kubernetes-embedded-resource) may carry beside its declared ones.
    private static readonly HashSet<string> EmbeddedFields = new(StringComparer.Ordinal) { "apiVersion", "kind", "metadata" };

    private const string ObjectMetaDefinition = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
    private const string LabelSelectorDefinition = "io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector";
    private const string ServiceSpecDefinition = "io.k8s.api.core.v1.ServiceSpec";

    /// <summary>
    /// Fields the OpenAPI marks required that kube-apiserver never required: StatefulSetSpec.serviceName is
    /// "required" in the 1.30 to 1.32 OpenAPI, but ValidateStatefulSetSpec never checked it (1.33 dropped the mark).
    /// </summary>
    private static readonly HashSet<(string Definition, string Field)> RequiredNotEnforced = [("io.k8s.api.apps.v1.StatefulSetSpec", "serviceName")];

    /// <summary>
    /// Fields the API server drops (or resets) on create while their feature gate is off (pkg/api/pod/util.go,
    /// dropDisabledFields): their values are never checked then. procMount is reset to Default while ProcMountType is
    /// off (before 1.33), whatever was written.
    /// </summary>
    private static readonly Dictionary<(string Definition, string Field), string> GatedFields = new()
    {
        [("io.k8s.api.core.v1.SecurityContext", "procMount")] = "ProcMountType",
    };

    private static readonly IReadOnlyList<string> NoneRequired = [];

    private readonly AnalysisContext _context;
    private readonly KubeObject _object;
    private readonly bool _strict;
    private readonly KubernetesVersion? _version;
    private readonly bool _apiValidated;
    private readonly FieldPath _path;

    // Set while checking a schema of allOf, anyOf, oneOf or not: problems are collected, not reported.
    private readonly List<SchemaProblem>? _collected;

    // Numbers of int32 fields the API server stores wrapped (see CheckDecodedInteger); not collected inside junctions.
    private readonly HashSet<YamlScalar>? _wrapped;
    private CelRuleEvaluator? _cel;

    /// <summary>A walker of one object; <paramref name="version"/> (built-in kinds only) drops the fields of disabled gates.</summary>
    /// <param name="context">The analysis the findings go to.</param>
    /// <param name="obj">The object walked.</param>
    /// <param name="version">The version whose feature gates decide which fields the server drops; null for custom resources.</param>
    /// <param name="apiValidated">
    /// True when the kind's API validation reports required fields and unsupported values in the server's words:
    /// the API server never checks the OpenAPI <c>required</c> lists or an enumeration table itself.
    /// </param>
    /// <param name="wrapped">Collects the numbers of int32 fields beyond int32, which the API server stores wrapped.</param>
    public SchemaWalker(AnalysisContext context, KubeObject obj, KubernetesVersion? version = null, bool apiValidated = false, HashSet<YamlScalar>? wrapped = null)
        : this(context, obj, new FieldPath(), null, version, apiValidated)
    {
        _wrapped = wrapped;
    }

    private SchemaWalker(AnalysisContext context, KubeObject obj, FieldPath path, List<SchemaProblem>? collected, KubernetesVersion? version, bool apiValidated)
    {
        _context = context;
        _object = obj;
        _strict = context.Options.Strict;
        _version = version;
        _apiValidated = apiValidated;
        _path = path;
        _collected = collected;
    }

    public void ValidateRoot(SchemaNode schema) => Validate(_object.Root, schema, null);

    private bool IsDroppedByGate(SchemaNode schema, string field)
        => _version is { } version && schema.Definition is { } definition
            && GatedFields.TryGetValue((definition, field), out var gate) && !FeatureGates.IsEnabled(gate, version);

    private void Validate(YamlNode node, SchemaNode schema, YamlNode? key)
    {
        if (node is YamlScalar { IsNull: true })
        {
            // A null is decoded as "not set" for built-in fields and pruned for custom resources: never a type error.
            return;
        }

        if (schema.Bounds is { } bounds)
        {
            CheckBounds(node, schema.Type, bounds);
        }

        switch (schema.Type)
        {
            case SchemaType.Object:
                ValidateObject(node, schema, key);
                break;
            case SchemaType.Array:
                ValidateArray(node, schema);
                break;
            case SchemaType.String:
                if (Expect(node, "string", ScalarKind.String) is { } text)
                {
                    CheckStringFormat(text, schema);
                    CheckEnum(text, schema);
                }

                break;
            case SchemaType.Integer:
                if (_version is not null && node is YamlScalar decoded && DecodedInteger.HasFraction(decoded))
                {
                    // The typed conversion of a built-in kind refuses the float (runtime/converter.go fromUnstructured).
                    Report(SchemaRules.TypeMismatch, decoded, $"{_path}: cannot convert float64 to {(schema.Format == "int32" ? "int32" : "int64")}");
                }
                else if (node is YamlScalar integral && integral.TryGetInteger(out var integer))
                {
                    if (_version is not null)
                    {
                        CheckDecodedInteger(integral, integer, schema.Format == "int32");
                    }
                    else
                    {
                        CheckIntegerFormat(integral, integer, schema.Format == "int32");
                    }

                    CheckEnum(integral, schema);
                }
                else
                {
                    Expect(node, "integer", ScalarKind.Int);
                }

                break;
            case SchemaType.Number:
                if (Expect(node, "number", ScalarKind.Int, ScalarKind.Float) is { } number)
                {
                    CheckEnum(number, schema);
                }

                break;
            case SchemaType.Boolean:
                Expect(node, "boolean", ScalarKind.Bool);
                break;
            case SchemaType.IntOrString:
                if (node is YamlScalar integralOrString && integralOrString.TryGetInteger(out var intValue))
                {
                    // intstr.IntOrString keeps the number in an int32 (IntVal).
                    CheckIntegerFormat(integralOrString, intValue, int32: true);
                    CheckEnum(integralOrString, schema);
                }
                else if (Expect(node, "integer or string", ScalarKind.String) is { } intOrString)
                {
                    CheckEnum(intOrString, schema);
                }

                break;
            case SchemaType.Quantity:
                // A YAML number reaches the API server as a JSON number (0x10 as 16), read as the same quantity.
                if (Expect(node, "quantity (string or number)", ScalarKind.String, ScalarKind.Int, ScalarKind.Float) is { } quantity
                    && !Quantity.TryRead(quantity, out _, out var error))
                {
                    Report(SchemaRules.InvalidQuantity, quantity, $"{_path}: invalid quantity {quantity.ToDisplayString()}: {error}");
                }

                break;
            default:
                // A schema without a type (inside allOf, anyOf, oneOf or not) still constrains what it describes.
                if (node is YamlMapping && (schema.Properties.Count > 0 || schema.Required.Count > 0 || schema.AdditionalProperties is not null))
                {
                    ValidateObject(node, schema, key);
                }
                else if (node is YamlSequence && schema.Items is not null)
                {
                    ValidateArray(node, schema);
                }

                break;
        }

        if (schema.AllOf.Count > 0 || schema.AnyOf.Count > 0 || schema.OneOf.Count > 0 || schema.Not is not null)
        {
            CheckJunctions(node, schema);
        }

        if (schema.Validations.Count > 0)
        {
            _cel ??= new CelRuleEvaluator(_context, _object, _path, Report);
            _cel.Evaluate(node, schema);
        }
    }

    /// <summary>
    /// allOf, anyOf, oneOf and not as kube-openapi's schemaPropsValidator (validate/schema_props.go) checks them: the
    /// inner schemas' problems are gathered apart, then reported with the composite message of schema_messages.go,
    /// which kubeOpenAPIResultToFieldErrors reports at the root with an empty value ("&lt;nil&gt;: Invalid value: \"\": ...").
    /// </summary>
    private void CheckJunctions(YamlNode node, SchemaNode schema)
    {
        var where = ValueValidations.Quote(_path.ToString());
        if (schema.AnyOf.Count > 0)
        {
            var outcomes = schema.AnyOf.Select(s => Problems(node, s)).ToList();
            if (outcomes.All(o => o.Count > 0))
            {
                ReportComposite(node, $"{where} must validate at least one schema (anyOf)");
                ReportAll(outcomes.OrderBy(o => o.Count).First());
            }
        }

        if (schema.OneOf.Count > 0)
        {
            var outcomes = schema.OneOf.Select(s => Problems(node, s)).ToList();
            var valid = outcomes.Count(o => o.Count == 0);
            if (valid != 1)
            {
                var found = valid == 0 ? "Found none valid" : $"Found {valid.ToString(CultureInfo.InvariantCulture)} valid alternatives";
                ReportComposite(node, $"{where} must validate one and only one schema (oneOf). {found}");
                if (valid == 0)
                {
                    ReportAll(outcomes.OrderBy(o => o.Count).First());
                }
            }
        }

        if (schema.AllOf.Count > 0)
        {
            var outcomes = schema.AllOf.Select(s => Problems(node, s)).ToList();
            var valid = outcomes.Count(o => o.Count == 0);
            foreach (var outcome in outcomes)
            {
                ReportAll(outcome);
            }

            if (valid != outcomes.Count)
            {
                ReportComposite(node, $"{where} must validate all the schemas (allOf){(valid == 0 ? ". None validated" : string.Empty)}");
            }
        }

        if (schema.Not is { } not && Problems(node, not).Count == 0)
        {
            ReportComposite(node, $"{where} must not validate the schema (not)");
        }
    }

    private List<SchemaProblem> Problems(YamlNode node, SchemaNode schema)
    {
        var problems = new List<SchemaProblem>();
        new SchemaWalker(_context, _object, _path, problems, _version, _apiValidated).Validate(node, schema, null);
        return problems;
    }

    private void ReportComposite(YamlNode node, string message) => Report(SchemaRules.InvalidValue, node, "<nil>: Invalid value: \"\": " + message);

    private void ReportAll(List<SchemaProblem> problems)
    {
        foreach (var problem in problems)
        {
            Report(problem.Rule, problem.Node, problem.Message);
        }
    }

    private YamlScalar? Expect(YamlNode node, string expected, ScalarKind kind, ScalarKind? also = null, ScalarKind? third = null)
    {
        if (node is YamlScalar scalar && (scalar.Kind == kind || scalar.Kind == also || scalar.Kind == third))
        {
            return scalar;
        }

        var got = node switch
        {
            YamlScalar s => $"{s.TypeName} {s.ToDisplayString()}",
            _ => node.TypeName,
        };
        Report(SchemaRules.TypeMismatch, node, $"{_path}: expected {expected}, got {got}");
        return null;
    }

    private void ValidateObject(YamlNode node, SchemaNode schema, YamlNode? key)
    {
        if (node is not YamlMapping mapping)
        {
            Report(SchemaRules.TypeMismatch, node, $"{_path}: expected object, got {Describe(node)}");
            return;
        }

        foreach (var entry in mapping.Entries)
        {
            _path.Push(entry.KeyText);
            if (schema.Properties.TryGetValue(entry.KeyText, out var property))
            {
                if (!IsDroppedByGate(schema, entry.KeyText))
                {
                    Validate(entry.Value, property, entry.Key);
                }
            }
            else if (schema.AdditionalProperties is { } additional)
            {
                Validate(entry.Value, additional, entry.Key);
            }
            else if (_strict && !schema.PreserveUnknownFields && !(schema.EmbeddedResource && EmbeddedFields.Contains(entry.KeyText)))
            {
                var hint = Suggestions.Closest(entry.KeyText, schema.Properties.Keys) is { } near ? $"; did you mean \"{near}\"?" : string.Empty;
                Report(SchemaRules.UnknownField, entry.Key, $"unknown field \"{_path}\"{hint}");
            }

            _path.Pop();
        }

        foreach (var required in _apiValidated ? NoneRequired : schema.Required)
        {
            if (mapping[required] is null or YamlScalar { IsNull: true } && !RequiredNotEnforced.Contains((schema.Definition ?? string.Empty, required)))
            {
                var at = mapping.GetEntry(required)?.Key ?? key ?? (YamlNode)mapping;
                var where = _path.IsEmpty ? string.Empty : _path + ": ";
                Report(SchemaRules.RequiredFieldMissing, at, $"{where}missing required field \"{required}\"");
            }
        }

        // The API server validates label maps wherever labels are written or matched: object and template
        // metadata, label selectors and Service selectors.
        var labelField = schema.Definition switch
        {
            ObjectMetaDefinition => "labels",
            LabelSelectorDefinition => "matchLabels",
            ServiceSpecDefinition => "selector",
            _ => null,
        };
        if (labelField is not null && mapping.GetMapping(labelField) is { } labels)
        {
            _path.Push(labelField);
            CheckLabels(labels);
            _path.Pop();
        }
    }

    /// <summary>
    /// Label keys and values of any ObjectMeta (the object's and its templates'), label selector and Service
    /// selector, with the server's messages (<c>ValidateLabels</c>, staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/validation):
    /// one finding per problem, at the key or value. Non-strings are type errors already.
    /// </summary>
    private void CheckLabels(YamlMapping labels)
    {
        foreach (var entry in labels.Entries)
        {
            foreach (var problem in Syntax.IsQualifiedName(entry.KeyText))
            {
                Report(SchemaRules.InvalidLabel, entry.Key, $"{_path}: Invalid value: {GoValue.Quote(entry.KeyText)}: {problem}");
            }

            if (entry.Value is YamlScalar { Kind: ScalarKind.String } value)
            {
                foreach (var problem in Syntax.IsValidLabelValue(value.Value))
                {
                    Report(SchemaRules.InvalidLabel, value, $"{_path}: Invalid value: {GoValue.Quote(value.Value)}: {problem}");
                }
            }
        }
    }

    private void ValidateArray(YamlNode node, SchemaNode schema)
    {
        if (node is not YamlSequence sequence)
        {
            Report(SchemaRules.TypeMismatch, node, $"{_path}: expected array, got {Describe(node)}");
            return;
        }

        if (schema.Items is { } items)
        {
            for (var i = 0; i < sequence.Items.Count; i++)
            {
                _path.Push(i);
                Validate(sequence.Items[i], items, null);
                _path.Pop();
            }
        }

        if (schema.ListType == "map" && schema.ListMapKeys.Count > 0)
        {
            CheckMapKeys(sequence, schema.ListMapKeys, schema.ListMapKeysWithoutDefault, schema.Items);
        }
        else if (schema.ListType == "set")
        {
            CheckSet(sequence);
        }
    }

    /// <summary>
    /// Keyed lists as server-side apply's structured-merge-diff reads them: each item needs the key fields that have
    /// no default, and no two items may share a key.
    /// </summary>
    private void CheckMapKeys(YamlSequence sequence, IReadOnlyList<string> keys, IReadOnlyList<string> keysWithoutDefault, SchemaNode? itemSchema)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (sequence.Items[i] is not YamlMapping item)
            {
                continue;
            }

            if (keysWithoutDefault.FirstOrDefault(k => item[k] is null or YamlScalar { IsNull: true }) is { } omitted)
            {
                // Where the schema requires the key, the required-field check already says so.
                if (_apiValidated || itemSchema is null || !itemSchema.Required.Contains(omitted))
                {
                    Report(SchemaRules.RequiredFieldMissing, item, $"{_path}[{i.ToString(CultureInfo.InvariantCulture)}]: associative list with keys has an element that omits key field \"{omitted}\" (and doesn't have default value)");
                }

                continue;
            }

            var parts = new string[keys.Count];
            for (var k = 0; k < keys.Count; k++)
            {
                parts[k] = KeyValue(item, keys[k]);
            }

            if (!seen.Add(string.Join("\u0000", parts)))
            {
                var at = item.GetEntry(keys[0])?.Value ?? item;
                var described = string.Join(", ", keys.Select((k, n) => $"{k}={parts[n]}"));
                Report(SchemaRules.DuplicateListKey, at, $"{_path}[{i.ToString(CultureInfo.InvariantCulture)}]: duplicate entry with {described}");
            }
        }
    }

    /// <summary>A key field as the API server compares it, after defaulting: a port's protocol defaults to TCP.</summary>
    private static string KeyValue(YamlMapping item, string key)
    {
        var value = item.GetString(key);
        return value ?? (key == "protocol" ? "TCP" : string.Empty);
    }

    private void CheckSet(YamlSequence sequence)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (sequence.Items[i] is YamlScalar { IsNull: false } scalar && !seen.Add(scalar.Value))
            {
                Report(SchemaRules.DuplicateListKey, scalar, $"{_path}[{i.ToString(CultureInfo.InvariantCulture)}]: duplicate value {scalar.ToDisplayString()} in a set");
            }
        }
    }

    private void CheckStringFormat(YamlScalar value, SchemaNode schema)
    {
        switch (schema.Format)
        {
            case "date-time" when !Formats.IsDateTime(value.Value):
                Report(SchemaRules.InvalidValue, value, $"{_path}: expected an RFC 3339 date-time (e.g. 2024-01-31T12:00:00Z), got {value.ToDisplayString()}");
                break;
            case "byte" when !Formats.IsBase64(value.Value):
                Report(SchemaRules.InvalidValue, value, $"{_path}: expected base64-encoded data, got {value.ToDisplayString()}");
                break;
            default:
                break;
        }
    }

    /// <summary>
    /// An integer field of a built-in kind holds what the API server's decoding makes of the number
    /// (<see cref="DecodedInteger"/>): an out-of-range value is accepted and stored as another number, so it is no
    /// error (a real server accepts <c>replicas: 10000000000.0</c>); the value validations then read is the stored one
    /// (<c>replicas: 2147483648</c> is rejected as -2147483648), and the change is reported as a warning.
    /// </summary>
    private void CheckDecodedInteger(YamlScalar value, System.Numerics.BigInteger number, bool int32)
    {
        if (!DecodedInteger.TryRead(value, out var stored))
        {
            // Beyond float64, go-yaml keeps no number at all.
            CheckIntegerFormat(value, number, int32);
            return;
        }

        var kept = int32 ? DecodedInteger.ToInt32(stored) : stored;
        if (kept != number)
        {
            if (int32)
            {
                _wrapped?.Add(value);
            }

            Report(SchemaRules.IntegerOverflow, value, $"{_path}: {value.Value} does not fit {(int32 ? "int32" : "int64")}: the API server stores it as {kept.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    /// <summary>
    /// Integers of a custom resource must fit their format: no Go conversion stands between the JSON and the schema,
    /// and past int64 the number cannot be decoded as an integer at all. (Built-in kinds: <see cref="CheckDecodedInteger"/>.)
    /// IntOrString keeps an int32 too: intstr.IntOrString's UnmarshalJSON decodes it with encoding/json, which refuses
    /// a number beyond int32.
    /// </summary>
    private void CheckIntegerFormat(YamlScalar value, System.Numerics.BigInteger number, bool int32)
    {
        if (int32 && (number < int.MinValue || number > int.MaxValue))
        {
            Report(SchemaRules.InvalidValue, value, $"{_path}: expected int32, got {value.Value}, which is out of range");
        }
        else if (number < long.MinValue || number > long.MaxValue)
        {
            Report(SchemaRules.InvalidValue, value, $"{_path}: expected int64, got {value.Value}, which is out of range");
        }
    }

    private void CheckEnum(YamlScalar value, SchemaNode schema)
    {
        if (_apiValidated || schema.Enum is not { } allowed || allowed.Contains(value.Value, StringComparer.Ordinal))
        {
            return;
        }

        var hint = Suggestions.Closest(value.Value, allowed) is { } near ? $"; did you mean \"{near}\"?" : string.Empty;
        var listed = string.Join(", ", allowed.Select(a => "\"" + a + "\""));
        Report(SchemaRules.InvalidEnumValue, value, $"{_path}: unsupported value {value.ToDisplayString()}: supported values: {listed}{hint}");
    }

    /// <summary>The API server's value validations, checked only when the value already has the right type.</summary>
    private void CheckBounds(YamlNode node, SchemaType type, SchemaBounds bounds)
    {
        if (ValueValidations.Check(node, type, bounds, _path) is { } problem)
        {
            Report(problem.Rule, node, problem.Message);
        }
    }

    private static string Describe(YamlNode node) => node is YamlScalar s ? $"{s.TypeName} {s.ToDisplayString()}" : node.TypeName;

    private void Report(RuleDescriptor rule, YamlNode node, string message)
    {
        if (_collected is not null)
        {
            _collected.Add(new SchemaProblem(rule, node, message));
            return;
        }

        _context.Report(rule, _object, node, message);
    }
}
