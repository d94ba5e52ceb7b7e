using KubeLint.Analyzer.Validation.Metadata;

namespace KubeLint.Analyzer.Validation.Pods;

/// <summary>
/// <c>ValidateEnv</c>, <c>validateEnvVarValueFrom</c>, <c>ValidateEnvFrom</c> and the downward API selectors
/// (<c>validateObjectFieldSelector</c>, <c>validateContainerResourceFieldSelector</c>,
/// <c>validateContainerResourceDivisor</c>) of pkg/apis/core/validation/validation.go, with
/// <c>SetDefaults_ObjectFieldSelector</c> (apiVersion v1) applied and pkg/api/v1/pod's
/// <c>ConvertDownwardAPIFieldLabel</c> for field paths.
/// </summary>
internal static class EnvValidation
{
    private static readonly HashSet<string> EnvFieldPaths = new(StringComparer.Ordinal)
    {
        "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName",
        "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs",
    };

    private static readonly HashSet<string> ResourceFieldPaths = new(StringComparer.Ordinal)
    {
        "limits.cpu", "limits.memory", "limits.ephemeral-storage", "requests.cpu", "requests.memory", "requests.ephemeral-storage",
    };

    /// <summary>The labels <c>ConvertDownwardAPIFieldLabel</c> knows for v1 (spec.host is the old name of spec.nodeName).</summary>
    private static readonly HashSet<string> ConvertibleLabels = new(StringComparer.Ordinal)
    {
        "metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName",
        "spec.restartPolicy", "spec.serviceAccountName", "spec.schedulerName", "status.phase", "status.hostIP", "status.hostIPs",
        "status.podIP", "status.podIPs",
    };

    private static readonly HashSet<string> CpuDivisors = new(StringComparer.Ordinal) { "1m", "1" };
    private static readonly HashSet<string> ByteDivisors = new(StringComparer.Ordinal) { "1", "1k", "1M", "1G", "1T", "1P", "1E", "1Ki", "1Mi", "1Gi", "1Ti", "1Pi", "1Ei" };

    /// <summary><c>ValidateEnv</c>.</summary>
    public static void ValidateEnv(ValidationContext context, Field env, PodValidationOptions options)
    {
        foreach (var variable in env.Items())
        {
            var name = variable.Child("name");
            var text = name.String ?? string.Empty;
            if (text.Length == 0)
            {
                context.Required(name);
            }
            else
            {
                context.Invalid(name, text, EnvVarName(text, options));
            }

            ValueFrom(context, variable);
        }
    }

    /// <summary><c>ValidateEnvFrom</c>: errors about the sources are reported at the list, as upstream does.</summary>
    public static void ValidateEnvFrom(ValidationContext context, Field envFrom, PodValidationOptions options)
    {
        foreach (var source in envFrom.Items())
        {
            var prefix = source.Child("prefix");
            if (prefix.String is { Length: > 0 } text)
            {
                context.Invalid(prefix, text, EnvVarName(text, options));
            }

            var count = 0;
            foreach (var key in new[] { "configMapRef", "secretRef" })
            {
                var reference = source.Child(key);
                if (!reference.IsSet)
                {
                    continue;
                }

                count++;
                var name = reference.Child("name");
                if ((name.String ?? string.Empty).Length == 0)
                {
                    context.Required(name);
                }
                else
                {
                    context.Invalid(name, name.String!, NameFunctions.NameIsDnsSubdomain(name.String!, true));
                }
            }

            if (count == 0)
            {
                context.Report(envFrom, FieldErrorType.Invalid, string.Empty, "must specify one of: `configMapRef` or `secretRef`", at: source.Anchor);
            }
            else if (count > 1)
            {
                context.Report(envFrom, FieldErrorType.Invalid, string.Empty, "may not have more than one field specified at a time", at: source.Anchor);
            }
        }
    }

    /// <summary>
    /// <c>validateObjectFieldSelector</c>, reporting under <paramref name="paths"/> (downward API volume files are
    /// reported at their volume's path).
    /// </summary>
    public static void ObjectFieldSelector(ValidationContext context, Field selector, ISet<string> expressions, Field? paths = null)
    {
        paths ??= selector;
        var apiVersion = selector.Child("apiVersion").String is { Length: > 0 } written ? written : "v1";
        var fieldPath = selector.Child("fieldPath");
        var reported = fieldPath.WithPath(paths.Child("fieldPath"));
        var label = fieldPath.String ?? string.Empty;
        if (label.Length == 0)
        {
            context.Required(reported);
            return;
        }

        if (ConvertError(apiVersion, label) is { } error)
        {
            context.Invalid(reported, label, "error converting fieldPath: " + error);
            return;
        }

        var converted = label == "spec.host" ? "spec.nodeName" : label;
        if (SplitSubscript(converted) is var (path, subscript) && path.Length > 0)
        {
            switch (path)
            {
                case "metadata.annotations":
                    LabelSelectorValidation.ValidateLabelName(context, selector.WithPath(paths), subscript.ToLowerInvariant());
                    break;
                case "metadata.labels":
                    LabelSelectorValidation.ValidateLabelName(context, selector.WithPath(paths), subscript);
                    break;
                default:
                    context.Invalid(selector.WithPath(paths), path, "does not support subscript");
                    break;
            }
        }
        else if (!expressions.Contains(converted))
        {
            context.NotSupported(reported, converted, expressions.OrderBy(e => e, StringComparer.Ordinal));
        }
    }

