using static KubeLint.Analyzer.Tests.Validation.ValidationTestHelper;

namespace KubeLint.Analyzer.Tests.Validation.Rbac;

public sealed class RbacValidationTests
{
    private const string Group = "rbac.authorization.k8s.io";

    private static string Role(string kind, string rules) => $"apiVersion: {Group}/v1\nkind: {kind}\nmetadata:\n  name: reader\nrules:\n" + rules;

    private static string Binding(string kind, string body) => $"apiVersion: {Group}/v1\nkind: {kind}\nmetadata:\n  name: readers\n" + body;

    [Test]
    public void A_rule_needs_api_groups_and_verbs()
        => Assert.That(Reported(Role("Role", "  - resources: [pods]\n")), Is.EqualTo(new[]
        {
            "KL1104@6:5 rules[0].apiGroups: Required value: resource rules must supply at least one api group",
            "KL1104@6:5 rules[0].verbs: Required value: verbs must contain at least one value",
        }));

    [Test]
    public void Non_resource_urls_belong_to_cluster_roles()
        => Assert.That(Reported(Role("Role", "  - nonResourceURLs: [/healthz]\n    verbs: [get]\n")),
            Is.EqualTo(new[] { "KL1106@6:22 rules[0].nonResourceURLs: Invalid value: []string{\"/healthz\"}: namespaced rules cannot apply to non-resource URLs" }));

    [Test]
    public void A_cluster_role_may_grant_non_resource_urls()
        => Assert.That(Reported(Role("ClusterRole", "  - nonResourceURLs: [/healthz]\n    verbs: [get]\n")), Is.Empty);

    [Test]
    public void A_role_reference_without_api_group_is_defaulted()
        => Assert.That(Reported(Binding("RoleBinding", "roleRef:\n  kind: Role\n  name: reader\nsubjects:\n  - kind: User\n    name: jane\n")), Is.Empty);

    [Test]
    public void A_cluster_role_binding_refers_to_cluster_roles()
        => Assert.That(Reported(Binding("ClusterRoleBinding", "roleRef:\n  kind: Role\n  name: reader\n")),
            Is.EqualTo(new[] { "KL1105@6:9 roleRef.kind: Unsupported value: \"Role\": supported values: \"ClusterRole\"" }));

    [Test]
    public void Service_accounts_of_cluster_bindings_need_a_namespace()
        => Assert.That(Reported(Binding("ClusterRoleBinding", "roleRef:\n  kind: ClusterRole\n  name: view\nsubjects:\n  - kind: ServiceAccount\n    name: agent\n")),
            Is.EqualTo(new[] { "KL1104@9:5 subjects[0].namespace: Required value" }));
}
