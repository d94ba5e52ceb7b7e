using System.Globalization;

namespace KubeLint.Analyzer.Validation.Pods;

/// <summary>
/// The annotations a pod's validation reads (pkg/apis/core/validation/validation.go):
/// <c>ValidatePodSpecificAnnotations</c> (mirror pods, pod deletion cost, seccomp and AppArmor annotations) and the
/// create-time consistency of those annotations with the security context fields
/// (<c>validateSeccompAnnotationsAndFields</c>, <c>validateAppArmorAnnotationsAndFieldsMatchOnCreate</c>).
/// </summary>
internal static class PodAnnotationsValidation
{
    private const string MirrorPod = "kubernetes.io/config.mirror";
    private const string DeletionCost = "controller.kubernetes.io/pod-deletion-cost";
    private const string SeccompPod = "seccomp.security.alpha.kubernetes.io/pod";
    private const string SeccompContainerPrefix = "container.seccomp.security.alpha.kubernetes.io/";
    private const string AppArmorContainerPrefix = "container.apparmor.security.beta.kubernetes.io/";

    /// <summary><c>ValidatePodSpecificAnnotations</c>; <paramref name="annotations"/> names the map as the server does.</summary>
    public static void Validate(ValidationContext context, Field annotations, Field spec)
    {
        foreach (var (key, value) in annotations.Entries())
        {
            var text = value.String ?? string.Empty;
            switch (key)
            {
                case MirrorPod when (spec.Child("nodeName").String ?? string.Empty).Length == 0:
                    context.Invalid(value, text, "must set spec.nodeName if mirror pod annotation is set");
                    break;
                case DeletionCost when !IsDeletionCost(text):
                    context.Invalid(value, text, "must be a 32bit integer");
                    break;
                case SeccompPod:
                    SeccompProfile(context, value.WithPath(annotations.Child(key)), text);
                    break;
            }

            if (key.StartsWith(SeccompContainerPrefix, StringComparison.Ordinal))
            {
                SeccompProfile(context, value.WithPath(annotations.Child(key)), text);
            }

            if (key.StartsWith(AppArmorContainerPrefix, StringComparison.Ordinal))
            {
                var container = key.Substring(AppArmorContainerPrefix.Length);
                if (!PodSpecValidation.AllContainers(spec).Any(c => c.Child("name").String == container))
                {
                    context.Invalid(value, container, "container not found");
                }

                if (text.Length > 0 && text != "runtime/default" && text != "unconfined" && !text.StartsWith("localhost/", StringComparison.Ordinal))
                {
                    context.Invalid(value, text, "invalid AppArmor profile name: " + GoValue.Quote(text));
                }
            }
        }
    }

    /// <summary>
    /// Both the seccomp annotation and field set must agree (<c>validateSeccompAnnotationsAndFieldsMatch</c>), and
    /// likewise AppArmor's, except on Windows pods.
    /// </summary>
    public static void ValidateFieldsMatch(ValidationContext context, Field annotations, Field spec, PodValidationOptions options)
    {
        var podSeccomp = spec.Child("securityContext", "seccompProfile");
        if (podSeccomp.IsSet && annotations.Key(SeccompPod).String is { } podAnnotation)
        {
            SeccompMatch(context, podAnnotation, podSeccomp);
        }

        foreach (var container in PodSpecValidation.AllContainers(spec))
        {
            var seccomp = container.Child("securityContext", "seccompProfile");
            if (seccomp.IsSet && annotations.Key(SeccompContainerPrefix + (container.Child("name").String ?? string.Empty)).String is { } annotation)
            {
                SeccompMatch(context, annotation, seccomp);
            }
        }

        if (!options.AppArmorFields || spec.Child("os", "name").String == "windows")
        {
            return;
        }

        var podProfile = spec.Child("securityContext", "appArmorProfile");
        foreach (var container in PodSpecValidation.AllContainers(spec))
        {
            var own = container.Child("securityContext", "appArmorProfile");
            var profile = own.IsSet ? own : podProfile;
            if (!profile.IsSet || annotations.Key(AppArmorContainerPrefix + (container.Child("name").String ?? string.Empty)).String is not { } annotation)
            {
                continue;
            }

            var reported = own.IsSet ? own : podProfile.WithPath(container.Child("securityContext", "appArmorProfile"));
            var type = profile.Child("type").String;
            var mismatch = type switch
            {
                "Unconfined" => annotation != "unconfined",
                "RuntimeDefault" => annotation != "runtime/default",
                "Localhost" => !annotation.StartsWith("localhost/", StringComparison.Ordinal),
                _ => false,
            };
            if (mismatch)
            {
                context.Forbidden(reported.Child("type"), "apparmor type in annotation and field must match");
            }
            else if (type == "Localhost" && annotation.Substring("localhost/".Length) != profile.Child("localhostProfile").String)
            {
                context.Forbidden(reported.Child("localhostProfile"), "apparmor profile in annotation and field must match");
            }
        }
    }

    /// <summary><c>GetDeletionCostFromPodAnnotations</c>: an int32 without '+' or leading zeros.</summary>
    private static bool IsDeletionCost(string text)
    {
        var validFirst = text.Length > 0 && (text[0] == '-' || text == "0" || text[0] is >= '1' and <= '9');
        return validFirst && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
    }

    /// <summary><c>ValidateSeccompProfile</c> of an annotation value.</summary>
    private static void SeccompProfile(ValidationContext context, Field field, string profile)
    {
        if (profile is "runtime/default" or "docker/default" or "unconfined")
        {
            return;
        }

        if (profile.StartsWith("localhost/", StringComparison.Ordinal))
        {
            PathValidation.LocalDescending(context, field, profile.Substring("localhost/".Length));
            return;
        }

        context.Invalid(field, profile, "must be a valid seccomp profile");
    }

    private static void SeccompMatch(ValidationContext context, string annotation, Field profile)
    {
        var type = profile.Child("type").String;
        var mismatch = type switch
        {
            "Unconfined" => annotation != "unconfined",
            "RuntimeDefault" => annotation is not ("runtime/default" or "docker/default"),
            "Localhost" => !annotation.StartsWith("localhost/", StringComparison.Ordinal),
            _ => false,
        };
        if (mismatch)
        {
            context.Forbidden(profile.Child("type"), "seccomp type in annotation and field must match");
        }
        else if (type == "Localhost" && annotation.Substring("localhost/".Length) != profile.Child("localhostProfile").String)
        {
            context.Forbidden(profile.Child("localhostProfile"), "seccomp profile in annotation and field must match");
        }
    }
}
