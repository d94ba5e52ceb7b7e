using static KubeLint.Analyzer.Tests.Validation.ValidationTestHelper;

namespace KubeLint.Analyzer.Tests.Validation.Policy;

public sealed class PodDisruptionBudgetValidationTests
{
    private static string Budget(string spec) => "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: Web\nspec:\n" + spec;

    [Test]
    public void An_upper_case_name_and_a_percentage_are_accepted()
        => Assert.That(Reported(Budget("  maxUnavailable: 50%\n  selector:\n    matchLabels:\n      app: web\n")), Is.Empty);

    [Test]
    public void Min_available_and_max_unavailable_exclude_each_other()
        => Assert.That(Reported(Budget("  minAvailable: 1\n  maxUnavailable: 1\n")),
            Is.EqualTo(new[] { "KL1106@6:3 spec: Invalid value: policy.PodDisruptionBudgetSpec{...}: minAvailable and maxUnavailable cannot be both set" }));

    [Test]
    public void Percentages_are_at_most_100()
        => Assert.That(Reported(Budget("  maxUnavailable: 150%\n")),
            Is.EqualTo(new[] { "KL1106@6:19 spec.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"150%\"}: must not be greater than 100%" }));

    [Test]
    public void Counts_are_not_negative()
        => Assert.That(Reported(Budget("  minAvailable: -1\n")),
            Is.EqualTo(new[] { "KL1106@6:17 spec.minAvailable: Invalid value: -1: must be greater than or equal to 0" }));
}
