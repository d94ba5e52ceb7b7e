using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Validation;

/// <summary>
/// Field errors gathered before they are reported, as apimachinery's <c>field.ErrorList</c>: for validations whose
/// upstream decides from the errors found so far what else to check or show (a CRD's structural-schema errors are
/// shown only when nothing else was found; its CEL rules are compiled only under a schema without errors).
/// </summary>
public sealed class FieldErrorList
{
    private readonly List<Entry> _errors = [];

    public int Count => _errors.Count;

    public void Required(Field field, string detail = "") => Add(field, FieldErrorType.Required, GoValue.Omit, detail);

    public void Invalid(Field field, GoValue value, string detail) => Add(field, FieldErrorType.Invalid, value, detail);

    public void Forbidden(Field field, string detail) => Add(field, FieldErrorType.Forbidden, GoValue.Omit, detail);

    public void Duplicate(Field field, GoValue value) => Add(field, FieldErrorType.Duplicate, value, string.Empty);

    public void TooMany(Field field, int actual, int max)
        => Add(field, FieldErrorType.TooMany, GoValue.Of(actual), $"must have at most {max.ToString(System.Globalization.CultureInfo.InvariantCulture)} items");

    /// <summary><c>field.NotSupported</c>, the supported values quoted as <see cref="ValidationContext.NotSupported"/> prints them.</summary>
    public void NotSupported(Field field, GoValue value, IEnumerable<string> supported)
    {
        var quoted = string.Join(", ", supported.Select(GoValue.Quote));
        Add(field, FieldErrorType.NotSupported, value, quoted.Length == 0 ? string.Empty : "supported values: " + quoted);
    }

    public void Add(Field field, FieldErrorType type, GoValue value, string detail, YamlNode? at = null, RuleDescriptor? rule = null)
        => _errors.Add(new Entry(field, type, value, detail, at, rule));

    /// <summary>Reports every error, in the order they were found.</summary>
    public void ReportTo(ValidationContext context)
    {
        foreach (var error in _errors)
        {
            context.Report(error.Field, error.Type, error.Value, error.Detail, error.At, error.Rule);
        }
    }

    private readonly record struct Entry(Field Field, FieldErrorType Type, GoValue Value, string Detail, YamlNode? At, RuleDescriptor? Rule);
}
