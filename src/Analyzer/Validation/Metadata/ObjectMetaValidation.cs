using System.Text;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Schema;

namespace KubeLint.Analyzer.Validation.Metadata;

/// <summary>
/// <c>ValidateObjectMetaAccessor</c> (staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go) with the
/// kind's name function, plus core's finalizer check (<c>validateKubeFinalizerName</c>, pkg/apis/core/validation).
/// Namespaces are checked only when written: a missing one is the request's, and on cluster-scoped kinds the
/// registry clears it before validation, so it is never an error there.
/// </summary>
public sealed class ObjectMetaValidation : ObjectValidation
{
    /// <summary><c>TotalAnnotationSizeLimitB</c>: 256 KiB of keys and values together.</summary>
    public const int TotalAnnotationSizeLimit = 256 * 1024;

    private static readonly HashSet<string> StandardFinalizers = new(StringComparer.Ordinal) { "kubernetes", "orphan", "foregroundDeletion" };

    public override string Area => ValidationAreas.Metadata;

    /// <summary>Every kind: the registry validates the metadata of every object it stores.</summary>
    public override IReadOnlyList<(string Group, string Kind)> Kinds { get; } = [];

    /// <summary>Lists and reviews (TokenReview, ...) are not stored, so nothing checks their metadata.</summary>
    public override bool AppliesTo(KubeObject obj)
        => !obj.Kind.EndsWith("List", StringComparison.Ordinal) && !obj.Kind.EndsWith("Review", StringComparison.Ordinal);

    public override void Validate(ValidationContext context)
    {
        var obj = context.Object;
        var metadata = context.Root.Child("metadata");
        // Custom resources: apiextensions-apiserver's customResourceStrategy.Validate uses NameIsDNSSubdomain.
        var nameFunction = context.IsBuiltIn ? NameFunctions.For(obj.Group, obj.Kind) : NameFunctions.NameIsDnsSubdomain;
        var generateName = metadata.Child("generateName");
        if (generateName.String is { Length: > 0 } prefix)
        {
            InvalidName(context, generateName, prefix, nameFunction(prefix, true));
        }

        var name = metadata.Child("name");
        if (name.String is { Length: > 0 } text)
        {
            InvalidName(context, name, text, nameFunction(text, false));
        }
        else if (generateName.String is not { Length: > 0 })
        {
            context.Required(name, "name or generateName is required");
        }

        var ns = metadata.Child("namespace");
        if (!ClusterScopedKinds.Contains(obj.Group, obj.Kind) && ns.String is { Length: > 0 } namespaceName)
        {
            InvalidName(context, ns, namespaceName, NameFunctions.NameIsDnsLabel(namespaceName, false));
        }

        if (metadata.Child("generation").Integer is < 0 and var generation)
        {
            context.Invalid(metadata.Child("generation"), generation, "must be greater than or equal to 0");
        }

        ValidateAnnotations(context, metadata.Child("annotations"));
        ValidateOwnerReferences(context, metadata.Child("ownerReferences"));
        ValidateFinalizers(context, metadata.Child("finalizers"), context.IsBuiltIn && UsesCoreFinalizerCheck(obj));
    }

    /// <summary>Names are reported under their own rule (KL1110), as the server's "Invalid value".</summary>
    private static void InvalidName(ValidationContext context, Field field, string value, IReadOnlyList<string> problems)
    {
        foreach (var problem in problems)
        {
            context.Report(field, FieldErrorType.Invalid, value, problem, rule: SchemaRules.InvalidName);
        }
    }

    /// <summary>
    /// <c>ValidateAnnotations</c>: keys are qualified names, compared in lower case; keys and values together stay
    /// within 256 KiB. Label maps are checked by schema validation wherever ObjectMeta appears.
    /// </summary>
    internal static void ValidateAnnotations(ValidationContext context, Field annotations)
    {
        long size = 0;
        foreach (var (key, value) in annotations.Entries())
        {
            var problems = Syntax.IsQualifiedName(key.ToLowerInvariant());
            foreach (var problem in problems)
            {
                context.Report(annotations, FieldErrorType.Invalid, key, problem, at: value.KeyNode);
            }

            size += Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(value.String ?? string.Empty);
        }

        if (size > TotalAnnotationSizeLimit)
        {
            context.TooLong(annotations, TotalAnnotationSizeLimit);
        }
    }

