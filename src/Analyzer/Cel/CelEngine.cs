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

    /// <summary>
    /// Two-variable comprehensions join the API server's CEL base environment at 1.32 (apiserver pkg/cel/environment
    /// base.go), and rules of new CRDs compile against the environment of the previous minor version
    /// (DefaultCompatibilityVersion), so a CRD can use them from 1.33.
    /// </summary>
    public const int TwoVariableComprehensionsFrom = 33;

#if NET
    private static readonly Lazy<CelEnvironment> Environment = new(CreateEnvironment, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly ConcurrentDictionary<string, Compiled> Programs = new(StringComparer.Ordinal);

    // Objects are validated in parallel. The package's compiler is one visitor shared by every compilation, and is
    // not documented as thread-safe, so compilations (and the parses the rewriting reads) take turns; the compiled
    // programs are closures over immutable state and run concurrently.
    private static readonly object CompileGate = new();

    /// <summary>
    /// Evaluates a rule with <c>self</c> bound to <paramref name="self"/> for Kubernetes 1.<paramref name="minor"/>
    /// (the newest when null); a boolean rule gives Passed or Failed.
    /// </summary>
    public static CelOutcome Evaluate(string rule, object? self, int? minor = null)
    {
        var compiled = Programs.GetOrAdd(rule, Compile);
        if (compiled.Program is not { } program)
        {
            return new CelOutcome(CelOutcomeKind.NotEvaluated, compiled.Error);
        }

        if (compiled.Authorizer)
        {
            // library.Authz (apiserver pkg/cel/library/authz.go) binds `authorizer` for admission policies and
            // authorization webhooks' match conditions, from the request's user; CRD rules are compiled without it.
            return new CelOutcome(CelOutcomeKind.NotEvaluated, "the authz library's authorizer is bound only where a request's user is known (admission policies), not in CRD rules");
        }

        if (compiled.TwoVariableComprehensions && minor < TwoVariableComprehensionsFrom)
        {
            return new CelOutcome(CelOutcomeKind.NotEvaluated, $"two-variable comprehensions are available to CRD rules from Kubernetes 1.{TwoVariableComprehensionsFrom.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
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
        catch (Exception exception) when (IsEvaluationError(exception))
        {
            return Failure(exception);
        }
    }

    /// <summary>Whether an exception is one a rule's evaluation raises (cel-go's error values), not a defect of this engine.</summary>
    public static bool IsEvaluationError(Exception exception)
        => exception is CelRuntimeError or CelException or InvalidCastException or ArgumentException or FormatException or OverflowException or InvalidOperationException or NullReferenceException or IndexOutOfRangeException or KeyNotFoundException or NotSupportedException;

    /// <summary>
    /// What an exception of the evaluation means. The package wraps an error inside || and &amp;&amp; (that neither side
    /// decided) as "Could not compare OR values."; cel-go gives the error itself, so the wrapped one is read.
    /// </summary>
    private static CelOutcome Failure(Exception exception)
    {
        while (exception is CelNoSuchOverloadException { InnerException: { } inner } && exception.Message.StartsWith("Could not compare ", StringComparison.Ordinal))
        {
            exception = inner;
        }

        return exception switch
        {
            CelRuntimeError error => new CelOutcome(CelOutcomeKind.RuntimeError, error.Message),

            // cel-go: selecting a field the object does not have is "no such key: <field>".
            CelNoSuchFieldException when Quoted(exception.Message) is { } field => new CelOutcome(CelOutcomeKind.RuntimeError, "no such key: " + field),
            CelDivideByZeroException => new CelOutcome(CelOutcomeKind.RuntimeError, "division by zero"),
            CelModulusByZeroException => new CelOutcome(CelOutcomeKind.RuntimeError, "modulus by zero"),
            _ => new CelOutcome(CelOutcomeKind.NotEvaluated, exception.Message),
        };
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
        catch (Exception exception) when (IsEvaluationError(exception))
        {
            return null;
        }
    }

    /// <summary>Whether the engine compiles a rule, and why not (for the corpus figures of bench/KubeLint.Benchmarks).</summary>
    public static string? CompileError(string rule) => Programs.GetOrAdd(rule, Compile).Program is null ? Programs[rule].Error : null;

    private static Dictionary<string, object?> Variables(object? self)
    {
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal) { ["self"] = self };
        foreach (var space in CelNamespace.All)
        {
            variables[space.Name] = space;
        }

        return variables;
    }

    /// <summary>Parses the rule, rewrites it for the package (<see cref="CelSourceRewriter"/>) and compiles the result.</summary>
    private static Compiled Compile(string rule)
    {
        try
        {
            lock (CompileGate)
            {
                var environment = Environment.Value;
                var (source, twoVariables, authorizer) = CelSourceRewriter.Rewrite(environment.Parse(rule));
                return new Compiled(environment.Compile(source), string.Empty, twoVariables, authorizer);
            }
        }
        catch (Exception exception) when (exception is CelException or InvalidOperationException or ArgumentException or NotSupportedException or NullReferenceException)
        {
            return new Compiled(null, exception.Message, TwoVariableComprehensions: false, Authorizer: false);
        }
    }

    private static CelEnvironment CreateEnvironment()
    {
        var environment = new CelEnvironment([], string.Empty);
        KubernetesCelLibrary.Register(environment);
        CelRewriteLibrary.Register(environment);
        CelArithmeticLibrary.Register(environment);
        CelConversionLibrary.Register(environment);
        CelQuantifierMacros.Register(environment);
        return environment;
    }

    private static string? Quoted(string message)
    {
        var start = message.IndexOf('\'');
        var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
        return end > start + 1 ? message.Substring(start + 1, end - start - 1) : null;
    }

    private sealed record Compiled(CelProgramDelegate? Program, string Error, bool TwoVariableComprehensions, bool Authorizer);
#else
    public static CelOutcome Evaluate(string rule, object? self, int? minor = null) => new(CelOutcomeKind.NotEvaluated, UnavailableReason);

    public static string? EvaluateMessage(string expression, object? self) => null;

    public static string? CompileError(string rule) => UnavailableReason;
#endif
}
