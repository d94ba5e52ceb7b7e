namespace KubeLint.Analyzer.Validation;

/// <summary>
/// The kinds of field error the API server reports, as apimachinery defines them
/// (staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go, <c>ErrorType</c>).
/// </summary>
public enum FieldErrorType
{
    NotFound,
    Required,
    Duplicate,
    Invalid,
    NotSupported,
    Forbidden,
    TooLong,
    TooMany,
    Internal,
    TypeInvalid,
}

/// <summary>Texts of <see cref="FieldErrorType"/> as <c>ErrorType.String()</c> prints them.</summary>
public static class FieldErrorTypes
{
    public static string Text(this FieldErrorType type) => type switch
    {
        FieldErrorType.NotFound => "Not found",
        FieldErrorType.Required => "Required value",
        FieldErrorType.Duplicate => "Duplicate value",
        FieldErrorType.Invalid => "Invalid value",
        FieldErrorType.NotSupported => "Unsupported value",
        FieldErrorType.Forbidden => "Forbidden",
        FieldErrorType.TooLong => "Too long",
        FieldErrorType.TooMany => "Too many",
        FieldErrorType.Internal => "Internal error",
        _ => "Invalid value",
    };

    /// <summary>
    /// Whether the error's text leaves out the bad value: <c>ErrorBody</c> prints only the type for these, whatever
    /// value the validation passed.
    /// </summary>
    public static bool OmitsValue(this FieldErrorType type)
        => type is FieldErrorType.Required or FieldErrorType.Forbidden or FieldErrorType.TooLong or FieldErrorType.Internal;
}
