namespace KubeLint.Analyzer.Validation.Pods;

/// <summary>
/// The pod template of a PodTemplate and of every workload: <c>ValidatePodTemplateSpec</c>
/// (pkg/apis/core/validation/validation.go) as ValidatePodTemplate, ValidateReplicationControllerSpec, the apps and
/// batch validations call it. A StatefulSet's template is not validated on create
/// (apps <c>ValidatePodTemplateSpecForStatefulSet</c> skips the spec): its pods are validated when the controller
/// creates them, as Pods, and their errors are reported with a note saying so.
/// </summary>
public sealed class PodTemplateValidation : ObjectValidation
{
    /// <summary>What each finding about a StatefulSet's pod template starts with.</summary>
    public const string StatefulSetPodsPrefix = "the StatefulSet is accepted, but its pods would be rejected: ";

    public override string Area => ValidationAreas.Pods;

    public override IReadOnlyList<(string Group, string Kind)> Kinds { get; } =
    [
        (string.Empty, "PodTemplate"),
        (string.Empty, "ReplicationController"),
        ("apps", "Deployment"),
        ("apps", "ReplicaSet"),
        ("apps", "StatefulSet"),
        ("apps", "DaemonSet"),
        ("batch", "Job"),
        ("batch", "CronJob"),
    ];

    /// <summary>The pod template of a workload object, by kind.</summary>
    public static Field TemplateOf(Field root, string kind) => kind switch
    {
        "PodTemplate" => root.Child("template"),
        "CronJob" => root.Child("spec", "jobTemplate", "spec", "template"),
        _ => root.Child("spec", "template"),
    };


    public override void Validate(ValidationContext context)
    {
        var template = TemplateOf(context.Root, context.Object.Kind);
        if (context.Object.Kind == "ReplicationController" && !template.IsSet)
        {
            // The template is a pointer in ReplicationControllerSpec only; elsewhere an absent one validates as empty.
            context.Required(template);
            return;
        }

        // Deployments, ReplicaSets and StatefulSets validate their template only once the selector converts.
        var selector = context.Root.Child("spec", "selector");
        if (context.Object.Kind is "Deployment" or "ReplicaSet" or "StatefulSet" && selector.IsSet && !Metadata.LabelSelectorValidation.IsValidSelector(selector))
        {
            return;
        }

        if (context.Object.Kind == "StatefulSet")
        {
            context.MessagePrefix = StatefulSetPodsPrefix;
            var name = context.Root.Child("metadata", "name").String ?? string.Empty;
            var claims = context.Root.Child("spec", "volumeClaimTemplates").Items().Select(c => c.Child("metadata", "name").String ?? string.Empty);
            PodSpecValidation.ValidateTemplate(context, template, PodValidationOptions.ForPod(context.Version), name.Length > 0 ? name + "-0" : string.Empty, claims);
            return;
        }

        PodSpecValidation.ValidateTemplate(context, template, PodValidationOptions.ForTemplate(context.Version));
    }
}
