using System.Text;

namespace KubeLint.Analyzer.Validation.Configuration;

/// <summary>
/// <c>ValidateSecret</c> (pkg/apis/core/validation/validation.go) after <c>SetDefaults_Secret</c> (type Opaque) and
/// the v1 conversion, which merges <c>stringData</c> into <c>data</c> (a stringData key wins): data keys, at most
/// 1 MiB of values, and the keys each well-known type requires, with <c>.dockercfg</c> and <c>.dockerconfigjson</c>
/// decoded as JSON objects. Findings about a key point at it where it is written (in data or stringData).
/// </summary>
public sealed class SecretValidation : ObjectValidation
{
    private const string ServiceAccountNameAnnotation = "kubernetes.io/service-account.name";
    private const string RedactedContents = "<secret contents redacted>";

    public override string Area => ValidationAreas.Configuration;

    public override IReadOnlyList<(string Group, string Kind)> Kinds { get; } = [("", "Secret")];

    public override bool ReportsRequiredAndSupportedValues => true;

    public override void Default(ObjectView view) => view.DefaultEmpty(view.Root, "type", "Opaque");

    public override void Validate(ValidationContext context)
    {
        var dataPath = context.Root.Child("data");
        var values = MergedData(context.Root);
        long size = 0;
        foreach (var pair in values)
        {
            ConfigurationKeys.Validate(context, dataPath.Key(pair.Key), pair.Key, pair.Value.Entry);
            size += pair.Value.Length;
        }

        // Findings about the data as a whole point at data, or at stringData when only that is written.
        var written = dataPath.IsSet ? dataPath : context.Root.Child("stringData");
        var anchor = written.KeyNode ?? written.Anchor;
        if (size > ConfigMapValidation.MaxSize)
        {
            context.Report(dataPath, FieldErrorType.TooLong, GoValue.Omit, $"may not be more than {ConfigMapValidation.MaxSize} bytes", at: anchor);
        }

        switch (context.Root.Child("type").String)
        {
            case "kubernetes.io/service-account-token":
                // Only the annotation is required: the token controller adds the rest.
                var annotation = context.Root.Child("metadata").Child("annotations").Key(ServiceAccountNameAnnotation);
                if (annotation.String is not { Length: > 0 })
                {
                    context.Required(annotation);
                }

                break;
            case "kubernetes.io/dockercfg":
                RequireJson(context, dataPath, values, ".dockercfg", anchor);
                break;
            case "kubernetes.io/dockerconfigjson":
                RequireJson(context, dataPath, values, ".dockerconfigjson", anchor);
                break;
            case "kubernetes.io/basic-auth":
                // Either may be empty, but one of them must be present.
                if (!values.ContainsKey("username") && !values.ContainsKey("password"))
                {
                    Required(context, dataPath.Key("username"), anchor);
                    Required(context, dataPath.Key("password"), anchor);
                }

                break;
            case "kubernetes.io/ssh-auth":
                if (!values.TryGetValue("ssh-privatekey", out var privateKey) || privateKey.Length == 0)
                {
                    Required(context, dataPath.Key("ssh-privatekey"), anchor);
                }

                break;
            case "kubernetes.io/tls":
                foreach (var key in new[] { "tls.crt", "tls.key" })
                {
                    if (!values.ContainsKey(key))
                    {
                        Required(context, dataPath.Key(key), anchor);
                    }
                }

                break;
            default:
                break;
        }
    }

    private static void Required(ValidationContext context, Field field, Yaml.YamlNode anchor)
        => context.Report(field, FieldErrorType.Required, GoValue.Omit, string.Empty, at: anchor);

    private static void RequireJson(ValidationContext context, Field dataPath, Dictionary<string, DataValue> values, string key, Yaml.YamlNode anchor)
    {
        if (!values.TryGetValue(key, out var value))
        {
            Required(context, dataPath.Key(key), anchor);
            return;
        }

        if (GoJsonSyntax.ObjectError(value.Bytes()) is { } error)
        {
            context.Report(dataPath.Key(key), FieldErrorType.Invalid, RedactedContents, error, at: value.Entry.Anchor);
        }
    }

    /// <summary>The internal Secret's data: data decoded from base64, then stringData's keys over it.</summary>
    private static Dictionary<string, DataValue> MergedData(Field root)
    {
        var merged = new Dictionary<string, DataValue>(StringComparer.Ordinal);
        foreach (var (key, value) in root.Child("data").Entries())
        {
            merged[key] = new DataValue(value, Base64: true);
        }

        foreach (var (key, value) in root.Child("stringData").Entries())
        {
            merged[key] = new DataValue(value, Base64: false);
        }

        return merged;
    }

    private readonly record struct DataValue(Field Entry, bool Base64)
    {
        public long Length => Base64 ? ConfigurationKeys.DecodedLength(Entry.String) : Encoding.UTF8.GetByteCount(Entry.String ?? string.Empty);

        public byte[] Bytes()
        {
            var text = Entry.String ?? string.Empty;
            if (!Base64)
            {
                return Encoding.UTF8.GetBytes(text);
            }

            try
            {
                return Convert.FromBase64String(text.Replace("\r", string.Empty).Replace("\n", string.Empty));
            }
            catch (FormatException)
            {
                // Not base64: the decoder rejects the object before validation, as schema validation reports.
                return [];
            }
        }
    }
}
