#if NET
using System.Collections;
using System.Globalization;
using Cel;
using Cel.Internal;
using Google.Protobuf.Reflection;

namespace KubeLint.Analyzer.Cel;

/// <summary>
/// The functions <see cref="CelSourceRewriter"/> writes rules into: cel-go's equality and membership, optional
/// selection, indexing and literals, the entries and map building behind two-variable comprehensions, and the steps of
/// the three-argument map macro.
/// Their names start with "__kl_", which no rule the server accepted can call.
/// </summary>
internal static class CelRewriteLibrary
{
    public const string Equal = "__kl_equal";
    public const string In = "__kl_in";
    public const string OptionalSelect = "__kl_optional_select";
    public const string OptionalIndex = "__kl_optional_index";
    public const string OptionalList = "__kl_optional_list";
    public const string OptionalMap = "__kl_optional_map";
    public const string Entries = "__kl_entries";
    public const string MapOf = "__kl_map_of";
    public const string MergeMaps = "__kl_merge_maps";
    public const string Range = "__kl_range";
    public const string Reverse = "__kl_reverse";
    public const string Condition = "__kl_condition";
    public const string Element = "__kl_element";
    public const string Kept = "__kl_kept";

    public static void Register(CelEnvironment environment)
    {
        Type[] two = [typeof(object), typeof(object)];
        environment.RegisterFunction(Equal, two, a => AreEqual(a[0], a[1]));
        environment.RegisterFunction(In, two, a => Contains(a[0], a[1]));
        environment.RegisterFunction(OptionalSelect, [typeof(object), typeof(string)], a => Select(a[0], (string)a[1]!));
        environment.RegisterFunction(OptionalIndex, two, a => Index(a[0], a[1]));
        environment.RegisterFunction(OptionalList, [typeof(object[])], a => Present((object?[])a[0]!));
        environment.RegisterFunction(OptionalMap, [typeof(object[])], a => PresentEntries((object?[])a[0]!));
        environment.RegisterFunction(Entries, [typeof(object)], a => EntriesOf(a[0]));
        environment.RegisterFunction(MapOf, [typeof(object[])], a => BuildMap(((object?[])a[0]!).Select(p => (IList)p!).Select(p => (p[0], p[1]))));
        environment.RegisterFunction(MergeMaps, [typeof(object[])], a => BuildMap(((object?[])a[0]!).SelectMany(m => Pairs(m))));
        environment.RegisterFunction(Range, [typeof(object)], a => RangeOf(a[0]));
        environment.RegisterFunction(Reverse, [typeof(object[])], a => ((object?[])a[0]!).Reverse().ToArray());
        environment.RegisterFunction(Condition, [typeof(object)], a => AsCondition(a[0]));
        environment.RegisterFunction(Element, [typeof(object)], a => AsElement(a[0]));
        environment.RegisterFunction(Kept, [typeof(object[]), typeof(object[])], a => KeptElements((object?[])a[0]!, (object?[])a[1]!));
    }

    /// <summary>
    /// <c>==</c>: the package's comparison where it has one (so rules it evaluated keep their results), and cel-go's
    /// <c>Equal</c> for the values it cannot compare, such as quantities (<c>quantity('1') == quantity('1000m')</c>),
    /// IPs, CIDRs (address and prefix length as written) and URLs.
    /// </summary>
    private static bool AreEqual(object? left, object? right)
    {
        ThrowIfMissing(left);
        ThrowIfMissing(right);
        if (CelEquality.FailsToCompare(left, right))
        {
            // types.Equal calls the left side's Equal, which gives MaybeNoSuchOverloadErr.
            throw new CelRuntimeError("no such overload");
        }

        try
        {
            return CompareFunctions.Compare(left, right, TypeRegistry.Empty) == 0;
        }
        catch (CelNoSuchOverloadException)
        {
            return CelEquality.AreEqual(left, right);
        }
    }

