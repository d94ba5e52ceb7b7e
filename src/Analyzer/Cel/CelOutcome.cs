namespace KubeLint.Analyzer.Cel;

/// <summary>What evaluating one rule gave.</summary>
internal enum CelOutcomeKind
{
    /// <summary>The rule returned true.</summary>
    Passed,

    /// <summary>The rule returned false: the server reports the rule's message.</summary>
    Failed,

    /// <summary>The rule failed at run time as it would in cel-go ("no such key: x"): the server reports "... evaluating rule: ...".</summary>
    RuntimeError,

    /// <summary>The rule uses what this engine cannot evaluate exactly as the server does: nothing is reported about the object.</summary>
    NotEvaluated,
}

internal readonly record struct CelOutcome(CelOutcomeKind Kind, string Detail)
{
    public static CelOutcome Passed { get; } = new(CelOutcomeKind.Passed, string.Empty);
}
