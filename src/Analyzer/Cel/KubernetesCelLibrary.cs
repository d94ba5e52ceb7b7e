#if NET
using Cel;

namespace KubeLint.Analyzer.Cel;

/// <summary>
/// What the API server's CEL environment adds to the CEL standard (apiserver pkg/cel/environment/base.go, as of 1.32):
/// cel-go's strings (version 2), sets and optional values, and Kubernetes' URL, regex, list, quantity, IP, CIDR and
/// format libraries, with Go's RE2 semantics for regular expressions; the optional syntax, two-variable
/// comprehensions and cel-go's equality are <see cref="CelSourceRewriter"/>'s. Not here: the authz library, whose
/// authorizer CRD rules do not have; a rule that calls it is not evaluated.
/// </summary>
internal static class KubernetesCelLibrary
{
    public static void Register(CelEnvironment environment)
    {
        CelStringsLibrary.Register(environment);
        CelRegexLibrary.Register(environment);
        CelListsLibrary.Register(environment);
        CelQuantityLibrary.Register(environment);
        CelUrlLibrary.Register(environment);
        CelIpLibrary.Register(environment);
        CelCidrLibrary.Register(environment);
        CelFormatLibrary.Register(environment);
        CelSetsLibrary.Register(environment);
        CelOptionalLibrary.Register(environment);
    }
}
#endif