    /// <summary><c>in</c>: an element of a list, or a key of a map, by <see cref="AreEqual"/>.</summary>
    private static bool Contains(object? value, object? container)
    {
        ThrowIfMissing(value);
        ThrowIfMissing(container);
        return container switch
        {
            IDictionary map => TryMapKey(value, out var key) ? map.Contains(key) : MapEntries(map).Any(entry => AreEqual(value, entry.Key)),
            // baseList.Contains: an element that fails to compare is not the one sought.
            IList list => list.Cast<object?>().Any(item => !CelEquality.FailsToCompare(value, item) && AreEqual(value, item)),
            _ => throw new CelNoSuchOverloadException($"No overload exists for use of operator 'in' with type '{container?.GetType().FullName ?? "null"}'."),
        };
    }

    /// <summary><c>a.?b</c>: of(a.b) when a has field b, none when not (or when a is none).</summary>
    private static CelOptional Select(object? target, string field)
    {
        if (!TryUnwrap(target, out var value))
        {
            return CelOptional.None;
        }

        return value switch
        {
            IDictionary map => map.Contains(field) ? CelOptional.Of(map[field]) : CelOptional.None,
            _ => throw new CelNoSuchOverloadException($"No field selection on type '{value?.GetType().FullName ?? "null"}'."),
        };
    }

    /// <summary><c>a[?k]</c>: of(a[k]) when the list has index k or the map key k, none when not.</summary>
    private static CelOptional Index(object? target, object? key)
    {
        if (!TryUnwrap(target, out var value))
        {
            return CelOptional.None;
        }

        ThrowIfMissing(key);
        switch (value)
        {
            case IList list when key is long or ulong or double:
                var index = Convert.ToDouble(key, CultureInfo.InvariantCulture);
                return index >= 0 && index < list.Count && Math.Floor(index) == index ? CelOptional.Of(list[(int)index]) : CelOptional.None;
            case IDictionary map:
                return TryMapKey(key, out var text) && map.Contains(text) ? CelOptional.Of(map[text]) : CelOptional.None;
            default:
                throw new CelNoSuchOverloadException($"No overload exists for index on type '{value?.GetType().FullName ?? "null"}'.");
        }
    }

    /// <summary><c>[?x, y]</c>: the values of the present optionals, in order.</summary>
    private static object?[] Present(object?[] elements)
        => elements.Select(Optional).Where(o => o.HasValue).Select(o => o.Value).ToArray();

    /// <summary><c>{?k: v, ...}</c>: the entries whose optional value is present.</summary>
    private static Dictionary<string, object?> PresentEntries(object?[] pairs)
        => BuildMap(pairs.Select(p => (IList)p!).Select(p => (Key: p[0], Value: Optional(p[1]))).Where(p => p.Value.HasValue).Select(p => (p.Key, p.Value.Value)));

    /// <summary>The [index, value] pairs of a list, or the [key, value] pairs of a map in its order.</summary>
    private static object?[] EntriesOf(object? target)
    {
        ThrowIfMissing(target);
        return target switch
        {
            IDictionary map => MapEntries(map).Select(e => (object?)new[] { e.Key, e.Value }).ToArray(),
            IList list => list.Cast<object?>().Select((item, i) => (object?)new[] { (long)i, item }).ToArray(),
            _ => throw new CelNoSuchOverloadException($"No overload exists for a comprehension over type '{target?.GetType().FullName ?? "null"}'."),
        };
    }

    /// <summary>What a one-variable comprehension iterates: a list's elements, or a map's keys in its order.</summary>
    public static object?[] RangeOf(object? target)
    {
        ThrowIfMissing(target);
        return target switch
        {
            IDictionary map => MapEntries(map).Select(e => e.Key).ToArray(),
            IList list => list.Cast<object?>().ToArray(),
            _ => throw new CelNoSuchOverloadException($"No overload exists for a comprehension over type '{target?.GetType().FullName ?? "null"}'."),
        };
    }