    /// <summary><c>ValidateOwnerReferences</c> and <c>validateOwnerReference</c>.</summary>
    private static void ValidateOwnerReferences(ValidationContext context, Field references)
    {
        string? firstController = null;
        foreach (var reference in references.Items())
        {
            var apiVersion = reference.Child("apiVersion").String ?? string.Empty;
            var kind = reference.Child("kind").String ?? string.Empty;
            var slash = apiVersion.LastIndexOf('/');
            var version = slash < 0 ? apiVersion : apiVersion.Substring(slash + 1);
            var group = slash < 0 ? string.Empty : apiVersion.Substring(0, slash);
            if (version.Length == 0)
            {
                context.Invalid(references.Child("apiVersion"), apiVersion, "version must not be empty");
            }

            if (kind.Length == 0)
            {
                context.Invalid(references.Child("kind"), kind, "kind must not be empty");
            }

            if ((reference.Child("name").String ?? string.Empty).Length == 0)
            {
                context.Invalid(references.Child("name"), string.Empty, "name must not be empty");
            }

            if ((reference.Child("uid").String ?? string.Empty).Length == 0)
            {
                context.Invalid(references.Child("uid"), string.Empty, "uid must not be empty");
            }

            if (group.Length == 0 && version == "v1" && kind == "Event")
            {
                context.Report(references, FieldErrorType.Invalid, GoValue.Raw(OwnerReferenceText(reference)), "/v1, Kind=Event is disallowed from being an owner", at: reference.Anchor);
            }

            if (reference.Child("controller").Boolean == true)
            {
                var current = kind + "/" + (reference.Child("name").String ?? string.Empty);
                if (firstController is null)
                {
                    firstController = current;
                }
                else
                {
                    context.Report(
                        references,
                        FieldErrorType.Invalid,
                        GoValue.Raw("[]v1.OwnerReference{...}"),
                        $"Only one reference can have Controller set to true. Found \"true\" in references for {firstController} and {current}",
                        at: reference.Anchor);
                }
            }
        }
    }

    /// <summary><c>ValidateFinalizers</c> with core's <c>validateKubeFinalizerName</c> where the kind's validation runs it.</summary>
    private static void ValidateFinalizers(ValidationContext context, Field finalizers, bool coreCheck)
    {
        var orphan = false;
        var foreground = false;
        foreach (var item in finalizers.Items())
        {
            if (item.String is not { } finalizer)
            {
                continue;
            }

            foreach (var problem in Syntax.IsQualifiedName(finalizer))
            {
                context.Report(finalizers, FieldErrorType.Invalid, finalizer, problem, at: item.Anchor);
            }

            orphan |= finalizer == "orphan";
            foreground |= finalizer == "foregroundDeletion";
            if (coreCheck && finalizer.IndexOf('/') < 0 && !StandardFinalizers.Contains(finalizer))
            {
                context.Invalid(item, finalizer, "name is neither a standard finalizer name nor is it fully qualified");
            }
        }

        if (orphan && foreground)
        {
            var listed = string.Join(", ", finalizers.Items().Select(i => GoValue.Quote(i.String ?? string.Empty)));
            context.Invalid(finalizers, GoValue.Raw("[]string{" + listed + "}"), "finalizer orphan and foregroundDeletion cannot be both set");
        }
    }

    /// <summary>
    /// Kinds validated through core's <c>ValidateObjectMeta</c> wrapper get the standard-finalizer check; those
    /// validated with apimachinery's directly (admission registration, the registry's own check for kinds whose
    /// validation skips metadata, such as PodDisruptionBudget) and custom resources do not.
    /// </summary>
    private static bool UsesCoreFinalizerCheck(KubeObject obj)
        => obj.Group is not ("admissionregistration.k8s.io" or "apiextensions.k8s.io") && !obj.Is("policy", "PodDisruptionBudget");

    private static string OwnerReferenceText(Field reference)
        => $"v1.OwnerReference{{APIVersion:{GoValue.Quote(reference.Child("apiVersion").String ?? string.Empty)}, Kind:{GoValue.Quote(reference.Child("kind").String ?? string.Empty)}, Name:{GoValue.Quote(reference.Child("name").String ?? string.Empty)}, UID:{GoValue.Quote(reference.Child("uid").String ?? string.Empty)}, Controller:(*bool)(nil), BlockOwnerDeletion:(*bool)(nil)}}";
}
