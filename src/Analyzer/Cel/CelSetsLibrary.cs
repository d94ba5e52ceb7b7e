#if NET
using Cel;

namespace KubeLint.Analyzer.Cel;

/// <summary>
/// cel-go's sets extension (ext/sets.go), on from 1.29: sets.contains, sets.equivalent and sets.intersects over lists,
/// elements compared with CEL's equality (so [1] and [1.0] are equivalent).
/// </summary>
internal static class CelSetsLibrary
{
    public static void Register(CelEnvironment environment)
    {
        var sets = CelNamespace.Sets;
        Type[] lists = [typeof(CelNamespace), typeof(object[]), typeof(object[])];
        environment.RegisterFunction("contains", lists, a => sets.Call(a[0], () => Contains((object?[])a[1]!, (object?[])a[2]!)));
        environment.RegisterFunction("equivalent", lists, a => sets.Call(a[0], () => Contains((object?[])a[1]!, (object?[])a[2]!) && Contains((object?[])a[2]!, (object?[])a[1]!)));
        environment.RegisterFunction("intersects", lists, a => sets.Call(a[0], () => ((object?[])a[1]!).Any(x => Has((object?[])a[2]!, x))));
    }

    /// <summary>setsContains: every element of the sublist is in the list.</summary>
    private static bool Contains(object?[] list, object?[] sublist) => sublist.All(x => Has(list, x));

    private static bool Has(object?[] list, object? value) => list.Any(x => CelEquality.AreEqual(x, value));
}
#endif