    /// <summary>The condition of cel-go's conditional (interpreter/attributes.go, conditionalAttribute): a bool, else "no such overload".</summary>
    private static bool AsCondition(object? value)
    {
        ThrowIfMissing(value);
        return value as bool? ?? throw new CelRuntimeError("no such overload");
    }

    /// <summary>A value a comprehension adds: the selection of a missing field fails there, as in cel-go.</summary>
    private static object? AsElement(object? value)
    {
        ThrowIfMissing(value);
        return value;
    }

    /// <summary>The elements whose condition held.</summary>
    private static object?[] KeptElements(object?[] elements, object?[] conditions)
        => elements.Where((_, i) => conditions[i] is true).ToArray();

    private static IEnumerable<(object? Key, object? Value)> Pairs(object? map)
        => map is IDictionary dictionary
            ? MapEntries(dictionary).Select(e => ((object?)e.Key, e.Value))
            : throw new CelNoSuchOverloadException($"transformMapEntry needs a map, not '{map?.GetType().FullName ?? "null"}'.");

    /// <summary>A map of the pairs, keyed by text as the package's own map literals are.</summary>
    private static Dictionary<string, object?> BuildMap(IEnumerable<(object? Key, object? Value)> pairs)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            if (!TryMapKey(key, out var text))
            {
                throw new CelMapUnsupportedKeyTypeException("Cannot map item because key is not the required type.");
            }

            if (map.ContainsKey(text))
            {
                // cel-go types.InsertMapKeyValue.
                throw new CelRuntimeError($"insert failed: key {CelStringFormat.FormatValue(key)} already exists");
            }

            map.Add(text, value);
        }

        return map;
    }

    /// <summary>The package keys maps by the text of a string, int, uint or bool key.</summary>
    private static bool TryMapKey(object? key, out string text)
    {
        text = key switch
        {
            string s => s,
            long n => n.ToString(CultureInfo.InvariantCulture),
            ulong n => n.ToString(CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            _ => string.Empty,
        };
        return key is string or long or ulong or bool;
    }

    /// <summary>The entries of a map in its order (generic dictionaries enumerate key-value pairs, not entries).</summary>
    public static IEnumerable<DictionaryEntry> MapEntries(IDictionary map)
    {
        var enumerator = map.GetEnumerator();
        while (enumerator.MoveNext())
        {
            yield return enumerator.Entry;
        }
    }

    private static CelOptional Optional(object? value)
        => value as CelOptional ?? throw new CelNoSuchOverloadException($"An optional entry needs an optional value, not '{value?.GetType().FullName ?? "null"}'.");

    /// <summary>The value to select from: none stays none, an optional is unwrapped.</summary>
    private static bool TryUnwrap(object? target, out object? value)
    {
        ThrowIfMissing(target);
        if (target is CelOptional optional)
        {
            value = optional.HasValue ? optional.Value : null;
            return optional.HasValue;
        }

        value = target;
        return true;
    }

    /// <summary>
    /// The package hands a function the marker of a missing field instead of failing; cel-go fails the selection
    /// with "no such key", which <see cref="CelEngine"/> reports from the package's exception. The marker's type is
    /// internal to the package, so its Message is read by reflection; the native (trimmed) build keeps that property
    /// only through the DynamicDependency, without which the message would be empty there.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.DynamicDependency(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicProperties, "Cel.Internal.CelNoSuchField", "Cel")]
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "The marker type's Message property is kept by the DynamicDependency above.")]
    public static void ThrowIfMissing(object? value)
    {
        if (value is not null && value.GetType().FullName == "Cel.Internal.CelNoSuchField")
        {
            throw new CelNoSuchFieldException(value.GetType().GetProperty("Message")?.GetValue(value) as string ?? string.Empty);
        }
    }
}
#endif
