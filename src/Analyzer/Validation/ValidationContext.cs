using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Schema;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Validation;

/// <summary>
/// What a validation sees of one object, and where it reports: one finding per field error, worded as the API
/// server's <c>field.Error.Error()</c> (<c>spec.replicas: Invalid value: -1: must be greater than or equal to 0</c>)
/// and placed at the field's node (<see cref="Field.Anchor"/>). The methods mirror apimachinery's constructors
/// (<c>field.Required</c>, <c>field.Invalid</c>, ...) so a validation reads like its upstream counterpart.
/// </summary>
public sealed class ValidationContext
{
    private readonly AnalysisContext _analysis;
    private readonly HashSet<SourcePosition> _schemaReported;
    private readonly HashSet<string> _messages = new(StringComparer.Ordinal);

    internal ValidationContext(AnalysisContext analysis, ObjectView view, KubernetesVersion version, bool builtIn, HashSet<SourcePosition> schemaReported)
    {
        IsBuiltIn = builtIn;
        _analysis = analysis;
        View = view;
        Version = version;
        _schemaReported = schemaReported;
    }

    public ObjectView View { get; }

    public KubeObject Object => View.Object;

    /// <summary>The object's root field, with defaults applied.</summary>
    public Field Root => View.Root;

    public KubernetesVersion Version { get; }

    /// <summary>True for kinds of the Kubernetes API; false for custom resources.</summary>
    public bool IsBuiltIn { get; }

    public AnalysisOptions Options => _analysis.Options;

    /// <summary>
    /// Field errors found so far on this object, counted before duplicates and suppressions are dropped: upstream
    /// code that asks "did this item have errors" (a volume with errors is not mountable) compares it before and after.
    /// </summary>
    public int Errors { get; private set; }

    /// <summary>A prefix for every message of the current validation, e.g. the note that a StatefulSet's pods are rejected later.</summary>
    public string? MessagePrefix { get; set; }

    /// <summary><c>field.Required</c>: the field is missing or empty.</summary>
    public void Required(Field field, string detail = "") => Report(field, FieldErrorType.Required, GoValue.Omit, detail);

    /// <summary><c>field.Invalid</c>.</summary>
    public void Invalid(Field field, GoValue value, string detail) => Report(field, FieldErrorType.Invalid, value, detail);

    /// <summary>One <c>field.Invalid</c> per message, as validations do with the lists of <see cref="Syntax"/>.</summary>
    public void Invalid(Field field, GoValue value, IEnumerable<string> details)
    {
        foreach (var detail in details)
        {
            Invalid(field, value, detail);
        }
    }

    /// <summary><c>field.NotSupported</c>: the supported values quoted and joined as upstream prints them.</summary>
    public void NotSupported(Field field, GoValue value, IEnumerable<string> supported)
    {
        var quoted = string.Join(", ", supported.Select(GoValue.Quote));
        Report(field, FieldErrorType.NotSupported, value, quoted.Length == 0 ? string.Empty : "supported values: " + quoted);
    }

    /// <summary><c>field.Forbidden</c>.</summary>
    public void Forbidden(Field field, string detail) => Report(field, FieldErrorType.Forbidden, GoValue.Omit, detail);

    /// <summary><c>field.Duplicate</c>.</summary>
    public void Duplicate(Field field, GoValue value) => Report(field, FieldErrorType.Duplicate, value, string.Empty);

    /// <summary><c>field.TooLong</c>: the value is left out of the message.</summary>
    public void TooLong(Field field, int maxLength)
        => Report(field, FieldErrorType.TooLong, GoValue.Omit, maxLength >= 0 ? $"may not be more than {maxLength} bytes" : "value is too long");

    /// <summary><c>field.TooMany</c>.</summary>
    public void TooMany(Field field, int actual, int max)
        => Report(field, FieldErrorType.TooMany, actual >= 0 ? GoValue.Of(actual) : GoValue.Omit, max >= 0 ? $"must have at most {max} items" : "has too many items");

    /// <summary><c>field.TypeInvalid</c>.</summary>
    public void TypeInvalid(Field field, GoValue value, string detail) => Report(field, FieldErrorType.TypeInvalid, value, detail);

    /// <summary><c>field.NotFound</c>.</summary>
    public void NotFound(Field field, GoValue value) => Report(field, FieldErrorType.NotFound, value, string.Empty);

    /// <summary>
    /// Reports a field error. <paramref name="at"/> overrides where the finding points (e.g. a map key that a
    /// message about the map names). Identical messages of one object are reported once, as <c>ToAggregate</c>
    /// does, and nothing is reported where schema validation already reported a problem at the same node.
    /// </summary>
    public void Report(Field field, FieldErrorType type, GoValue value, string detail, YamlNode? at = null, RuleDescriptor? rule = null)
    {
        Errors++;
        var body = type.Text();
        if (!type.OmitsValue() && value.Rendered is { } rendered)
        {
            body += ": " + rendered;
        }

        if (detail.Length > 0)
        {
            body += ": " + detail;
        }

        if (UnderScalar(field))
        {
            // The field is missing because its parent is a scalar where an object belongs: a type error that
            // schema validation reports; the server's decoder stops there too.
            return;
        }

        var path = field.ToString();
        Emit(path.Length == 0 ? body : path + ": " + body, at ?? field.Anchor, rule ?? RuleFor(type));
    }

    /// <summary>
    /// Reports an error the server returns as a status message rather than a field error (an allocator's
    /// "Internal error occurred: ..."), worded as given, at the field's node.
    /// </summary>
    public void ReportMessage(Field field, string message, RuleDescriptor rule)
    {
        if (!UnderScalar(field))
        {
            Emit(message, field.Anchor, rule);
        }
    }

    private void Emit(string message, YamlNode node, RuleDescriptor rule)
    {
        if (!_messages.Add(message) || _schemaReported.Contains(node.Start))
        {
            return;
        }

        _analysis.Report(rule, Object, node, MessagePrefix + message);
    }

    private static bool UnderScalar(Field field)
    {
        if (field.IsSet)
        {
            return false;
        }

        for (var current = field.Parent; current is not null; current = current.Parent)
        {
            if (current.Node is { } node)
            {
                return node is YamlScalar;
            }
        }

        return false;
    }

    /// <summary>The rule a field error is reported under: by the kind of error, as the API server classifies it.</summary>
    public static RuleDescriptor RuleFor(FieldErrorType type) => type switch
    {
        FieldErrorType.Required => SchemaRules.RequiredFieldMissing,
        FieldErrorType.NotSupported => SchemaRules.InvalidEnumValue,
        FieldErrorType.Duplicate => SchemaRules.DuplicateListKey,
        FieldErrorType.TooLong or FieldErrorType.TooMany => SchemaRules.ValueOutOfBounds,
        _ => SchemaRules.InvalidValue,
    };
}
