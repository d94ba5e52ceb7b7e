#if NET
namespace KubeLint.Analyzer.Cel;

/// <summary>
/// An error value of cel-go (types.NewErr) raised by a Kubernetes library function, in its own words: the server
/// reports it as "&lt;message&gt; evaluating rule: &lt;rule&gt;" (apiextensions-apiserver schema/cel/validation.go).
/// </summary>
internal sealed class CelRuntimeError : Exception
{
    public CelRuntimeError(string message)
        : base(message)
    {
    }
}
#endif
