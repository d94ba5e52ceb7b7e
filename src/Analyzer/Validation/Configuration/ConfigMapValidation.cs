using System.Text;

namespace KubeLint.Analyzer.Validation.Configuration;

/// <summary>
/// <c>ValidateConfigMap</c> (pkg/apis/core/validation/validation.go): keys of <c>data</c> and <c>binaryData</c>, a
/// key in both, and at most 1 MiB (<c>core.MaxSecretSize</c>) of values together. <c>immutable</c> matters only on
/// update. binaryData values are base64, which schema validation checks; their size is the decoded size.
/// </summary>
public sealed class ConfigMapValidation : ObjectValidation
{
    /// <summary><c>core.MaxSecretSize</c>, the limit of a ConfigMap's and a Secret's values.</summary>
    public const int MaxSize = 1024 * 1024;

    public override string Area => ValidationAreas.Configuration;

    public override IReadOnlyList<(string Group, string Kind)> Kinds { get; } = [("", "ConfigMap")];

    public override bool ReportsRequiredAndSupportedValues => true;

    public override void Validate(ValidationContext context)
    {
        var data = context.Root.Child("data");
        var binaryData = context.Root.Child("binaryData");
        var binaryKeys = new HashSet<string>(binaryData.Entries().Select(e => e.Key), StringComparer.Ordinal);
        long size = 0;
        foreach (var (key, value) in data.Entries())
        {
            ConfigurationKeys.Validate(context, data.Key(key), key, value);
            if (binaryKeys.Contains(key))
            {
                context.Report(data.Key(key), FieldErrorType.Invalid, key, "duplicate of key present in binaryData", at: value.KeyNode);
            }

            size += Encoding.UTF8.GetByteCount(value.String ?? string.Empty);
        }

        foreach (var (key, value) in binaryData.Entries())
        {
            ConfigurationKeys.Validate(context, binaryData.Key(key), key, value);
            size += ConfigurationKeys.DecodedLength(value.String);
        }

        if (size > MaxSize)
        {
            // Upstream names the whole object with an empty path, which prints as "[]".
            var at = data.IsSet ? data : binaryData;
            context.Report(context.Root.Key(string.Empty), FieldErrorType.TooLong, GoValue.Omit, $"may not be more than {MaxSize} bytes", at: at.KeyNode ?? at.Anchor);
        }
    }
}
