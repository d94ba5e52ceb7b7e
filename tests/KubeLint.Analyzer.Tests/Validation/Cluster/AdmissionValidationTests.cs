using static KubeLint.Analyzer.Tests.Validation.ValidationTestHelper;

namespace KubeLint.Analyzer.Tests.Validation.Cluster;

public sealed class AdmissionValidationTests
{
    private const string Webhook = "apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingWebhookConfiguration\nmetadata:\n  name: policy\nwebhooks:\n  - name: validate.example.com\n    admissionReviewVersions: [v1]\n";

    [Test]
    public void A_webhook_with_a_service_and_rules_is_accepted()
        => Assert.That(Reported(Webhook + "    sideEffects: None\n    clientConfig:\n      service:\n        name: hook\n        namespace: system\n    rules:\n      - operations: [CREATE]\n        apiGroups: [\"\"]\n        apiVersions: [v1]\n        resources: [pods]\n"), Is.Empty);

    [Test]
    public void Side_effects_are_required_and_https_is_the_only_scheme()
        => Assert.That(Reported(Webhook + "    clientConfig:\n      url: http://hook.example.com/validate\n"), Is.EqualTo(new[]
        {
            "KL1104@6:5 webhooks[0].sideEffects: Required value: must specify one of None, NoneOnDryRun",
            "KL1106@9:12 webhooks[0].clientConfig.url: Invalid value: \"http\": 'https' is the only allowed URL scheme; desired format: https://host[/path]",
        }));

    [Test]
    public void Webhook_names_are_fully_qualified()
        => Assert.That(Reported("apiVersion: admissionregistration.k8s.io/v1\nkind: MutatingWebhookConfiguration\nmetadata:\n  name: policy\nwebhooks:\n  - name: validate\n    admissionReviewVersions: [v1]\n    sideEffects: None\n    clientConfig:\n      url: https://hook.example.com/\n"),
            Is.EqualTo(new[] { "KL1106@6:11 webhooks[0].name: Invalid value: \"validate\": should be a domain with at least three segments separated by dots" }));

    [Test]
    public void A_policy_needs_match_constraints_and_validations()
        => Assert.That(Reported("apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicy\nmetadata:\n  name: policy\nspec:\n  failurePolicy: Fail\n"), Is.EqualTo(new[]
        {
            "KL1104@5:1 spec.auditAnnotations: Required value: validations or auditAnnotations must contain at least one item",
            "KL1104@5:1 spec.matchConstraints: Required value",
            "KL1104@5:1 spec.validations: Required value: validations or auditAnnotations must contain at least one item",
        }));

    [Test]
    public void A_binding_needs_validation_actions()
        => Assert.That(Reported("apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicyBinding\nmetadata:\n  name: binding\nspec:\n  policyName: policy\n"),
            Is.EqualTo(new[] { "KL1104@5:1 spec.validationActions: Required value: at least one validation action is required" }));
}
