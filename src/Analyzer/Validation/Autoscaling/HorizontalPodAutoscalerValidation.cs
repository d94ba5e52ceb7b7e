using KubeLint.Analyzer.Validation.Metadata;

namespace KubeLint.Analyzer.Validation.Autoscaling;

/// <summary>
/// <c>ValidateHorizontalPodAutoscaler</c> with <c>validateHorizontalPodAutoscalerSpec</c>, <c>validateMetrics</c>,
/// <c>validateMetricSpec</c> and <c>validateBehavior</c> (pkg/apis/autoscaling/validation/validation.go), after the
/// defaults of pkg/apis/autoscaling/v2/defaults.go (minReplicas 1; behavior rules that are not written, or written
/// without policies, take the default ones). autoscaling/v1 objects are validated through their conversion: the
/// CPU target becomes <c>spec.metrics[0].resource.target.averageUtilization</c>, the path the server reports.
/// Version differences: HPAScaleToZero stays off (minReplicas must be at least 1); HPAConfigurableTolerance (on from
/// 1.35) validates <c>behavior.*.tolerance</c>, which 1.33 and 1.34 drop.
/// </summary>
public sealed class HorizontalPodAutoscalerValidation : ObjectValidation
{
    /// <summary><c>MaxPeriodSeconds</c> and <c>MaxStabilizationWindowSeconds</c>.</summary>
    private const long MaxPeriodSeconds = 1800;
    private const long MaxStabilizationWindowSeconds = 3600;

    private static readonly string[] MetricTypes = ["ContainerResource", "External", "Object", "Pods", "Resource"];
    private static readonly string[] SelectPolicies = ["Disabled", "Max", "Min"];
    private static readonly string[] PolicyTypes = ["Percent", "Pods"];

    public override string Area => ValidationAreas.Autoscaling;

    public override IReadOnlyList<(string Group, string Kind)> Kinds { get; } = [("autoscaling", "HorizontalPodAutoscaler")];

    public override bool ReportsRequiredAndSupportedValues => true;

    public override void Default(ObjectView view) => view.Default(view.Root.Child("spec"), "minReplicas", 1L);

    public override void Validate(ValidationContext context)
    {
        var spec = context.Root.Child("spec");
        var minReplicas = spec.Child("minReplicas").Integer;
        if (minReplicas < 1)
        {
            context.Invalid(spec.Child("minReplicas"), minReplicas.Value, "must be greater than or equal to 1");
        }

        var maxReplicas = spec.Child("maxReplicas");
        var max = maxReplicas.Integer ?? 0;
        if (max < 1)
        {
            context.Invalid(maxReplicas, max, "must be greater than 0");
        }

        if (minReplicas is { } min && max < min)
        {
            context.Invalid(maxReplicas, max, "must be greater than or equal to `minReplicas`");
        }

        ValidateCrossVersionObjectReference(context, spec.Child("scaleTargetRef"));
        var metrics = spec.Child("metrics");
        if (context.Object.ApiVersion == "autoscaling/v1")
        {
            ValidateV1Target(context, spec, metrics);
        }
        else
        {
            foreach (var metric in metrics.Items())
            {
                ValidateMetricSpec(context, metric);
            }
        }

        if (minReplicas == 0 && !metrics.Items().Any(m => m.Child("type").String is "Object" or "External"))
        {
            context.Forbidden(metrics, "must specify at least one Object or External metric to support scaling to zero replicas");
        }

        var behavior = spec.Child("behavior");
        ValidateScalingRules(context, behavior.Child("scaleUp"));
        ValidateScalingRules(context, behavior.Child("scaleDown"));
    }

    /// <summary>The v1 CPU target, validated as the metric the conversion makes of it.</summary>
    private static void ValidateV1Target(ValidationContext context, Field spec, Field metrics)
    {
        var target = spec.Child("targetCPUUtilizationPercentage");
        if (target.Integer is < 1 and var utilization)
        {
            var path = metrics.Item(0).Child("resource", "target", "averageUtilization");
            context.Report(path, FieldErrorType.Invalid, utilization, "must be greater than 0", at: target.Anchor);
        }
    }

