using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Validation.ApiExtensions;
using KubeLint.Analyzer.Validation.Autoscaling;
using KubeLint.Analyzer.Validation.Cluster;
using KubeLint.Analyzer.Validation.Configuration;
using KubeLint.Analyzer.Validation.Metadata;
using KubeLint.Analyzer.Validation.Networking;
using KubeLint.Analyzer.Validation.Pods;
using KubeLint.Analyzer.Validation.Policy;
using KubeLint.Analyzer.Validation.Rbac;
using KubeLint.Analyzer.Validation.Services;
using KubeLint.Analyzer.Validation.Storage;
using KubeLint.Analyzer.Validation.Workloads;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Validation;

/// <summary>
/// Runs the API server's defaulting and validation on one object, after its schema validation: every
/// <see cref="ObjectValidation"/> for the object's kind defaults the shared <see cref="ObjectView"/> first, then each
/// validates it, as the server's decoding (defaulting) precedes the REST strategy's <c>Validate</c>.
/// </summary>
public static class ApiValidation
{
    /// <summary>Every validation, in the order their findings are produced. Register a new validation here.</summary>
    private static readonly ObjectValidation[] Validations =
    [
        new ObjectMetaValidation(),
        new PodValidation(),
        new DeploymentValidation(),
        new ReplicaSetValidation(),
        new StatefulSetValidation(),
        new DaemonSetValidation(),
        new ReplicationControllerValidation(),
        new JobValidation(),
        new CronJobValidation(),
        new PodTemplateValidation(),
        new ServiceValidation(),
        new EndpointsValidation(),
        new ConfigMapValidation(),
        new SecretValidation(),
        new IngressValidation(),
        new IngressClassValidation(),
        new NetworkPolicyValidation(),
        new PodDisruptionBudgetValidation(),
        new RoleValidation(),
        new RoleBindingValidation(),
        new HorizontalPodAutoscalerValidation(),
        new PersistentVolumeValidation(),
        new PersistentVolumeClaimValidation(),
        new StorageClassValidation(),
        new VolumeAttachmentValidation(),
        new CsiDriverValidation(),
        new CsiNodeValidation(),
        new VolumeAttributesClassValidation(),
        new NamespaceValidation(),
        new NodeValidation(),
        new LimitRangeValidation(),
        new ResourceQuotaValidation(),
        new PriorityClassValidation(),
        new LeaseValidation(),
        new RuntimeClassValidation(),
        new EndpointSliceValidation(),
        new WebhookConfigurationValidation(),
        new ValidatingAdmissionPolicyValidation(),
        new CustomResourceDefinitionValidation(),
        new OpenApiSchemaValidation(),
    ];

    private static readonly ObjectValidation[] ForEveryKind = Validations.Where(v => v.Kinds.Count == 0).ToArray();

    private static readonly Dictionary<(string Group, string Kind), ObjectValidation[]> ByKind = IndexByKind();

    /// <summary>Every validation area's validations, for rules.md.</summary>
    public static IReadOnlyList<ObjectValidation> All => Validations;

    /// <summary>
    /// For each kind, the validations for every kind and then the kind's own, in <see cref="Validations"/> order.
    /// Built with plain loops: every one-file run builds this table, and in the native build LINQ's grouping over
    /// tuple keys (its lookup and grouping types, first used here) took about a fiftieth of such a run.
    /// </summary>
    private static Dictionary<(string Group, string Kind), ObjectValidation[]> IndexByKind()
    {
        var lists = new Dictionary<(string Group, string Kind), List<ObjectValidation>>();
        foreach (var validation in Validations)
        {
            foreach (var kind in validation.Kinds)
            {
                if (!lists.TryGetValue(kind, out var list))
                {
                    lists[kind] = list = new List<ObjectValidation>(ForEveryKind);
                }

                list.Add(validation);
            }
        }

        var byKind = new Dictionary<(string Group, string Kind), ObjectValidation[]>(lists.Count);
        foreach (var entry in lists)
        {
            byKind[entry.Key] = entry.Value.ToArray();
        }

        return byKind;
    }

    /// <summary>
    /// Whether the API validation of <paramref name="obj"/> reports the fields its kind requires and the values it
    /// supports, so that schema validation leaves out the OpenAPI <c>required</c> lists and the enumeration table
    /// (see <see cref="ObjectValidation.ReportsRequiredAndSupportedValues"/>). With the validation's area turned off,
    /// schema validation checks them again, as it did before the API server's own checks existed.
    /// </summary>
    public static bool ReportsRequiredAndSupportedValues(KubeObject obj, bool builtIn, AnalysisOptions options)
        => builtIn && ByKind.TryGetValue((obj.Group, obj.Kind), out var forKind)
            && forKind.Any(v => v.ReportsRequiredAndSupportedValues && options.IsAreaEnabled(v.Area) && v.AppliesTo(obj));

    /// <summary>
    /// Validates <paramref name="obj"/>; <paramref name="schemaReported"/> holds the positions schema validation
    /// reported for it, where nothing more is said; <paramref name="int32Wrapped"/> the numbers of int32 fields that
    /// decoding stores wrapped.
    /// </summary>
    public static void Run(AnalysisContext analysis, KubeObject obj, KubernetesVersion version, bool builtIn, HashSet<SourcePosition> schemaReported, IReadOnlyCollection<YamlScalar>? int32Wrapped = null)
    {
        var validations = builtIn && ByKind.TryGetValue((obj.Group, obj.Kind), out var forKind) ? forKind : ForEveryKind;
        var applicable = validations.Where(v => analysis.Options.IsAreaEnabled(v.Area) && v.AppliesTo(obj)).ToList();
        if (applicable.Count == 0)
        {
            return;
        }

        var view = new ObjectView(obj, int32Wrapped);
        foreach (var validation in applicable)
        {
            validation.Default(view);
        }

        var context = new ValidationContext(analysis, view, version, builtIn, schemaReported);
        foreach (var validation in applicable)
        {
            context.MessagePrefix = null;
            validation.Validate(context);
        }
    }
}
