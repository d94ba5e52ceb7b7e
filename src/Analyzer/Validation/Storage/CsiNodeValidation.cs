namespace KubeLint.Analyzer.Validation.Storage;

/// <summary>
/// <c>ValidateCSINode</c>, <c>validateCSINodeDriver</c>, <c>validateCSINodeDriverNodeID</c> and
/// <c>validateCSINodeDriverAllocatable</c> (pkg/apis/storage/validation/validation.go), on create (node IDs up to 192 characters).
/// </summary>
public sealed class CsiNodeValidation : ObjectValidation
{
    private const int MaxNodeIdLength = 192;

    public override string Area => ValidationAreas.Storage;

    public override IReadOnlyList<(string Group, string Kind)> Kinds { get; } = [("storage.k8s.io", "CSINode")];

    public override bool ReportsRequiredAndSupportedValues => true;

    public override void Validate(ValidationContext context)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var driver in context.Root.Child("spec", "drivers").Items())
        {
            var name = driver.Child("name");
            StorageParameters.ValidateCsiDriverName(context, name);
            var nodeId = driver.Child("nodeID");
            var id = nodeId.String ?? string.Empty;
            if (id.Length == 0)
            {
                context.Required(nodeId);
            }

            if (id.Length > MaxNodeIdLength)
            {
                context.Invalid(nodeId, id, $"must be {MaxNodeIdLength} characters or less");
            }

            var count = driver.Child("allocatable", "count");
            if (count.Integer is < 0 and var negative)
            {
                context.Invalid(count, negative, "must be greater than or equal to 0");
            }

            var nameText = name.String ?? string.Empty;
            if (!names.Add(nameText))
            {
                context.Duplicate(name, nameText);
            }

            var keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var key in driver.Child("topologyKeys").Items())
            {
                var text = key.String ?? string.Empty;
                if (text.Length == 0)
                {
                    context.Required(driver);
                }

                if (!keys.Add(text))
                {
                    context.Report(driver, FieldErrorType.Duplicate, text, string.Empty, at: key.Anchor);
                }

                foreach (var problem in Syntax.IsQualifiedName(text))
                {
                    context.Report(driver, FieldErrorType.Invalid, text, problem, at: key.Anchor);
                }
            }
        }
    }
}