    /// <summary><c>ValidateCrossVersionObjectReference</c>.</summary>
    private static void ValidateCrossVersionObjectReference(ValidationContext context, Field reference)
    {
        foreach (var member in new[] { "kind", "name" })
        {
            var field = reference.Child(member);
            if (field.String is { Length: > 0 } text)
            {
                context.Invalid(field, text, NameFunctions.PathSegmentName(text, false));
            }
            else
            {
                context.Required(field);
            }
        }
    }

    /// <summary><c>validateMetricSpec</c>: the type, its source (only that one) and the source's target.</summary>
    private static void ValidateMetricSpec(ValidationContext context, Field metric)
    {
        var typeField = metric.Child("type");
        var type = typeField.String ?? string.Empty;
        if (type.Length == 0)
        {
            context.Required(typeField, "must specify a metric source type");
        }

        if (Array.IndexOf(MetricTypes, type) < 0)
        {
            context.NotSupported(typeField, type, MetricTypes);
        }

        // Upstream validates only the first source present, in this order.
        var present = new List<string>();
        foreach (var source in new[] { "object", "external", "pods", "resource", "containerResource" })
        {
            var field = metric.Child(source);
            if (!field.IsSet)
            {
                continue;
            }

            present.Add(source);
            if (present.Count == 1)
            {
                ValidateSource(context, source, field);
            }
        }

        var expected = type switch
        {
            "Object" => "object",
            "Pods" => "pods",
            "Resource" => "resource",
            "External" => "external",
            "ContainerResource" => "containerResource",
            _ => null,
        };
        if (expected is not null && !present.Contains(expected))
        {
            context.Required(metric.Child(expected), "must populate information for the given metric source");
        }

        if (present.Count != 1)
        {
            foreach (var other in present.Where(p => p != expected))
            {
                context.Forbidden(metric.Child(other), "must populate the given metric source only");
            }
        }
    }

    private static void ValidateSource(ValidationContext context, string source, Field field)
    {
        var target = field.Child("target");
        switch (source)
        {
            case "object":
                ValidateCrossVersionObjectReference(context, field.Child("describedObject"));
                ValidateMetricIdentifier(context, field.Child("metric"));
                ValidateMetricTarget(context, target);
                if (!target.Child("value").IsSet && !target.Child("averageValue").IsSet)
                {
                    context.Required(target.Child("averageValue"), "must set either a target value or averageValue");
                }

                break;
            case "external":
                ValidateMetricIdentifier(context, field.Child("metric"));
                ValidateMetricTarget(context, target);
                if (!target.Child("value").IsSet && !target.Child("averageValue").IsSet)
                {
                    context.Required(target.Child("averageValue"), "must set either a target value for metric or a per-pod target");
                }

                if (target.Child("value").IsSet && target.Child("averageValue").IsSet)
                {
                    context.Forbidden(target.Child("value"), "may not set both a target value for metric and a per-pod target");
                }

                break;
            case "pods":
                ValidateMetricIdentifier(context, field.Child("metric"));
                ValidateMetricTarget(context, target);
                if (!target.Child("averageValue").IsSet)
                {
                    context.Required(target.Child("averageValue"), "must specify a positive target averageValue");
                }

                break;
            default:
                ValidateResourceSource(context, field, source == "containerResource");
                break;
        }
    }

    /// <summary><c>validateResourceSource</c> and <c>validateContainerResourceSource</c>.</summary>
    private static void ValidateResourceSource(ValidationContext context, Field field, bool container)
    {
        var name = field.Child("name");
        if (name.String is not { Length: > 0 } resource)
        {
            context.Required(name, "must specify a resource name");
        }
        else if (container)
        {
            ResourceNames.ValidateContainerResourceName(context, name, resource);
        }

        if (container)
        {
            var containerName = field.Child("container");
            if (containerName.String is { Length: > 0 } text)
            {
                context.Invalid(containerName, text, Syntax.IsDns1123Label(text));
            }
            else
            {
                context.Required(containerName, "must specify a container");
            }
        }

        var target = field.Child("target");
        ValidateMetricTarget(context, target);
        var utilization = target.Child("averageUtilization");
        var averageValue = target.Child("averageValue");
        if (!utilization.IsSet && !averageValue.IsSet)
        {
            context.Required(utilization, "must set either a target raw value or a target utilization");
        }

        if (utilization.IsSet && averageValue.IsSet)
        {
            context.Forbidden(averageValue, "may not set both a target raw value and a target utilization");
        }
    }

