namespace KubeLint.Analyzer.Re2;

/// <summary>
/// A pattern Go's regexp/syntax rejects, with its words: Error() of syntax.Error in regexp/syntax/parse.go
/// ("error parsing regexp: missing closing ]: `[`").
/// </summary>
public sealed class Re2Error
{
    public const string InvalidCharClass = "invalid character class";
    public const string InvalidCharRange = "invalid character class range";
    public const string InvalidEscape = "invalid escape sequence";
    public const string InvalidNamedCapture = "invalid named capture";
    public const string InvalidPerlOp = "invalid or unsupported Perl syntax";
    public const string InvalidRepeatOp = "invalid nested repetition operator";
    public const string InvalidRepeatSize = "invalid repeat count";
    public const string InvalidUtf8 = "invalid UTF-8";
    public const string MissingBracket = "missing closing ]";
    public const string MissingParen = "missing closing )";
    public const string MissingRepeatArgument = "missing argument to repetition operator";
    public const string TrailingBackslash = "trailing backslash at end of expression";
    public const string UnexpectedParen = "unexpected )";
    public const string NestingDepth = "expression nests too deeply";
    public const string Large = "expression too large";

    public Re2Error(string code, string expression)
    {
        Code = code;
        Expression = expression;
    }

    public string Code { get; }

    /// <summary>The part of the pattern the error is about.</summary>
    public string Expression { get; }

    public override string ToString() => "error parsing regexp: " + Code + ": `" + Expression + "`";
}

/// <summary>Thrown inside the parser only; <see cref="Re2Regex.TryCompile"/> turns it into a result.</summary>
internal sealed class Re2ParseException(Re2Error error) : Exception(error.ToString())
{
    public Re2Error Error { get; } = error;
}
