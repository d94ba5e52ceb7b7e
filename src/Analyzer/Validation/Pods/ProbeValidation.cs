namespace KubeLint.Analyzer.Validation.Pods;

/// <summary>
/// Probes and lifecycle handlers of pkg/apis/core/validation/validation.go: <c>validateLivenessProbe</c>,
/// <c>validateReadinessProbe</c>, <c>validateStartupProbe</c>, <c>validateProbe</c>, <c>validateHandler</c> and its
/// actions, <c>validateLifecycle</c>, <c>ValidatePortNumOrName</c>. <c>SetDefaults_Probe</c> and
/// <c>SetDefaults_HTTPGetAction</c> run first: a 0 (Go's unset) timeout, period, success or failure threshold takes
/// its default, an empty httpGet path is "/" and an empty scheme HTTP.
/// </summary>
internal static class ProbeValidation
{
    private static readonly string[] Schemes = ["HTTP", "HTTPS"];
    private static readonly string[] ProbeHandlers = ["exec", "httpGet", "tcpSocket", "grpc"];
    private static readonly string[] LifecycleHandlers = ["exec", "httpGet", "tcpSocket", "sleep"];

    /// <summary>The probes and lifecycle of a regular container or a restartable init container.</summary>
    public static void ValidateProbesAndLifecycle(ValidationContext context, Field container, long? gracePeriod, PodValidationOptions options)
    {
        var lifecycle = container.Child("lifecycle");
        if (lifecycle.IsSet)
        {
            ValidateLifecycle(context, lifecycle, gracePeriod, options);
        }

        var liveness = container.Child("livenessProbe");
        if (liveness.IsSet)
        {
            ValidateProbe(context, liveness, gracePeriod);
            MustBeOne(context, liveness);
        }

        var readiness = container.Child("readinessProbe");
        if (readiness.IsSet)
        {
            ValidateProbe(context, readiness, gracePeriod);
            var grace = readiness.Child("terminationGracePeriodSeconds");
            if (grace.Integer is { } seconds)
            {
                context.Invalid(grace, seconds, "must not be set for readinessProbes");
            }
        }

        var startup = container.Child("startupProbe");
        if (startup.IsSet)
        {
            ValidateProbe(context, startup, gracePeriod);
            MustBeOne(context, startup);
        }
    }

    /// <summary><c>ValidatePortNumOrName</c>: a number in 1-65535 or an IANA service name.</summary>
    public static void PortNumOrName(ValidationContext context, Field port)
    {
        if (port.IsString)
        {
            var name = port.String ?? string.Empty;
            context.Invalid(port, name, Syntax.IsValidPortName(name));
        }
        else
        {
            var number = GoRender.Int32(port);
            context.Invalid(port, number, Syntax.IsValidPortNum(number));
        }
    }

    private static void MustBeOne(ValidationContext context, Field probe)
    {
        var threshold = probe.Child("successThreshold");
        var value = Defaulted(threshold, 1);
        if (value != 1)
        {
            context.Invalid(threshold, value, "must be 1");
        }
    }

    private static void ValidateProbe(ValidationContext context, Field probe, long? gracePeriod)
    {
        ValidateHandler(context, probe, ProbeHandlers, gracePeriod, options: null);
        NonNegative(context, probe.Child("initialDelaySeconds"), 0);
        NonNegative(context, probe.Child("timeoutSeconds"), 1);
        NonNegative(context, probe.Child("periodSeconds"), 10);
        NonNegative(context, probe.Child("successThreshold"), 1);
        NonNegative(context, probe.Child("failureThreshold"), 3);
        var grace = probe.Child("terminationGracePeriodSeconds");
        if (grace.Integer is <= 0 and var seconds)
        {
            context.Invalid(grace, seconds, "must be greater than 0");
        }
    }

    private static void ValidateLifecycle(ValidationContext context, Field lifecycle, long? gracePeriod, PodValidationOptions options)
    {
        foreach (var hook in new[] { "postStart", "preStop" })
        {
            var handler = lifecycle.Child(hook);
            if (handler.IsSet)
            {
                ValidateHandler(context, handler, LifecycleHandlers, gracePeriod, options);
            }
        }
    }

    /// <summary><c>validateHandler</c>: exactly one action, each checked.</summary>
    private static void ValidateHandler(ValidationContext context, Field handler, string[] kinds, long? gracePeriod, PodValidationOptions? options)
    {
        var count = 0;
        foreach (var kind in kinds)
        {
            var action = handler.Child(kind);
            if (!action.IsSet || (kind == "sleep" && options is { SleepAction: false }))
            {
                continue;
            }

            if (count > 0)
            {
                context.Forbidden(action, "may not specify more than 1 handler type");
                continue;
            }

            count++;
            switch (kind)
            {
                case "exec":
                    if (action.Child("command").Count == 0)
                    {
                        context.Required(action.Child("command"));
                    }

                    break;
                case "httpGet":
                    HttpGet(context, action);
                    break;
                case "tcpSocket":
                case "grpc":
                    PortNumOrName(context, action.Child("port"));
                    break;
                case "sleep":
                    Sleep(context, action, gracePeriod, options!);
                    break;
            }
        }

        if (count == 0)
        {
            context.Required(handler, "must specify a handler type");
        }
    }

    private static void HttpGet(ValidationContext context, Field action)
    {
        PortNumOrName(context, action.Child("port"));
        var scheme = action.Child("scheme");
        if (scheme.String is { Length: > 0 } text && Array.IndexOf(Schemes, text) < 0)
        {
            context.NotSupported(scheme, text, Schemes);
        }

        var headers = action.Child("httpHeaders");
        foreach (var header in headers.Items())
        {
            var name = header.Child("name").String ?? string.Empty;
            foreach (var problem in Syntax.IsHttpHeaderName(name))
            {
                context.Report(headers, FieldErrorType.Invalid, name, problem, at: header.Child("name").Anchor);
            }
        }
    }

    private static void Sleep(ValidationContext context, Field action, long? gracePeriod, PodValidationOptions options)
    {
        if (gracePeriod is not { } grace)
        {
            return;
        }

        var seconds = action.Child("seconds");
        var value = seconds.Integer ?? 0;
        if (options.AllowPodLifecycleSleepActionZeroValue)
        {
            if (value < 0 || value > grace)
            {
                context.Invalid(action, value, $"must be non-negative and less than terminationGracePeriodSeconds ({grace})");
            }
        }
        else if (value <= 0 || value > grace)
        {
            context.Invalid(action, value, $"must be greater than 0 and less than terminationGracePeriodSeconds ({grace}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.");
        }
    }

    private static void NonNegative(ValidationContext context, Field field, long fallback)
    {
        var value = Defaulted(field, fallback);
        if (value < 0)
        {
            context.Invalid(field, value, "must be greater than or equal to 0");
        }
    }

    /// <summary>The int32 value after <c>SetDefaults_Probe</c>: Go's zero (absent or 0) takes the default.</summary>
    private static long Defaulted(Field field, long fallback)
    {
        var value = GoRender.Int32(field);
        return value == 0 ? fallback : value;
    }
}
