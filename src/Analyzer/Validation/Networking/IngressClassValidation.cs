using KubeLint.Analyzer.Validation.Metadata;

namespace KubeLint.Analyzer.Validation.Networking;

/// <summary>
/// <c>ValidateIngressClass</c>, <c>validateIngressClassSpec</c> and <c>validateIngressClassParametersReference</c>
/// (pkg/apis/networking/validation/validation.go) after <c>SetDefaults_IngressClass</c> (a parameters reference's
/// scope is Cluster), and <c>validation.IsDomainPrefixedPath</c> (apimachinery) for the controller.
/// </summary>
public sealed class IngressClassValidation : ObjectValidation
{
    private const int MaxControllerLength = 250;
    private const string HttpPathFormat = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";

    private static readonly string[] Scopes = ["Cluster", "Namespace"];

    public override string Area => ValidationAreas.Networking;

    public override IReadOnlyList<(string Group, string Kind)> Kinds { get; } = [("networking.k8s.io", "IngressClass")];

    public override bool ReportsRequiredAndSupportedValues => true;

    public override void Default(ObjectView view)
    {
        var parameters = view.Root.Child("spec", "parameters");
        if (parameters.IsSet)
        {
            view.Default(parameters, "scope", "Cluster");
        }
    }

    public override void Validate(ValidationContext context)
    {
        var spec = context.Root.Child("spec");
        var controller = spec.Child("controller");
        var value = controller.String ?? string.Empty;
        if (value.Length > MaxControllerLength)
        {
            context.TooLong(controller, MaxControllerLength);
        }

        ValidateDomainPrefixedPath(context, controller, value);
        var parameters = spec.Child("parameters");
        if (!parameters.IsSet)
        {
            return;
        }

        ValidateTypedLocalObjectReference(context, parameters);
        var scope = parameters.Child("scope");
        if (scope.String is not { } scopeText)
        {
            context.Required(scope);
            return;
        }

        if (Array.IndexOf(Scopes, scopeText) < 0)
        {
            context.NotSupported(scope, scopeText, Scopes);
            return;
        }

        var ns = parameters.Child("namespace");
        if (scopeText == "Namespace")
        {
            if (ns.String is { } nsText)
            {
                context.Invalid(ns, nsText, NameFunctions.NameIsDnsLabel(nsText, false));
            }
            else
            {
                context.Required(ns, "`parameters.scope` is set to 'Namespace'");
            }
        }
        else if (ns.IsSet)
        {
            context.Forbidden(ns, "`parameters.scope` is set to 'Cluster'");
        }
    }

    /// <summary><c>validateIngressTypedLocalObjectReference</c>, shared with Ingress resource backends.</summary>
    internal static void ValidateTypedLocalObjectReference(ValidationContext context, Field reference)
    {
        var apiGroup = reference.Child("apiGroup");
        if (apiGroup.String is { } group)
        {
            context.Invalid(apiGroup, group, Syntax.IsDns1123Subdomain(group));
        }

        foreach (var member in new[] { "kind", "name" })
        {
            var field = reference.Child(member);
            if (field.String is { Length: > 0 } text)
            {
                context.Invalid(field, text, NameFunctions.PathSegmentName(text, false));
            }
            else
            {
                context.Required(field, member + " is required");
            }
        }
    }

    /// <summary><c>IsDomainPrefixedPath</c>: a DNS subdomain, '/', then an HTTP path.</summary>
    private static void ValidateDomainPrefixedPath(ValidationContext context, Field field, string value)
    {
        if (value.Length == 0)
        {
            context.Required(field);
            return;
        }

        var slash = value.IndexOf('/');
        if (slash <= 0 || slash == value.Length - 1)
        {
            context.Invalid(field, value, "must be a domain-prefixed path (such as \"acme.io/foo\")");
            return;
        }

        var host = value.Substring(0, slash);
        context.Invalid(field, host, Syntax.IsDns1123Subdomain(host));
        var path = value.Substring(slash + 1);
        if (!path.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') || "/-._~%!$&'()*+,;=:".IndexOf(c) >= 0))
        {
            context.Invalid(field, path, Syntax.RegexError("Invalid path", HttpPathFormat));
        }
    }
}
