#if NET
using System.Collections;

namespace KubeLint.Analyzer.Cel;

/// <summary>
/// CEL's equality as cel-go's ref.Val Equal gives it, which lists' indexOf and the sets functions use: numbers compare
/// by value across int, uint and double (1 == 1.0), lists element by element, maps by their keys and values, and the
/// Kubernetes types (quantity, IP, CIDR, URL) by what they hold.
/// </summary>
internal static class CelEquality
{
    public static bool AreEqual(object? left, object? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        return (left, right) switch
        {
            (long x, long y) => x == y,
            (ulong x, ulong y) => x == y,
            (long x, ulong y) => x >= 0 && (ulong)x == y,
            (ulong x, long y) => y >= 0 && x == (ulong)y,
            (double x, double y) => x == y,

            // cel-go compareIntDouble and compareUintDouble: the integer as a double.
            (long or ulong, double y) => Convert.ToDouble(left, System.Globalization.CultureInfo.InvariantCulture) == y,
            (double x, long or ulong) => x == Convert.ToDouble(right, System.Globalization.CultureInfo.InvariantCulture),
            (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
            (bool x, bool y) => x == y,
            (CelQuantity x, CelQuantity y) => x.Value.Amount == y.Value.Amount,
            (IDictionary x, IDictionary y) => MapsEqual(x, y),
            (IList x, IList y) => ListsEqual(x, y),
            _ => left.GetType() == right.GetType() && left.Equals(right),
        };
    }

    /// <summary>
    /// Whether cel-go's Equal of the two fails: a quantity compared with an add or sub result on its right (quantity.go's
    /// Equal takes only a Quantity value, the result is a pointer to one) is "no such overload".
    /// </summary>
    public static bool FailsToCompare(object? left, object? right) => left is CelQuantity && right is CelQuantity { IsResult: true };

    /// <summary>cel-go's list and map Equal stop only at an element that is not equal: one that fails to compare counts as equal.</summary>
    private static bool ElementsEqual(object? left, object? right) => FailsToCompare(left, right) || AreEqual(left, right);

    private static bool ListsEqual(IList left, IList right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        for (var i = 0; i < left.Count; i++)
        {
            if (!ElementsEqual(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool MapsEqual(IDictionary left, IDictionary right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        foreach (DictionaryEntry entry in left)
        {
            if (!right.Contains(entry.Key) || !ElementsEqual(entry.Value, right[entry.Key]))
            {
                return false;
            }
        }

        return true;
    }
}
#endif
