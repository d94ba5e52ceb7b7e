using KubeLint.Analyzer.Validation.Metadata;

namespace KubeLint.Analyzer.Validation.Cluster;

/// <summary>
/// <c>ValidateValidatingWebhookConfiguration</c> and <c>ValidateMutatingWebhookConfiguration</c> with
/// <c>validateValidatingWebhook</c>, <c>validateMutatingWebhook</c> and <c>validateAdmissionReviewVersions</c>
/// (pkg/apis/admissionregistration/validation/validation.go) and the client config checks of
/// staging/src/k8s.io/apiserver/pkg/util/webhook/validation.go, after pkg/apis/admissionregistration/v1/defaults.go
/// (failure policy Fail, match policy Equivalent, empty selectors, timeout 10s, reinvocation Never, service port 443).
/// Match condition expressions are not compiled.
/// </summary>
public sealed class WebhookConfigurationValidation : ObjectValidation
{
    private const string Group = "admissionregistration.k8s.io";
    private const string UrlForm = "; desired format: https://host[/path]";

    private static readonly string[] FailurePolicies = ["Fail", "Ignore"];
    private static readonly string[] MatchPolicies = ["Equivalent", "Exact"];
    private static readonly string[] SideEffects = ["None", "NoneOnDryRun"];
    private static readonly string[] ReinvocationPolicies = ["IfNeeded", "Never"];
    private static readonly string[] AdmissionReviewVersions = ["v1", "v1beta1"];

    public override string Area => ValidationAreas.Cluster;

    public override IReadOnlyList<(string Group, string Kind)> Kinds { get; } =
        [(Group, "ValidatingWebhookConfiguration"), (Group, "MutatingWebhookConfiguration")];

    public override bool ReportsRequiredAndSupportedValues => true;

    public override void Default(ObjectView view)
    {
        foreach (var hook in view.Root.Child("webhooks").Items())
        {
            var service = hook.Child("clientConfig", "service");
            if (service.IsSet)
            {
                view.Default(service, "port", 443L);
            }
        }
    }

