#if NET
using System.Collections.Concurrent;
using Cel;
#endif

namespace KubeLint.Analyzer.Cel;

/// <summary>
/// Evaluates x-kubernetes-validations rules with the Cel package (a C# implementation of the CEL specification) plus
/// the functions Kubernetes adds to cel-go (<see cref="KubernetesCelLibrary"/>). A rule the package cannot compile, or
/// that calls what neither provides, is not evaluated rather than guessed: a CRD the server accepted never makes
/// its objects fail here for a gap of this engine. The package is used on .NET only: the netstandard2.0 build runs
/// inside the compiler (the Roslyn analyzer), whose host cannot take the package's dependencies (Antlr, Protobuf and
/// its own System.Collections.Immutable), so there rules are reported as not evaluated.
/// </summary>
internal static class CelEngine
{
    /// <summary>Whether this build evaluates CEL rules at all.</summary>
#if NET
    public const bool IsAvailable = true;
#else
    public const bool IsAvailable = false;
#endif

    public const string UnavailableReason = "CEL rules are not evaluated by the netstandard2.0 build of the engine (the compiler-hosted analyzer); run the kubelint command to evaluate them";

#if NET
    private static readonly Lazy<CelEnvironment> Environment = new(CreateEnvironment, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly ConcurrentDictionary<string, Compiled> Programs = new(StringComparer.Ordinal);

    /// <summary>Evaluates a rule with <c>self</c> bound to <paramref name="self"/>; a boolean rule gives Passed or Failed.</summary>
    public static CelOutcome Evaluate(string rule, object? self)
    {
        var compiled = Programs.GetOrAdd(rule, Compile);
        if (compiled.Program is not { } program)
        {
            return new CelOutcome(CelOutcomeKind.NotEvaluated, compiled.Error);
        }

        try
        {
            return program.Invoke(Variables(self)) switch
            {
                true => CelOutcome.Passed,
                false => new CelOutcome(CelOutcomeKind.Failed, string.Empty),
                var other => new CelOutcome(CelOutcomeKind.NotEvaluated, $"the rule gave {other?.GetType().Name ?? "null"}, not a boolean"),
            };
        }
        catch (CelNoSuchFieldException exception)
        {
            // cel-go: selecting a field the object does not have is "no such key: <field>".
            return Quoted(exception.Message) is { } field
                ? new CelOutcome(CelOutcomeKind.RuntimeError, "no such key: " + field)
                : new CelOutcome(CelOutcomeKind.NotEvaluated, exception.Message);
        }
        catch (CelDivideByZeroException)
        {
            return new CelOutcome(CelOutcomeKind.RuntimeError, "division by zero");
        }
        catch (CelModulusByZeroException)
        {
            return new CelOutcome(CelOutcomeKind.RuntimeError, "modulus by zero");
        }
        catch (Exception exception) when (exception is CelException or InvalidCastException or ArgumentException or FormatException or OverflowException or InvalidOperationException or NullReferenceException or IndexOutOfRangeException or KeyNotFoundException)
        {
            return new CelOutcome(CelOutcomeKind.NotEvaluated, exception.Message);
        }
    }

    /// <summary>A messageExpression's string, trimmed, or null when it does not give one the server would use.</summary>
    public static string? EvaluateMessage(string expression, object? self)
    {
        var compiled = Programs.GetOrAdd(expression, Compile);
        if (compiled.Program is not { } program)
        {
            return null;
        }

        try
        {
            // evalMessageExpression: a non-empty string on one line, else the rule's message is used.
            return program.Invoke(Variables(self)) is string text && text.Trim() is { Length: > 0 } trimmed && trimmed.IndexOf('\n') < 0 ? trimmed : null;
        }
        catch (Exception exception) when (exception is CelException or InvalidCastException or ArgumentException or FormatException or OverflowException or InvalidOperationException or NullReferenceException or IndexOutOfRangeException or KeyNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Whether the engine compiles a rule, and why not.</summary>
    public static string? CompileError(string rule) => Programs.GetOrAdd(rule, Compile).Program is null ? Programs[rule].Error : null;

    private static Dictionary<string, object?> Variables(object? self) => new(StringComparer.Ordinal) { ["self"] = self };

    private static Compiled Compile(string rule)
    {
        try
        {
            return new Compiled(Environment.Value.Compile(rule), string.Empty);
        }
        catch (Exception exception) when (exception is CelException or InvalidOperationException or ArgumentException or NotSupportedException or NullReferenceException)
        {
            return new Compiled(null, exception.Message);
        }
    }

    private static CelEnvironment CreateEnvironment()
    {
        var environment = new CelEnvironment([], string.Empty);
        KubernetesCelLibrary.Register(environment);
        return environment;
    }

    private static string? Quoted(string message)
    {
        var start = message.IndexOf('\'');
        var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
        return end > start + 1 ? message.Substring(start + 1, end - start - 1) : null;
    }

    private sealed record Compiled(CelProgramDelegate? Program, string Error);
#else
    public static CelOutcome Evaluate(string rule, object? self) => new(CelOutcomeKind.NotEvaluated, UnavailableReason);

    public static string? EvaluateMessage(string expression, object? self) => null;

    public static string? CompileError(string rule) => UnavailableReason;
#endif
}
