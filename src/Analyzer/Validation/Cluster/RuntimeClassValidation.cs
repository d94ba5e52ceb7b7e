namespace KubeLint.Analyzer.Validation.Cluster;

/// <summary>
/// <c>ValidateRuntimeClass</c> (pkg/apis/node/validation/validation.go): the handler is a DNS label and the scheduling
/// node selector a label map. The overhead and the scheduling tolerations follow the pod rules of the same names.
/// </summary>
public sealed class RuntimeClassValidation : ObjectValidation
{
    public override string Area => ValidationAreas.Cluster;

    public override IReadOnlyList<(string Group, string Kind)> Kinds { get; } = [("node.k8s.io", "RuntimeClass")];

    public override bool ReportsRequiredAndSupportedValues => true;

    public override void Validate(ValidationContext context)
    {
        var handler = context.Root.Child("handler");
        var text = handler.String ?? string.Empty;
        context.Invalid(handler, text, Syntax.IsDns1123Label(text));

        // ValidateLabels: problems name the map, and point at the key or value concerned.
        var nodeSelector = context.Root.Child("scheduling", "nodeSelector");
        foreach (var (key, value) in nodeSelector.Entries())
        {
            foreach (var problem in Syntax.IsQualifiedName(key))
            {
                context.Report(nodeSelector, FieldErrorType.Invalid, key, problem, at: value.KeyNode);
            }

            if (value.String is { } label)
            {
                context.Invalid(value.WithPath(nodeSelector), label, Syntax.IsValidLabelValue(label));
            }
        }
    }
}
