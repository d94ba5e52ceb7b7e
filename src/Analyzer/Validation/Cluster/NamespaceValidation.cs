namespace KubeLint.Analyzer.Validation.Cluster;

/// <summary>
/// <c>ValidateNamespace</c> (pkg/apis/core/validation/validation.go): the spec's finalizers are qualified names, and
/// those without a domain must be standard ones. Upstream reports them at <c>spec.finalizers</c>, without an index.
/// </summary>
public sealed class NamespaceValidation : ObjectValidation
{
    private static readonly HashSet<string> StandardFinalizers = new(StringComparer.Ordinal) { "kubernetes", "orphan", "foregroundDeletion" };

    public override string Area => ValidationAreas.Cluster;

    public override IReadOnlyList<(string Group, string Kind)> Kinds { get; } = [("", "Namespace")];

    public override bool ReportsRequiredAndSupportedValues => true;

    public override void Validate(ValidationContext context)
    {
        var finalizers = context.Root.Child("spec", "finalizers");
        foreach (var item in finalizers.Items())
        {
            if (item.String is not { } name)
            {
                continue;
            }

            foreach (var problem in Syntax.IsQualifiedName(name))
            {
                context.Report(finalizers, FieldErrorType.Invalid, name, problem, at: item.Anchor);
            }

            if (name.IndexOf('/') < 0 && !StandardFinalizers.Contains(name))
            {
                context.Report(finalizers, FieldErrorType.Invalid, name, "name is neither a standard finalizer name nor is it fully qualified", at: item.Anchor);
            }
        }
    }
}
