using System.Text;

namespace KubeLint.Analyzer.Validation.Storage;

/// <summary>
/// <c>ValidateStorageClass</c> (pkg/apis/storage/validation/validation.go) with <c>ValidateTopologySelectorTerm</c>
/// (pkg/apis/core/validation) after <c>SetDefaults_StorageClass</c> (pkg/apis/storage/v1/defaults.go: reclaim policy
/// Delete, binding mode Immediate). Upstream names the fields without a <c>spec.</c> prefix.
/// </summary>
public sealed class StorageClassValidation : ObjectValidation
{
    private static readonly string[] ReclaimPolicies = ["Delete", "Retain"];
    private static readonly string[] BindingModes = ["Immediate", "WaitForFirstConsumer"];

    public override string Area => ValidationAreas.Storage;

    public override IReadOnlyList<(string Group, string Kind)> Kinds { get; } = [("storage.k8s.io", "StorageClass")];

    public override bool ReportsRequiredAndSupportedValues => true;

    public override void Default(ObjectView view)
    {
        view.Default(view.Root, "reclaimPolicy", "Delete");
        view.Default(view.Root, "volumeBindingMode", "Immediate");
    }

    public override void Validate(ValidationContext context)
    {
        var root = context.Root;
        StorageParameters.ValidateProvisioner(context, root.Child("provisioner"));
        StorageParameters.Validate(context, root.Child("parameters"), allowEmpty: true);
        var reclaimPolicy = root.Child("reclaimPolicy");
        if (reclaimPolicy.String is { Length: > 0 } policy && Array.IndexOf(ReclaimPolicies, policy) < 0)
        {
            context.NotSupported(reclaimPolicy, policy, ReclaimPolicies);
        }

        var bindingMode = root.Child("volumeBindingMode");
        if (bindingMode.String is { } mode && Array.IndexOf(BindingModes, mode) < 0)
        {
            context.NotSupported(bindingMode, mode, BindingModes);
        }

        ValidateAllowedTopologies(context, root.Child("allowedTopologies"));
    }

    /// <summary>
    /// <c>validateAllowedTopologies</c>. Upstream compares each term with the terms before it in a list that starts
    /// with one empty entry per term, so a term without expressions always counts as a duplicate.
    /// </summary>
    private static void ValidateAllowedTopologies(ValidationContext context, Field topologies)
    {
        var seen = new List<string>();
        foreach (var term in topologies.Items())
        {
            var expressions = term.Child("matchLabelExpressions");
            var map = ValidateTopologySelectorTerm(context, expressions);
            if (map.Length == 0 || seen.Contains(map))
            {
                context.Duplicate(expressions, string.Empty);
            }

            seen.Add(map);
        }
    }

    /// <summary><c>ValidateTopologySelectorTerm</c>; returns the term's key/values set, canonically written.</summary>
    private static string ValidateTopologySelectorTerm(ValidationContext context, Field expressions)
    {
        var map = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var requirement in expressions.Items())
        {
            var values = requirement.Child("values");
            if (values.Count == 0)
            {
                context.Required(values);
            }

            var set = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var value in values.Items())
            {
                var text = value.String ?? string.Empty;
                if (!set.Add(text))
                {
                    context.Duplicate(value, text);
                }
            }

            var key = requirement.Child("key");
            var keyText = key.String ?? string.Empty;
            context.Invalid(key, keyText, Syntax.IsQualifiedName(keyText));
            if (map.ContainsKey(keyText))
            {
                context.Duplicate(key, keyText);
            }

            map[keyText] = set;
        }

        var canonical = new StringBuilder();
        foreach (var pair in map)
        {
            canonical.Append(pair.Key).Append('\u0000').Append(string.Join("\u0001", pair.Value)).Append('\u0002');
        }

        return canonical.ToString();
    }
}
