#if NET
using System.Collections;
using Cel;

namespace KubeLint.Analyzer.Cel;

/// <summary>
/// CEL's optional values (cel-go cel/library.go optionalLib and common/types/optional.go), which the API server enables
/// from 1.28: optional.of, optional.ofNonZeroValue, optional.none, and hasValue, value, or, orValue. The optional
/// syntax (<c>a.?b</c>, <c>a[?k]</c>, <c>[?x]</c>, <c>{?k: v}</c>) is rewritten into calls (<see cref="CelSourceRewriter"/>).
/// </summary>
internal static class CelOptionalLibrary
{
    public static void Register(CelEnvironment environment)
    {
        var optional = CelNamespace.Optional;
        environment.RegisterFunction("of", [typeof(CelNamespace), typeof(object)], a => optional.Call(a[0], () => CelOptional.Of(a[1])));
        environment.RegisterFunction("ofNonZeroValue", [typeof(CelNamespace), typeof(object)], a => optional.Call(a[0], () => IsZero(a[1]) ? CelOptional.None : CelOptional.Of(a[1])));
        environment.RegisterFunction("none", [typeof(CelNamespace)], a => optional.Call(a[0], () => CelOptional.None));
        environment.RegisterFunction("hasValue", [typeof(CelOptional)], a => ((CelOptional)a[0]!).HasValue);
        environment.RegisterFunction("value", [typeof(CelOptional)], a => ((CelOptional)a[0]!).Value);
        environment.RegisterFunction("or", [typeof(CelOptional), typeof(CelOptional)], a => ((CelOptional)a[0]!).HasValue ? a[0] : a[1]);
        environment.RegisterFunction("orValue", [typeof(CelOptional), typeof(object)], a => ((CelOptional)a[0]!) is { HasValue: true } some ? some.Value : a[1]);
    }

    /// <summary>traits.Zeroer: null, false, 0, 0.0, "" and empty lists and maps are zero values.</summary>
    private static bool IsZero(object? value) => value switch
    {
        null => true,
        bool flag => !flag,
        long number => number == 0,
        ulong number => number == 0,
        double number => number == 0,
        string text => text.Length == 0,
        ICollection collection => collection.Count == 0,
        _ => false,
    };
}

/// <summary>A CEL optional: a value, or none.</summary>
internal sealed class CelOptional
{
    public static readonly CelOptional None = new(hasValue: false, null);

    private readonly object? _value;

    private CelOptional(bool hasValue, object? value)
    {
        HasValue = hasValue;
        _value = value;
    }

    public bool HasValue { get; }

    /// <summary>The value; none has no value, which is cel-go's "optional.none() dereference" error.</summary>
    public object? Value => HasValue ? _value : throw new CelRuntimeError("optional.none() dereference");

    public static CelOptional Of(object? value) => new(hasValue: true, value);

    public override bool Equals(object? obj)
        => obj is CelOptional other && HasValue == other.HasValue && CelEquality.AreEqual(_value, other._value);

    public override int GetHashCode() => HasValue ? 1 : 0;
}
#endif
