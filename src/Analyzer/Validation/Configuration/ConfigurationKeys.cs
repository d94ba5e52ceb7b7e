namespace KubeLint.Analyzer.Validation.Configuration;

/// <summary>What ConfigMap and Secret validation share: the key check and the size of a base64 value.</summary>
internal static class ConfigurationKeys
{
    /// <summary><c>validation.IsConfigMapKey</c> of a data key, reported at the key.</summary>
    public static void Validate(ValidationContext context, Field path, string key, Field entry)
    {
        foreach (var problem in Syntax.IsConfigMapKey(key))
        {
            context.Report(path, FieldErrorType.Invalid, key, problem, at: entry.KeyNode ?? entry.Anchor);
        }
    }

    /// <summary>
    /// The number of bytes a base64 value (standard alphabet, as encoding/json decodes <c>[]byte</c>) decodes to; Go's
    /// decoder skips line breaks. A value that is not valid base64 is rejected when decoded, which schema validation reports.
    /// </summary>
    public static long DecodedLength(string? value)
    {
        if (value is null)
        {
            return 0;
        }

        long symbols = 0;
        foreach (var c in value)
        {
            if (c is not ('\r' or '\n' or '='))
            {
                symbols++;
            }
        }

        return symbols * 6 / 8;
    }
}
