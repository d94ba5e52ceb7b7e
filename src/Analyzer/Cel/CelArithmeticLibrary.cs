#if NET
using Cel;
using Cel.Internal;

namespace KubeLint.Analyzer.Cel;

/// <summary>
/// The arithmetic operators as cel-go evaluates them, which <see cref="CelSourceRewriter"/> writes <c>+ - * / %</c>
/// and unary <c>-</c> into. The package computes them (and detects overflow with checked arithmetic, MinInt64 / -1
/// and MinInt64 % -1 included) but reports overflow in its own words; cel-go returns an error value
/// (common/types/int.go and uint.go: Add, Subtract, Multiply, Divide, Modulo, Negate through overflow.go's
/// addInt64Checked, ... moduloInt64Checked, addUint64Checked, subtractUint64Checked, multiplyUint64Checked) whose
/// text is err.go's errIntOverflow ("integer overflow") or errUintOverflow ("unsigned integer overflow").
/// </summary>
internal static class CelArithmeticLibrary
{
    public const string Add = "__kl_add";
    public const string Subtract = "__kl_subtract";
    public const string Multiply = "__kl_multiply";
    public const string Divide = "__kl_divide";
    public const string Modulus = "__kl_modulus";
    public const string Negate = "__kl_negate";

    internal const string IntOverflow = "integer overflow";
    internal const string UintOverflow = "unsigned integer overflow";

    /// <summary>The rewritten function of a binary operator of the grammar's calc rule.</summary>
    public static string? Function(string op) => op switch
    {
        "+" => Add,
        "-" => Subtract,
        "*" => Multiply,
        "/" => Divide,
        "%" => Modulus,
        _ => null,
    };

    public static void Register(CelEnvironment environment)
    {
        Type[] two = [typeof(object), typeof(object)];
        environment.RegisterFunction(Add, two, a => Binary(a, ArithmeticFunctions.Add));
        environment.RegisterFunction(Subtract, two, a => Binary(a, ArithmeticFunctions.Subtract));
        environment.RegisterFunction(Multiply, two, a => Binary(a, ArithmeticFunctions.Multiply));
        environment.RegisterFunction(Divide, two, a => Binary(a, ArithmeticFunctions.Divide));
        environment.RegisterFunction(Modulus, two, a => Binary(a, ArithmeticFunctions.Modulus));
        environment.RegisterFunction(Negate, [typeof(object)], a => Unary(a[0]));
    }

    private static object? Binary(object?[] arguments, Func<object?, object?, object?> operation)
    {
        var (left, right) = (arguments[0], arguments[1]);

        // The package's operators fail on a missing field's marker; as arguments they receive it.
        CelRewriteLibrary.ThrowIfMissing(left);
        CelRewriteLibrary.ThrowIfMissing(right);
        try
        {
            return operation(left, right);
        }
        catch (CelOverflowException) when (left is long && right is long)
        {
            throw new CelRuntimeError(IntOverflow);
        }
        catch (CelOverflowException) when (left is ulong && right is ulong)
        {
            throw new CelRuntimeError(UintOverflow);
        }
    }

    private static object? Unary(object? value)
    {
        CelRewriteLibrary.ThrowIfMissing(value);
        try
        {
            return ArithmeticFunctions.Negate(value);
        }
        catch (CelOverflowException) when (value is long)
        {
            // negateInt64Checked: -MinInt64 is past MaxInt64. cel-go has no negation of uint.
            throw new CelRuntimeError(IntOverflow);
        }
    }
}
#endif