    /// <summary><c>validateMetricTarget</c>.</summary>
    private static void ValidateMetricTarget(ValidationContext context, Field target)
    {
        var typeField = target.Child("type");
        var type = typeField.String ?? string.Empty;
        if (type.Length == 0)
        {
            context.Required(typeField, "must specify a metric target type");
        }

        if (type is not ("Utilization" or "Value" or "AverageValue"))
        {
            context.Invalid(typeField, type, "must be either Utilization, Value, or AverageValue");
        }

        foreach (var member in new[] { "value", "averageValue" })
        {
            var field = target.Child(member);
            // A *resource.Quantity: field errors print the value it points to with %#v.
            if (DecodedQuantity.TryRead(field, out var quantity) && !quantity.IsPositive)
            {
                context.Invalid(field, GoValue.Raw(quantity.GoSyntax), "must be positive");
            }
        }

        var utilization = target.Child("averageUtilization");
        if (utilization.Integer is < 1 and var percent)
        {
            context.Invalid(utilization, percent, "must be greater than 0");
        }
    }

    /// <summary><c>validateMetricIdentifier</c>: a name that is a path segment; its selector is a label selector.</summary>
    private static void ValidateMetricIdentifier(ValidationContext context, Field identifier)
    {
        var name = identifier.Child("name");
        if (name.String is { Length: > 0 } text)
        {
            context.Invalid(name, text, NameFunctions.PathSegmentName(text, false));
        }
        else
        {
            context.Required(name, "must specify a metric name");
        }
    }

    /// <summary><c>validateScalingRules</c> and <c>validateScalingPolicy</c> of a written rule set.</summary>
    private static void ValidateScalingRules(ValidationContext context, Field rules)
    {
        if (!rules.IsSet)
        {
            return;
        }

        var window = rules.Child("stabilizationWindowSeconds");
        if (window.Integer is { } seconds)
        {
            if (seconds < 0)
            {
                context.Invalid(window, seconds, "must be greater than or equal to zero");
            }

            if (seconds > MaxStabilizationWindowSeconds)
            {
                context.Invalid(window, seconds, $"must be less than or equal to {MaxStabilizationWindowSeconds}");
            }
        }

        var selectPolicy = rules.Child("selectPolicy");
        if (selectPolicy.String is { } select && Array.IndexOf(SelectPolicies, select) < 0)
        {
            context.NotSupported(selectPolicy, select, SelectPolicies);
        }

        var tolerance = rules.Child("tolerance");
        if (FeatureGates.IsEnabled(FeatureGates.HpaConfigurableTolerance, context.Version)
            && DecodedQuantity.TryRead(tolerance, out var quantity) && quantity.IsNegative)
        {
            context.Invalid(tolerance, GoValue.Raw(quantity.GoSyntax), "must be greater than or equal to zero");
        }

        // Policies left out (or null) are defaulted; a written empty list is not.
        var policies = rules.Child("policies");
        if (policies.IsSet && policies.Count == 0)
        {
            context.Required(policies, "must specify at least one Policy");
        }

        foreach (var policy in policies.Items())
        {
            var type = policy.Child("type");
            if (type.String is not ("Pods" or "Percent"))
            {
                context.NotSupported(type, type.String ?? string.Empty, PolicyTypes);
            }

            var value = policy.Child("value");
            if ((value.Integer ?? 0) <= 0)
            {
                context.Invalid(value, value.Integer ?? 0, "must be greater than zero");
            }

            var period = policy.Child("periodSeconds");
            var periodSeconds = period.Integer ?? 0;
            if (periodSeconds <= 0)
            {
                context.Invalid(period, periodSeconds, "must be greater than zero");
            }

            if (periodSeconds > MaxPeriodSeconds)
            {
                context.Invalid(period, periodSeconds, $"must be less than or equal to {MaxPeriodSeconds}");
            }
        }
    }
}
