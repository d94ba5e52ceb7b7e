using System.Globalization;
using System.Text.RegularExpressions;
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

    private static readonly IReadOnlyList<string> NoneRequired = [];

    private readonly AnalysisContext _context;
    private readonly KubeObject _object;
    private readonly bool _strict;
    private readonly bool _apiValidated;
    private readonly FieldPath _path = new();

    /// <param name="apiValidated">
    /// True when the kind's API validation reports required fields and unsupported values in the server's words:
    /// the API server never checks the OpenAPI <c>required</c> lists or an enumeration table itself.
    /// </param>
    public SchemaWalker(AnalysisContext context, KubeObject obj, bool apiValidated = false)
    {
        _context = context;
        _object = obj;
        _strict = context.Options.Strict;
        _apiValidated = apiValidated;
    }

    public void ValidateRoot(SchemaNode schema) => Validate(_object.Root, schema, null);

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
                if (IsIntegralFloat(node))
                {
                    break;
                }

                if (Expect(node, "integer", ScalarKind.Int) is { } integer)
                {
                    CheckIntegerFormat(integer, schema);
                    CheckEnum(integer, schema);
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
                if (IsIntegralFloat(node))
                {
                    break;
                }

                if (Expect(node, "integer or string", ScalarKind.Int, ScalarKind.String) is { } intOrString)
                {
                    CheckEnum(intOrString, schema);
                }

                break;
            case SchemaType.Quantity:
                // A YAML number reaches the API server as a JSON number (0x10 as 16), which is always a valid quantity.
                if (Expect(node, "quantity (string or number)", ScalarKind.String, ScalarKind.Int, ScalarKind.Float) is { Kind: ScalarKind.String } quantity
                    && !Quantity.TryParse(quantity.Value, out _, out var error))
                {
                    Report(SchemaRules.InvalidQuantity, quantity, $"{_path}: invalid quantity {quantity.ToDisplayString()}: {error}");
                }

                break;
            default:
                break;
        }
    }

    /// <summary>
    /// sigs.k8s.io/yaml turns YAML into JSON through float64 for non-integers, and Go writes a whole float64 below
    /// 1e21 without a fraction (3.0 → 3, 1e3 → 1000), so the API server accepts such values for integer fields.
    /// </summary>
    private static bool IsIntegralFloat(YamlNode node)
        => node is YamlScalar { Kind: ScalarKind.Float } scalar && scalar.TryGetDouble(out var value)
            && Math.Abs(value) < 1e21 && Math.Floor(value) == value;

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
                Validate(entry.Value, property, entry.Key);
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
            if (mapping[required] is null or YamlScalar { IsNull: true })
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

    private void CheckIntegerFormat(YamlScalar value, SchemaNode schema)
    {
        var fits = ScalarResolver.TryParseInt(value.Value, out var number) && !Formats.IsOutOfInt64(value.Value);
        if (schema.Format == "int32" && (!fits || number is < int.MinValue or > int.MaxValue))
        {
            Report(SchemaRules.InvalidValue, value, $"{_path}: expected int32, got {value.Value}, which is out of range");
        }
        else if (!fits)
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
        string? problem = null;
        switch (node)
        {
            case YamlScalar { Kind: ScalarKind.Int or ScalarKind.Float } number when type is SchemaType.Integer or SchemaType.Number && number.TryGetDouble(out var value):
                problem = NumberProblem(value, bounds);
                break;
            case YamlScalar { Kind: ScalarKind.String } text when type is SchemaType.String or SchemaType.IntOrString or SchemaType.Any:
                problem = StringProblem(text.Value, bounds);
                break;
            case YamlSequence sequence when type is SchemaType.Array or SchemaType.Any:
                problem = CountProblem(sequence.Count, bounds.MinItems, bounds.MaxItems, "items");
                break;
            case YamlMapping mapping when type is SchemaType.Object or SchemaType.Any:
                problem = CountProblem(mapping.Count, bounds.MinProperties, bounds.MaxProperties, "properties");
                break;
            default:
                break;
        }

        if (problem is not null)
        {
            Report(SchemaRules.ValueOutOfBounds, node, $"{_path}: invalid value {Describe(node)}: {_path} in body {problem}");
        }
    }

    private static string? NumberProblem(double value, SchemaBounds bounds)
    {
        if (bounds.Minimum is { } min && (bounds.ExclusiveMinimum ? value <= min : value < min))
        {
            return $"should be greater than {(bounds.ExclusiveMinimum ? string.Empty : "or equal to ")}{Format(min)}";
        }

        if (bounds.Maximum is { } max && (bounds.ExclusiveMaximum ? value >= max : value > max))
        {
            return $"should be less than {(bounds.ExclusiveMaximum ? string.Empty : "or equal to ")}{Format(max)}";
        }

        return null;
    }

    private static string? StringProblem(string value, SchemaBounds bounds)
    {
        // Go counts characters as runes, so a surrogate pair is one character.
        var length = value.Length - value.Count(char.IsLowSurrogate);
        if (bounds.MinLength is { } min && length < min)
        {
            return $"should be at least {min.ToString(CultureInfo.InvariantCulture)} chars long";
        }

        if (bounds.MaxLength is { } max && length > max)
        {
            return $"should be at most {max.ToString(CultureInfo.InvariantCulture)} chars long";
        }

        return bounds.Pattern is { } pattern && !Matches(pattern, value) ? $"should match '{bounds.PatternText}'" : null;
    }

    /// <summary>A pattern that takes too long (catastrophic backtracking, which RE2 never does) counts as a match.</summary>
    private static bool Matches(Regex pattern, string value)
    {
        try
        {
            return pattern.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }

    private static string? CountProblem(int count, int? min, int? max, string what)
    {
        if (min is { } atLeast && count < atLeast)
        {
            return $"should have at least {atLeast.ToString(CultureInfo.InvariantCulture)} {what}";
        }

        return max is { } atMost && count > atMost ? $"should have at most {atMost.ToString(CultureInfo.InvariantCulture)} {what}" : null;
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Describe(YamlNode node) => node is YamlScalar s ? $"{s.TypeName} {s.ToDisplayString()}" : node.TypeName;

    private void Report(RuleDescriptor rule, YamlNode node, string message) => _context.Report(rule, _object, node, message);
}
