#if NET
using Cel;
using KubeLint.Analyzer.Model;

namespace KubeLint.Analyzer.Cel;

/// <summary>Kubernetes' quantity library (apiserver pkg/cel/library/quantity.go): quantity(), isQuantity and the Quantity methods.</summary>
internal static class CelQuantityLibrary
{
    public static void Register(CelEnvironment environment)
    {
        Type[] one = [typeof(CelQuantity)];
        Type[] two = [typeof(CelQuantity), typeof(CelQuantity)];
        environment.RegisterFunction("quantity", [typeof(string)], a => new CelQuantity(ToDecimal(Quantity.Parse((string)a[0]!).Value)));
        environment.RegisterFunction("isQuantity", [typeof(string)], a => Quantity.TryParse((string)a[0]!, out _, out _));
        environment.RegisterFunction("isGreaterThan", two, a => Q(a[0]).Value > Q(a[1]).Value);
        environment.RegisterFunction("isLessThan", two, a => Q(a[0]).Value < Q(a[1]).Value);
        environment.RegisterFunction("compareTo", two, a => (long)Q(a[0]).Value.CompareTo(Q(a[1]).Value));
        environment.RegisterFunction("add", two, a => new CelQuantity(Q(a[0]).Value + Q(a[1]).Value));
        environment.RegisterFunction("add", [typeof(CelQuantity), typeof(long)], a => new CelQuantity(Q(a[0]).Value + (long)a[1]!));
        environment.RegisterFunction("sub", two, a => new CelQuantity(Q(a[0]).Value - Q(a[1]).Value));
        environment.RegisterFunction("sub", [typeof(CelQuantity), typeof(long)], a => new CelQuantity(Q(a[0]).Value - (long)a[1]!));
        environment.RegisterFunction("sign", one, a => (long)Math.Sign(Q(a[0]).Value));
        environment.RegisterFunction("isInteger", one, a => Q(a[0]).Value == decimal.Truncate(Q(a[0]).Value) && Math.Abs(Q(a[0]).Value) <= long.MaxValue);
        environment.RegisterFunction("asInteger", one, a => AsInteger(Q(a[0]).Value));
        environment.RegisterFunction("asApproximateFloat", one, a => (double)Q(a[0]).Value);
    }

    private static CelQuantity Q(object? value) => (CelQuantity)value!;

    // CEL quantities are evaluated in decimal: past its range a value saturates, which keeps every comparison with a
    // realistic bound right; rules over such quantities are rare and the schema checks the exact value.
    private static decimal ToDecimal(DecimalNumber value) => value.ToDecimal(decimal.MaxValue);

    private static long AsInteger(decimal value)
        => value == decimal.Truncate(value) && Math.Abs(value) <= long.MaxValue
            ? (long)value
            : throw new InvalidOperationException("cannot convert value to integer");
}

/// <summary>A Kubernetes quantity as a CEL value (quantity.go's Quantity type); equal when the amounts are equal.</summary>
internal sealed record CelQuantity(decimal Value);
#endif