    public override void Validate(ValidationContext context)
    {
        var mutating = context.Object.Kind == "MutatingWebhookConfiguration";
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var hook in context.Root.Child("webhooks").Items())
        {
            ValidateWebhook(context, hook, mutating);
            ValidateAdmissionReviewVersions(context, hook.Child("admissionReviewVersions"));
            var name = hook.Child("name");
            if (name.String is { Length: > 0 } text && !names.Add(text))
            {
                context.Duplicate(name, text);
            }
        }
    }

    private static void ValidateWebhook(ValidationContext context, Field hook, bool mutating)
    {
        ValidateFullyQualifiedName(context, hook.Child("name"));
        foreach (var rule in hook.Child("rules").Items())
        {
            AdmissionRules.ValidateRuleWithOperations(context, rule);
        }

        Supported(context, hook.Child("failurePolicy"), FailurePolicies);
        Supported(context, hook.Child("matchPolicy"), MatchPolicies);
        var sideEffects = hook.Child("sideEffects");
        if (sideEffects.String is null)
        {
            context.Required(sideEffects, "must specify one of " + string.Join(", ", SideEffects));
        }
        else
        {
            Supported(context, sideEffects, SideEffects);
        }

        var timeout = hook.Child("timeoutSeconds");
        if (timeout.Integer is { } seconds && (seconds > 30 || seconds < 1))
        {
            context.Invalid(timeout, seconds, "the timeout value must be between 1 and 30 seconds");
        }

        LabelSelectorValidation.Validate(context, hook.Child("namespaceSelector"));
        LabelSelectorValidation.Validate(context, hook.Child("objectSelector"));
        if (mutating)
        {
            Supported(context, hook.Child("reinvocationPolicy"), ReinvocationPolicies);
        }

        ValidateClientConfig(context, hook.Child("clientConfig"));
        AdmissionRules.ValidateMatchConditions(context, hook.Child("matchConditions"));
    }

    /// <summary><c>validation.IsFullyQualifiedName</c>: a DNS subdomain of at least three segments.</summary>
    private static void ValidateFullyQualifiedName(ValidationContext context, Field field)
    {
        var name = field.String ?? string.Empty;
        if (name.Length == 0)
        {
            context.Required(field);
        }
        else if (Syntax.IsDns1123Subdomain(name) is { Count: > 0 } problems)
        {
            context.Invalid(field, name, string.Join(",", problems));
        }
        else if (name.Split('.').Length < 3)
        {
            context.Invalid(field, name, "should be a domain with at least three segments separated by dots");
        }
    }

    private static void ValidateClientConfig(ValidationContext context, Field clientConfig)
    {
        var url = clientConfig.Child("url");
        var service = clientConfig.Child("service");
        if (url.IsSet == service.IsSet)
        {
            context.Required(clientConfig, "exactly one of url or service is required");
        }
        else if (url.IsSet)
        {
            ValidateUrl(context, url, url.String ?? string.Empty);
        }
        else
        {
            ValidateService(context, service);
        }
    }

    /// <summary><c>ValidateWebhookURL</c> with HTTPS forced.</summary>
    private static void ValidateUrl(ValidationContext context, Field field, string text)
    {
        if (WebhookUrl.Parse(text, out var error) is not { } url)
        {
            context.Required(field, "url must be a valid URL: " + error + UrlForm);
            return;
        }

        if (url.Scheme != "https")
        {
            context.Invalid(field, url.Scheme, "'https' is the only allowed URL scheme" + UrlForm);
        }

        if (url.Host.Length == 0)
        {
            context.Invalid(field, url.Host, "host must be specified" + UrlForm);
        }

        if (url.User is { } user)
        {
            context.Invalid(field, user, "user information is not permitted in the URL");
        }

        if (url.Fragment.Length > 0)
        {
            context.Invalid(field, url.Fragment, "fragments are not permitted in the URL");
        }

        if (url.Query.Length > 0)
        {
            context.Invalid(field, url.Query, "query parameters are not permitted in the URL");
        }
    }

    /// <summary>
    /// <c>ValidateWebhookService</c>. Upstream passes the service's name where the namespace belongs and the other way
    /// round, so a missing name reads "service namespace is required" at <c>.namespace</c>; this keeps that.
    /// </summary>
    private static void ValidateService(ValidationContext context, Field service)
    {
        if ((service.Child("namespace").String ?? string.Empty).Length == 0)
        {
            context.Required(service.Child("name"), "service name is required");
        }

        if ((service.Child("name").String ?? string.Empty).Length == 0)
        {
            context.Required(service.Child("namespace"), "service namespace is required");
        }

        var port = service.Child("port");
        var number = port.Integer ?? 0;
        if (Syntax.IsValidPortNum(number) is { Count: > 0 } problems)
        {
            context.Invalid(port, number, "port is not valid: " + string.Join(", ", problems));
        }

        var pathField = service.Child("path");
        if (pathField.String is not { } path || path is "/" or "")
        {
            return;
        }

        if (path == "//")
        {
            context.Invalid(pathField, path, "segment[0] may not be empty");
            return;
        }

        if (!path.StartsWith("/", StringComparison.Ordinal))
        {
            context.Invalid(pathField, path, "must start with a '/'");
        }

        var check = path.Substring(1);
        check = check.EndsWith("/", StringComparison.Ordinal) ? check.Substring(0, check.Length - 1) : check;
        var steps = check.Split('/');
        for (var i = 0; i < steps.Length; i++)
        {
            if (steps[i].Length == 0)
            {
                context.Invalid(pathField, path, $"segment[{i}] may not be empty");
                continue;
            }

            foreach (var failure in Syntax.IsDns1123Subdomain(steps[i]))
            {
                context.Invalid(pathField, path, $"segment[{i}]: {failure}");
            }
        }
    }

    /// <summary><c>validateAdmissionReviewVersions</c>, requiring one the server recognizes.</summary>
    private static void ValidateAdmissionReviewVersions(ValidationContext context, Field versions)
    {
        var accepted = string.Join(", ", AdmissionReviewVersions);
        if (versions.Count < 1)
        {
            context.Required(versions, "must specify one of " + accepted);
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var hasAccepted = false;
        foreach (var version in versions.Items())
        {
            var text = version.String ?? string.Empty;
            if (!seen.Add(text))
            {
                context.Invalid(version, text, "duplicate version");
                continue;
            }

            context.Invalid(version, text, Syntax.IsDns1035Label(text));
            hasAccepted |= Array.IndexOf(AdmissionReviewVersions, text) >= 0;
        }

        if (!hasAccepted)
        {
            context.Invalid(versions, GoValue.Slice("string", AdmissionRules.Strings(versions)), "must include at least one of " + accepted);
        }
    }

    private static void Supported(ValidationContext context, Field field, string[] supported)
    {
        if (field.String is { } value && Array.IndexOf(supported, value) < 0)
        {
            context.NotSupported(field, value, supported);
        }
    }
}
