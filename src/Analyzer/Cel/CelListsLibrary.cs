#if NET
using Cel;

namespace KubeLint.Analyzer.Cel;

/// <summary>Kubernetes' list functions (apiserver pkg/cel/library/lists.go): isSorted, sum, min, max, indexOf, lastIndexOf.</summary>
internal static class CelListsLibrary
{
    public static void Register(CelEnvironment environment)
    {
        Type[] list = [typeof(object[])];
        environment.RegisterFunction("isSorted", list, a => IsSorted((object?[])a[0]!));
        environment.RegisterFunction("sum", list, a => Sum((object?[])a[0]!));
        environment.RegisterFunction("min", list, a => Extreme((object?[])a[0]!, -1));
        environment.RegisterFunction("max", list, a => Extreme((object?[])a[0]!, 1));
        environment.RegisterFunction("indexOf", [typeof(object[]), typeof(object)], a => (long)Array.FindIndex((object?[])a[0]!, x => CelEquality.AreEqual(x, a[1])));
        environment.RegisterFunction("lastIndexOf", [typeof(object[]), typeof(object)], a => (long)Array.FindLastIndex((object?[])a[0]!, x => CelEquality.AreEqual(x, a[1])));
    }
    private static bool IsSorted(object?[] items)
    {
        for (var i = 1; i < items.Length; i++)
        {
            if (Compare(items[i - 1], items[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }

    private static object Sum(object?[] items)
    {
        if (items.All(i => i is long))
        {
            return items.Aggregate(0L, (total, i) => checked(total + (long)i!));
        }

        if (items.All(i => i is double))
        {
            return items.Aggregate(0.0, (total, i) => total + (double)i!);
        }

        throw new InvalidCastException("sum needs a list of one numeric type");
    }

    private static object Extreme(object?[] items, int sign)
    {
        if (items.Length == 0)
        {
            throw new ArgumentException(sign < 0 ? "min called on empty list" : "max called on empty list");
        }

        var best = items[0];
        foreach (var item in items)
        {
            if (Compare(item, best) * sign > 0)
            {
                best = item;
            }
        }

        return best!;
    }

    private static int Compare(object? left, object? right) => (left, right) switch
    {
        (long a, long b) => a.CompareTo(b),
        (double a, double b) => a.CompareTo(b),
        (string a, string b) => string.CompareOrdinal(a, b),
        (bool a, bool b) => a.CompareTo(b),
        _ => throw new InvalidCastException("the list's elements are not comparable"),
    };
}
#endif
