using KubeLint.Analyzer.Validation.Metadata;

namespace KubeLint.Analyzer.Validation.Rbac;

/// <summary>
/// <c>ValidateRoleBinding</c>, <c>ValidateClusterRoleBinding</c> and <c>ValidateRoleBindingSubject</c>
/// (pkg/apis/rbac/validation/validation.go) after <c>SetDefaults_RoleBinding</c>, <c>SetDefaults_ClusterRoleBinding</c>
/// and <c>SetDefaults_Subject</c> (pkg/apis/rbac/v1/defaults.go): a role reference without an API group is an RBAC
/// one, and User and Group subjects default to that group too.
/// </summary>
public sealed class RoleBindingValidation : ObjectValidation
{
    private const string Group = "rbac.authorization.k8s.io";

    private static readonly string[] SubjectKinds = ["ServiceAccount", "User", "Group"];
    private static readonly string[] RoleKinds = ["Role", "ClusterRole"];
    private static readonly string[] ClusterRoleKinds = ["ClusterRole"];

    public override string Area => ValidationAreas.Rbac;

    public override IReadOnlyList<(string Group, string Kind)> Kinds { get; } = [(Group, "RoleBinding"), (Group, "ClusterRoleBinding")];

    public override bool ReportsRequiredAndSupportedValues => true;

    public override void Default(ObjectView view)
    {
        view.DefaultEmpty(view.Root.Child("roleRef"), "apiGroup", Group);
        foreach (var subject in view.Root.Child("subjects").Items())
        {
            if (subject.Child("kind").String is "User" or "Group")
            {
                view.DefaultEmpty(subject, "apiGroup", Group);
            }
        }
    }

    public override void Validate(ValidationContext context)
    {
        var namespaced = context.Object.Kind == "RoleBinding";
        var roleRef = context.Root.Child("roleRef");
        var apiGroup = roleRef.Child("apiGroup");
        if ((apiGroup.String ?? string.Empty) != Group)
        {
            context.NotSupported(apiGroup, apiGroup.String ?? string.Empty, [Group]);
        }

        var kind = roleRef.Child("kind");
        var kinds = namespaced ? RoleKinds : ClusterRoleKinds;
        if (Array.IndexOf(kinds, kind.String ?? string.Empty) < 0)
        {
            context.NotSupported(kind, kind.String ?? string.Empty, kinds);
        }

        var name = roleRef.Child("name");
        if (name.String is { Length: > 0 } roleName)
        {
            context.Invalid(name, roleName, NameFunctions.PathSegmentName(roleName, false));
        }
        else
        {
            context.Required(name);
        }

        foreach (var subject in context.Root.Child("subjects").Items())
        {
            ValidateSubject(context, subject, namespaced);
        }
    }

    /// <summary><c>ValidateRoleBindingSubject</c>.</summary>
    private static void ValidateSubject(ValidationContext context, Field subject, bool namespaced)
    {
        var name = subject.Child("name");
        var nameText = name.String ?? string.Empty;
        if (nameText.Length == 0)
        {
            context.Required(name);
        }

        var apiGroup = subject.Child("apiGroup");
        var group = apiGroup.String ?? string.Empty;
        var kind = subject.Child("kind");
        switch (kind.String ?? string.Empty)
        {
            case "ServiceAccount":
                if (nameText.Length > 0)
                {
                    context.Invalid(name, nameText, NameFunctions.NameIsDnsSubdomain(nameText, false));
                }

                if (group.Length > 0)
                {
                    context.NotSupported(apiGroup, group, [string.Empty]);
                }

                if (!namespaced && subject.Child("namespace").String is not { Length: > 0 })
                {
                    context.Required(subject.Child("namespace"));
                }

                break;
            case "User" or "Group":
                if (group != Group)
                {
                    context.NotSupported(apiGroup, group, [Group]);
                }

                break;
            case var other:
                context.NotSupported(kind, other, SubjectKinds);
                break;
        }
    }
}
