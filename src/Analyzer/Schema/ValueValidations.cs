using System.Globalization;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Schema;

/// <summary>
/// The value validations of a custom resource schema (minimum, maximum, lengths, item and property counts, pattern),
/// with the API server's words: kube-openapi's validate package finds the problem (errors/schema.go messages such
/// as "spec.size in body should be greater than or equal to 1") and kubeOpenAPIResultToFieldErrors
/// (apiextensions-apiserver pkg/apiserver/validation/validation.go) turns it into a field error: Too long for
/// maxLength, Too many for maxItems and maxProperties, Invalid value for the others.
/// </summary>
internal static class ValueValidations
{
    /// <summary>The first bound the value breaks, as (rule, message); null when it keeps them all.</summary>
    public static (RuleDescriptor Rule, string Message)? Check(YamlNode node, SchemaType type, SchemaBounds bounds, FieldPath path)
    {
        switch (node)
        {
            case YamlScalar { Kind: ScalarKind.Int or ScalarKind.Float } number when type is SchemaType.Integer or SchemaType.Number && number.TryGetDouble(out var value):
                return NumberProblem(value, bounds) is { } numberProblem ? Invalid(path, GoValue(number), numberProblem) : null;
            case YamlScalar { Kind: ScalarKind.String } text when type is SchemaType.String or SchemaType.IntOrString or SchemaType.Any:
                return StringProblem(text.Value, bounds, path);
            case YamlSequence sequence when type is SchemaType.Array or SchemaType.Any:
                if (bounds.MaxItems is { } maxItems && sequence.Count > maxItems)
                {
                    return TooMany(path, sequence.Count, maxItems);
                }

                return bounds.MinItems is { } minItems && sequence.Count < minItems
                    ? Invalid(path, Quote("array"), $"should have at least {Count(minItems)} items")
                    : null;
            case YamlMapping mapping when type is SchemaType.Object or SchemaType.Any:
                if (bounds.MaxProperties is { } maxProperties && mapping.Count > maxProperties)
                {
                    return TooMany(path, mapping.Count, maxProperties);
                }

                return bounds.MinProperties is { } minProperties && mapping.Count < minProperties
                    ? Invalid(path, Quote("object"), $"should have at least {Count(minProperties)} properties")
                    : null;
            default:
                return null;
        }
    }

    /// <summary>Go's %q of a string, as field errors print string values.</summary>
    public static string Quote(string value)
    {
        var text = new System.Text.StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case < ' ' or '\u007f':
                    text.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        return text.Append('"').ToString();
    }

    /// <summary>A scalar as a field error prints the decoded JSON value: strings quoted, numbers as Go prints int64 and float64.</summary>
    public static string GoValue(YamlScalar scalar) => scalar.Kind switch
    {
        ScalarKind.String => Quote(scalar.Value),
        ScalarKind.Float when scalar.TryGetDouble(out var value) => GoFloat(value),
        ScalarKind.Null => "null",
        _ => scalar.Value,
    };

    /// <summary>Go's %v of a float64: the shortest representation, with an exponent below 1e-4 and from 1e21.</summary>
    public static string GoFloat(double value)
    {
        if (value == Math.Floor(value) && Math.Abs(value) < 1e21)
        {
            return value.ToString("0", CultureInfo.InvariantCulture);
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E');
        if (e < 0)
        {
            return text;
        }

        var exponent = int.Parse(text.Substring(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return text.Substring(0, e) + "e" + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
    }

    private static string? NumberProblem(double value, SchemaBounds bounds)
    {
        if (bounds.Minimum is { } min && (bounds.ExclusiveMinimum ? value <= min : value < min))
        {
            return $"should be greater than {(bounds.ExclusiveMinimum ? string.Empty : "or equal to ")}{GoFloat(min)}";
        }

        if (bounds.Maximum is { } max && (bounds.ExclusiveMaximum ? value >= max : value > max))
        {
            return $"should be less than {(bounds.ExclusiveMaximum ? string.Empty : "or equal to ")}{GoFloat(max)}";
        }

        return null;
    }

    private static (RuleDescriptor, string)? StringProblem(string value, SchemaBounds bounds, FieldPath path)
    {
        // kube-openapi counts characters as runes, so a surrogate pair is one character.
        var length = value.Length - value.Count(char.IsLowSurrogate);
        if (bounds.MaxLength is { } max && length > max)
        {
            return (SchemaRules.ValueOutOfBounds, $"{path}: Too long: may not be more than {Count(max)} bytes");
        }

        if (bounds.MinLength is { } min && length < min)
        {
            return Invalid(path, Quote(value), $"should be at least {Count(min)} chars long");
        }

        return bounds.Pattern is { } pattern && !pattern.IsMatch(value)
            ? Invalid(path, Quote(value), $"should match '{bounds.PatternText}'")
            : null;
    }

    private static (RuleDescriptor, string) Invalid(FieldPath path, string value, string problem)
    {
        var at = path.ToString();
        return (SchemaRules.InvalidValue, $"{at}: Invalid value: {value}: {at} in body {problem}");
    }

    private static (RuleDescriptor, string) TooMany(FieldPath path, int count, int max)
        => (SchemaRules.ValueOutOfBounds, $"{path}: Too many: {Count(count)}: must have at most {Count(max)} items");

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
