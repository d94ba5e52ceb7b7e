#if NET
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Cel;
using Cel.Internal;

namespace KubeLint.Analyzer.Cel;

/// <summary>
/// The macros <c>all</c>, <c>exists</c> and <c>exists_one</c> as cel-go expands and evaluates them, in place of the
/// package's (which give null when an element fails, and fail at once on a missing field even where a later element
/// decides the result). cel-go's parser (parser/macro.go, makeQuantifier) expands them into comprehensions:
/// <list type="bullet">
/// <item><c>all</c>: accu = true, loop while @not_strictly_false(accu), step accu &amp;&amp; p;</item>
/// <item><c>exists</c>: accu = false, loop while @not_strictly_false(!accu), step accu || p;</item>
/// <item><c>exists_one</c>: accu = 0, always loop, step p ? accu + 1 : accu, result accu == 1.</item>
/// </list>
/// The interpreter (interpreter/interpretable.go: evalFold, evalAnd, evalOr, and attributes.go's
/// conditionalAttribute) keeps errors as values: &amp;&amp; gives false if any side is false and otherwise the
/// first error, || gives true if any side is true and otherwise the first error, and a condition that is an error
/// is the conditional's result. So <c>all</c> is false at the first false element (elements after it are not
/// evaluated, errors before it are masked), else the first error, else true; <c>exists</c> is the same with true;
/// <c>exists_one</c> evaluates every element and gives the last error if any element fails (an error accumulator
/// stays the error through <c>accu + 1</c>, and a later failing condition replaces it). A predicate that gives no
/// bool is "no such overload" (types.MaybeNoSuchOverloadErr).
/// </summary>
internal static class CelQuantifierMacros
{
    public static void Register(CelEnvironment environment)
    {
        var macros = Macros(environment);
        macros["all"] = All;
        macros["exists"] = Exists;
        macros["exists_one"] = ExistsOne;
    }

    private static object? All(object? range, string variable, CelExpressionDelegate predicate, TryGetVariableDelegate variables, TryGetFunctionWithArgValuesDelegate functions)
    {
        Exception? error = null;
        foreach (var element in CelRewriteLibrary.RangeOf(range))
        {
            var (value, failure) = Evaluate(predicate, variables, variable, element);
            if (failure is null && !value)
            {
                return false;
            }

            error ??= failure;
        }

        return error is null ? true : throw error;
    }

    private static object? Exists(object? range, string variable, CelExpressionDelegate predicate, TryGetVariableDelegate variables, TryGetFunctionWithArgValuesDelegate functions)
    {
        Exception? error = null;
        foreach (var element in CelRewriteLibrary.RangeOf(range))
        {
            var (value, failure) = Evaluate(predicate, variables, variable, element);
            if (failure is null && value)
            {
                return true;
            }

            error ??= failure;
        }

        return error is null ? false : throw error;
    }

    private static object? ExistsOne(object? range, string variable, CelExpressionDelegate predicate, TryGetVariableDelegate variables, TryGetFunctionWithArgValuesDelegate functions)
    {
        Exception? error = null;
        var matches = 0;
        foreach (var element in CelRewriteLibrary.RangeOf(range))
        {
            var (value, failure) = Evaluate(predicate, variables, variable, element);
            error = failure ?? error;
            matches += value && failure is null ? 1 : 0;
        }

        return error is null ? matches == 1 : throw error;
    }

    /// <summary>The predicate for one element: its bool, or the error cel-go would hold as the step's value.</summary>
    private static (bool Value, Exception? Error) Evaluate(CelExpressionDelegate predicate, TryGetVariableDelegate variables, string variable, object? element)
    {
        TryGetVariableDelegate scope = (string name, out object? value) =>
        {
            if (string.Equals(name, variable, StringComparison.Ordinal))
            {
                value = element;
                return true;
            }

            return variables(name, out value);
        };

        try
        {
            var result = predicate(scope);
            CelRewriteLibrary.ThrowIfMissing(result);
            return result is bool condition ? (condition, null) : (false, new CelRuntimeError("no such overload"));
        }
        catch (Exception exception) when (CelEngine.IsEvaluationError(exception))
        {
            return (false, exception);
        }
    }

    /// <summary>
    /// The package's table of macros, which it offers no way to extend: the environment's visitor holds it in a
    /// private property. The dependencies keep both properties in a trimmed (native) build.
    /// </summary>
    [DynamicDependency(DynamicallyAccessedMemberTypes.NonPublicProperties, typeof(CelEnvironment))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.NonPublicProperties, "Cel.Internal.CelVisitor", "Cel")]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "The visitor's properties are kept by the DynamicDependency above.")]
    private static Dictionary<string, CelMacroDelegate> Macros(CelEnvironment environment)
    {
        const BindingFlags Private = BindingFlags.Instance | BindingFlags.NonPublic;
        var visitor = typeof(CelEnvironment).GetProperty("CelVisitor", Private)?.GetValue(environment);
        return visitor?.GetType().GetProperty("InternalMacros", Private)?.GetValue(visitor) as Dictionary<string, CelMacroDelegate>
            ?? throw new InvalidOperationException("The Cel package no longer holds its macros where this version expects them.");
    }
}
#endif
