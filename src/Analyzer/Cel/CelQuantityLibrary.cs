#if NET
using Cel;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Validation;

namespace KubeLint.Analyzer.Cel;

/// <summary>
/// Kubernetes' quantity library (apiserver pkg/cel/library/quantity.go): quantity(), isQuantity and the Quantity
/// methods, on <see cref="DecodedQuantity"/>, which holds a quantity as apimachinery's resource.Quantity does (an
/// int64Amount or an exact inf.Dec), so sums, comparisons and conversions give the server's results for any size.
/// </summary>
internal static class CelQuantityLibrary
{
    public static void Register(CelEnvironment environment)
    {
        Type[] one = [typeof(CelQuantity)];
        Type[] two = [typeof(CelQuantity), typeof(CelQuantity)];
        environment.RegisterFunction("quantity", [typeof(string)], a => Parse((string)a[0]!));
        environment.RegisterFunction("isQuantity", [typeof(string)], a => Quantity.TryParse((string)a[0]!, out _, out _));
        environment.RegisterFunction("isGreaterThan", two, a => Compare(a) > 0);
        environment.RegisterFunction("isLessThan", two, a => Compare(a) < 0);
        environment.RegisterFunction("compareTo", two, a => (long)Compare(a));
        environment.RegisterFunction("add", two, a => new CelQuantity(Q(a[0]).Value.Add(Q(a[1]).Value), isResult: true));
        environment.RegisterFunction("add", [typeof(CelQuantity), typeof(long)], a => new CelQuantity(Q(a[0]).Value.Add(DecodedQuantity.FromInt64((long)a[1]!)), isResult: true));
        environment.RegisterFunction("sub", two, a => new CelQuantity(Q(a[0]).Value.Sub(Q(a[1]).Value), isResult: true));
        environment.RegisterFunction("sub", [typeof(CelQuantity), typeof(long)], a => new CelQuantity(Q(a[0]).Value.Sub(DecodedQuantity.FromInt64((long)a[1]!)), isResult: true));
        environment.RegisterFunction("sign", one, a => (long)Q(a[0]).Value.Amount.Sign);
        environment.RegisterFunction("isInteger", one, a => Q(a[0]).Value.TryGetInt64(out _));
        environment.RegisterFunction("asInteger", one, a => AsInteger(Q(a[0]).Value));
        environment.RegisterFunction("asApproximateFloat", one, a => Q(a[0]).Value.AsApproximateFloat64());
    }

    private static CelQuantity Q(object? value) => (CelQuantity)value!;

    /// <summary>stringToQuantity: resource.ParseQuantity of the string as it is (no trimming); its error is the rule's.</summary>
    private static CelQuantity Parse(string text)
    {
        if (!Quantity.TryParse(text, out _, out var error) || !DecodedQuantity.TryParse(text, out var quantity))
        {
            throw new CelRuntimeError(error);
        }

        return new CelQuantity(quantity, isResult: false);
    }

    /// <summary>Quantity.Cmp, exact for every pair.</summary>
    private static int Compare(object?[] arguments) => Math.Sign(Q(arguments[0]).Value.Amount.CompareTo(Q(arguments[1]).Value.Amount));

    /// <summary>quantityGetValue: AsInt64, which fails for an inf.Dec or a value past int64 even when it is whole.</summary>
    private static long AsInteger(DecodedQuantity quantity)
        => quantity.TryGetInt64(out var value) ? value : throw new CelRuntimeError("cannot convert value to integer");
}

/// <summary>
/// A Kubernetes quantity as a CEL value (apiserver pkg/cel/quantity.go's Quantity). <see cref="IsResult"/> marks the
/// result of add or sub, which quantity.go returns as a pointer (<c>&amp;apiservercel.Quantity{...}</c>): its Equal
/// accepts only a value on the right, so comparing a quantity with such a result on the right of <c>==</c> fails
/// with "no such overload" (<see cref="CelEquality"/>).
/// </summary>
internal sealed class CelQuantity(DecodedQuantity value, bool isResult)
{
    public DecodedQuantity Value { get; } = value;

    public bool IsResult { get; } = isResult;
}
#endif
