using KubeLint.Analyzer.Validation.Metadata;

namespace KubeLint.Analyzer.Validation.Networking;

/// <summary>
/// <c>ValidateIngressCreate</c> and <c>ValidateIngressSpec</c> with <c>validateIngressRules</c>,
/// <c>validateHTTPIngressPath</c>, <c>validateIngressBackend</c> and <c>validateIngressTLS</c>
/// (pkg/apis/networking/validation/validation.go), as on create (no invalid names allowed from an older object).
/// </summary>
public sealed class IngressValidation : ObjectValidation
{
    private const string IngressClassAnnotation = "kubernetes.io/ingress.class";

    private static readonly string[] PathTypes = ["Exact", "ImplementationSpecific", "Prefix"];
    private static readonly string[] InvalidPathSequences = ["//", "/./", "/../", "%2f", "%2F"];
    private static readonly string[] InvalidPathSuffixes = ["/..", "/."];

    public override string Area => ValidationAreas.Networking;

    public override IReadOnlyList<(string Group, string Kind)> Kinds { get; } = [("networking.k8s.io", "Ingress")];

    public override bool ReportsRequiredAndSupportedValues => true;

    public override void Validate(ValidationContext context)
    {
        var spec = context.Root.Child("spec");
        var rules = spec.Child("rules");
        var defaultBackend = spec.Child("defaultBackend");
        if (rules.Count == 0 && !defaultBackend.IsSet)
        {
            context.Invalid(spec, GoValue.Slice("networking.IngressRule", []), "either `defaultBackend` or `rules` must be specified");
        }

        if (defaultBackend.IsSet)
        {
            ValidateBackend(context, defaultBackend);
        }

        foreach (var rule in rules.Items())
        {
            ValidateRule(context, rule);
        }

        ValidateTls(context, spec.Child("tls"));
        var className = spec.Child("ingressClassName");
        if (className.String is { } name)
        {
            context.Invalid(className, name, NameFunctions.NameIsDnsSubdomain(name, false));
        }

        // Upstream names the annotation as a child of "annotations".
        var annotation = context.Root.Child("metadata").Child("annotations").Key(IngressClassAnnotation);
        if (annotation.String is { } annotationValue && className.String is { } classValue && annotationValue != classValue)
        {
            context.Invalid(annotation.WithPath(context.Root.Child("annotations").Child(IngressClassAnnotation)), annotationValue, "must match `ingressClassName` when both are specified");
        }
    }

    private static void ValidateRule(ValidationContext context, Field rule)
    {
        var host = rule.Child("host");
        if (host.String is { Length: > 0 } hostText)
        {
            if (IpAddress.Parse(hostText) is not null)
            {
                context.Invalid(host, hostText, "must be a DNS name, not an IP address");
            }

            context.Invalid(host, hostText, hostText.Contains('*') ? Syntax.IsWildcardDns1123Subdomain(hostText) : Syntax.IsDns1123Subdomain(hostText));
        }

        var http = rule.Child("http");
        if (!http.IsSet)
        {
            return;
        }

        var paths = http.Child("paths");
        if (paths.Count == 0)
        {
            context.Required(paths);
        }

        foreach (var path in paths.Items())
        {
            ValidatePath(context, path);
        }
    }

    /// <summary><c>validateHTTPIngressPath</c>.</summary>
    private static void ValidatePath(ValidationContext context, Field path)
    {
        var pathType = path.Child("pathType");
        if (!pathType.IsSet)
        {
            context.Required(pathType, "pathType must be specified");
            return;
        }

        var pathField = path.Child("path");
        var value = pathField.String ?? string.Empty;
        switch (pathType.String)
        {
            case "Exact" or "Prefix":
                if (!value.StartsWith("/", StringComparison.Ordinal))
                {
                    context.Invalid(pathField, value, "must be an absolute path");
                }

                foreach (var sequence in InvalidPathSequences)
                {
                    if (value.Contains(sequence))
                    {
                        context.Invalid(pathField, value, $"must not contain '{sequence}'");
                    }
                }

                foreach (var suffix in InvalidPathSuffixes)
                {
                    if (value.EndsWith(suffix, StringComparison.Ordinal))
                    {
                        context.Invalid(pathField, value, $"cannot end with '{suffix}'");
                    }
                }

                break;
            case "ImplementationSpecific":
                if (value.Length > 0 && !value.StartsWith("/", StringComparison.Ordinal))
                {
                    context.Invalid(pathField, value, "must be an absolute path");
                }

                break;
            case var other:
                context.NotSupported(pathType, other ?? string.Empty, PathTypes);
                break;
        }

        ValidateBackend(context, path.Child("backend"));
    }

    /// <summary><c>validateIngressBackend</c>: a resource or a service with a port name or number.</summary>
    private static void ValidateBackend(ValidationContext context, Field backend)
    {
        var resource = backend.Child("resource");
        var service = backend.Child("service");
        if (resource.IsSet && service.IsSet)
        {
            context.Invalid(backend, string.Empty, "cannot set both resource and service backends");
            return;
        }

        if (resource.IsSet)
        {
            IngressClassValidation.ValidateTypedLocalObjectReference(context, resource);
            return;
        }

        if (!service.IsSet)
        {
            context.Invalid(backend, string.Empty, "resource or service backend is required");
            return;
        }

        var name = service.Child("name");
        if (name.String is { Length: > 0 } serviceName)
        {
            context.Invalid(name, serviceName, NameFunctions.NameIsDns1035Label(serviceName, false));
        }
        else
        {
            context.Required(name);
        }

        var port = service.Child("port");
        var portName = port.Child("name");
        var portNumber = port.Child("number");
        var hasName = portName.String is { Length: > 0 };
        var number = portNumber.Integer ?? 0;
        if (hasName && number != 0)
        {
            context.Invalid(backend, string.Empty, "cannot set both port name & port number");
        }
        else if (hasName)
        {
            context.Invalid(portName, portName.String!, Syntax.IsValidPortName(portName.String!));
        }
        else if (number != 0)
        {
            context.Invalid(portNumber, number, Syntax.IsValidPortNum(number));
        }
        else
        {
            context.Required(backend, "port name or number is required");
        }
    }

    /// <summary><c>validateIngressTLS</c>: hosts (wildcards allowed) and Secret names.</summary>
    private static void ValidateTls(ValidationContext context, Field tls)
    {
        foreach (var entry in tls.Items())
        {
            foreach (var host in entry.Child("hosts").Items())
            {
                if (host.String is { } text)
                {
                    context.Invalid(host, text, text.Contains('*') ? Syntax.IsWildcardDns1123Subdomain(text) : Syntax.IsDns1123Subdomain(text));
                }
            }

            var secretName = entry.Child("secretName");
            if (secretName.String is { Length: > 0 } secret)
            {
                context.Invalid(secretName, secret, NameFunctions.NameIsDnsSubdomain(secret, false));
            }
        }
    }
}
