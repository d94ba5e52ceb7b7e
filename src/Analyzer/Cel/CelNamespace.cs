#if NET
namespace KubeLint.Analyzer.Cel;

/// <summary>
/// The value of a function namespace (<c>ip.isCanonical</c>, <c>format.named</c>, <c>optional.of</c>, <c>sets.contains</c>,
/// <c>strings.quote</c>): cel-go resolves such qualified names at compile time; the Cel package evaluates
/// <c>a.f(x)</c> as f(a, x), so each namespace is bound as a variable whose value selects its functions.
/// </summary>
internal sealed class CelNamespace
{
    public static readonly CelNamespace Ip = new("ip");
    public static readonly CelNamespace Format = new("format");
    public static readonly CelNamespace Optional = new("optional");
    public static readonly CelNamespace Sets = new("sets");
    public static readonly CelNamespace Strings = new("strings");

    private CelNamespace(string name) => Name = name;

    public static IReadOnlyList<CelNamespace> All { get; } = [Ip, Format, Optional, Sets, Strings];

    public string Name { get; }

    /// <summary>The function's result when it is called on this namespace; another namespace has no such function.</summary>
    public object? Call(object? target, Func<object?> function)
        => ReferenceEquals(target, this) ? function() : throw new InvalidCastException($"undeclared reference to '{((CelNamespace)target!).Name}'");
}
#endif