    /// <summary><c>validateContainerResourceFieldSelector</c> with the hugepages prefixes, and the divisor.</summary>
    public static void ResourceFieldSelector(ValidationContext context, Field selector, Field paths, bool volume)
    {
        var resource = selector.Child("resource").String ?? string.Empty;
        if (volume && (selector.Child("containerName").String ?? string.Empty).Length == 0)
        {
            context.Required(selector.Child("containerName").WithPath(paths.Child("containerName")));
        }
        else if (resource.Length == 0)
        {
            context.Required(selector.Child("resource").WithPath(paths.Child("resource")));
        }
        else if (!ResourceFieldPaths.Contains(resource)
            && !resource.StartsWith("requests.hugepages-", StringComparison.Ordinal)
            && !resource.StartsWith("limits.hugepages-", StringComparison.Ordinal))
        {
            context.NotSupported(selector.Child("resource").WithPath(paths.Child("resource")), resource, ResourceFieldPaths.OrderBy(e => e, StringComparer.Ordinal));
        }

        var divisor = selector.Child("divisor");
        if (!DecodedQuantity.TryRead(divisor, out var quantity) || quantity.IsZero)
        {
            return;
        }

        var text = quantity.ToString();
        var reported = divisor.WithPath(paths.Child("divisor"));
        switch (resource)
        {
            case "limits.cpu" or "requests.cpu" when !CpuDivisors.Contains(text):
                context.Invalid(reported, resource, "only divisor's values 1m and 1 are supported with the cpu resource");
                break;
            case "limits.memory" or "requests.memory" when !ByteDivisors.Contains(text):
                context.Invalid(reported, resource, "only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the memory resource");
                break;
            case "limits.ephemeral-storage" or "requests.ephemeral-storage" when !ByteDivisors.Contains(text):
                context.Invalid(reported, resource, "only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the local ephemeral storage resource");
                break;
        }

        if ((resource.StartsWith("requests.hugepages-", StringComparison.Ordinal) || resource.StartsWith("limits.hugepages-", StringComparison.Ordinal))
            && !ByteDivisors.Contains(text))
        {
            context.Invalid(reported, resource, "only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the hugepages resource");
        }
    }

    /// <summary><c>IsEnvVarName</c>, or <c>IsRelaxedEnvVarName</c> once RelaxedEnvironmentVariableValidation is on (1.32).</summary>
    private static IReadOnlyList<string> EnvVarName(string name, PodValidationOptions options)
        => options.AllowRelaxedEnvironmentVariableValidation ? Syntax.IsRelaxedEnvVarName(name) : Syntax.IsEnvVarName(name);

    /// <summary><c>validateEnvVarValueFrom</c>: its combination errors are reported at valueFrom with an empty value.</summary>
    private static void ValueFrom(ValidationContext context, Field variable)
    {
        var valueFrom = variable.Child("valueFrom");
        if (!valueFrom.IsSet)
        {
            return;
        }

        var count = 0;
        var fieldRef = valueFrom.Child("fieldRef");
        if (fieldRef.IsSet)
        {
            count++;
            ObjectFieldSelector(context, fieldRef, EnvFieldPaths);
        }

        var resourceFieldRef = valueFrom.Child("resourceFieldRef");
        if (resourceFieldRef.IsSet)
        {
            count++;
            ResourceFieldSelector(context, resourceFieldRef, resourceFieldRef, volume: false);
        }

        foreach (var key in new[] { "configMapKeyRef", "secretKeyRef" })
        {
            var reference = valueFrom.Child(key);
            if (!reference.IsSet)
            {
                continue;
            }

            count++;
            var name = reference.Child("name");
            var nameText = name.String ?? string.Empty;
            context.Invalid(name, nameText, NameFunctions.NameIsDnsSubdomain(nameText, false));
            var keyField = reference.Child("key");
            if ((keyField.String ?? string.Empty).Length == 0)
            {
                context.Required(keyField);
            }
            else
            {
                context.Invalid(keyField, keyField.String!, Syntax.IsConfigMapKey(keyField.String!));
            }
        }

        if (count == 0)
        {
            context.Invalid(valueFrom, string.Empty, "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`");
        }
        else if ((variable.Child("value").String ?? string.Empty).Length != 0)
        {
            context.Invalid(valueFrom, string.Empty, "may not be specified when `value` is not empty");
        }
        else if (count > 1)
        {
            context.Invalid(valueFrom, string.Empty, "may not have more than one field specified at a time");
        }
    }

    /// <summary>The error of <c>ConvertDownwardAPIFieldLabel</c> for version v1, or null when it converts.</summary>
    private static string? ConvertError(string apiVersion, string label)
    {
        if (apiVersion != "v1")
        {
            return "unsupported pod version: " + apiVersion;
        }

        if (SplitSubscript(label) is var (path, _) && path.Length > 0)
        {
            return path is "metadata.annotations" or "metadata.labels" ? null : "field label does not support subscript: " + label;
        }

        return ConvertibleLabels.Contains(label) || label == "spec.host" ? null : "field label not supported: " + label;
    }

    /// <summary><c>fieldpath.SplitMaybeSubscriptedPath</c>: "metadata.labels['app']" → ("metadata.labels", "app").</summary>
    /// <remarks>An empty path means the field path has no subscript.</remarks>
    private static (string Path, string Subscript) SplitSubscript(string fieldPath)
    {
        if (!fieldPath.EndsWith("']", StringComparison.Ordinal))
        {
            return (string.Empty, string.Empty);
        }

        var trimmed = fieldPath.Substring(0, fieldPath.Length - 2);
        var open = trimmed.IndexOf("['", StringComparison.Ordinal);
        return open <= 0 ? (string.Empty, string.Empty) : (trimmed.Substring(0, open), trimmed.Substring(open + 2));
    }
}
