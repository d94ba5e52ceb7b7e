using KubeLint.Analyzer.Validation.Metadata;
using KubeLint.Analyzer.Validation.Pods;
using KubeLint.Analyzer.Validation.Storage;

namespace KubeLint.Analyzer.Validation.Workloads;

/// <summary>
/// <c>ValidateStatefulSetSpec</c> and <c>ValidatePodTemplateSpecForStatefulSet</c> (pkg/apis/apps/validation/validation.go)
/// after <c>SetDefaults_StatefulSet</c>. On create the server validates only the template's labels and annotations and
/// the restart policy of a StatefulSet's template, and nothing of its volumeClaimTemplates: its controller's pods
/// (<see cref="PodTemplateValidation"/>) and claims are rejected later, one by one, and those findings say so. The
/// update strategy is KL4002's. serviceName is optional: nothing validates it.
/// </summary>
public sealed class StatefulSetValidation : ObjectValidation
{
    /// <summary>What each finding about a claim created from a volumeClaimTemplate starts with.</summary>
    public const string ClaimsPrefix = "the StatefulSet is accepted, but its claims would be rejected: ";

    private static readonly string[] RetentionPolicies = ["Retain", "Delete"];

    public override string Area => ValidationAreas.Workloads;

    public override IReadOnlyList<(string Group, string Kind)> Kinds { get; } = [("apps", "StatefulSet")];

    public override void Default(ObjectView view)
    {
        var spec = view.Root.Child("spec");
        if (spec.Mapping is null)
        {
            return;
        }

        view.Default(spec, "podManagementPolicy", "OrderedReady");
        view.Default(spec, "replicas", 1);
        view.Default(spec, "revisionHistoryLimit", 10);
    }

    public override void Validate(ValidationContext context)
    {
        var spec = context.Root.Child("spec");
        var policy = spec.Child("podManagementPolicy");
        if (policy.String is { Length: > 0 } policyText && policyText is not ("OrderedReady" or "Parallel"))
        {
            context.Invalid(policy, policyText, "must be 'OrderedReady' or 'Parallel'");
        }

        var retention = spec.Child("persistentVolumeClaimRetentionPolicy");
        foreach (var key in new[] { "whenDeleted", "whenScaled" })
        {
            var field = retention.Child(key);
            if (field.String is { Length: > 0 } value && Array.IndexOf(RetentionPolicies, value) < 0)
            {
                context.NotSupported(field, value, RetentionPolicies);
            }
        }

        WorkloadChecks.NonNegative(context, spec.Child("replicas"));
        WorkloadChecks.NonNegative(context, spec.Child("minReadySeconds"));
        var start = spec.Child("ordinals", "start");
        WorkloadChecks.NonNegative(context, start.WithPath(spec.Child("ordinals.start")));
        WorkloadChecks.Selector(context, spec, string.Empty);
        var template = spec.Child("template");
        var selector = spec.Child("selector");
        if (!selector.IsSet || LabelSelectorValidation.IsValidSelector(selector))
        {
            PodSpecValidation.ValidateTemplateAnnotations(context, template);
        }

        WorkloadChecks.RestartAlways(context, template, "StatefulSet");
        ValidateClaimTemplates(context, spec);
    }

    /// <summary>The claims the controller creates, named "&lt;template&gt;-&lt;set&gt;-&lt;ordinal&gt;", as ValidatePersistentVolumeClaim checks them.</summary>
    private static void ValidateClaimTemplates(ValidationContext context, Field spec)
    {
        var claims = spec.Child("volumeClaimTemplates");
        if (claims.Count == 0)
        {
            return;
        }

        context.MessagePrefix = ClaimsPrefix;
        var setName = context.Root.Child("metadata", "name").String ?? string.Empty;
        foreach (var claim in claims.Items())
        {
            var name = claim.Child("metadata", "name");
            var claimName = (name.String ?? string.Empty) + "-" + setName + "-0";
            if (setName.Length > 0)
            {
                foreach (var problem in NameFunctions.NameIsDnsSubdomain(claimName, false))
                {
                    context.Invalid(name, claimName, problem);
                }
            }

            PersistentVolumeClaimSpecValidation.Validate(context, claim.Child("spec"));
        }

        context.MessagePrefix = null;
    }
}
