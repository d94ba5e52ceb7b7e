using static KubeLint.Analyzer.Tests.Validation.ValidationTestHelper;

namespace KubeLint.Analyzer.Tests.Validation.Services;

public sealed class EndpointsValidationTests
{
    private static string Endpoints(string subsets) => "apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: web\nsubsets:\n" + subsets;

    [Test]
    public void A_subset_with_addresses_and_a_port_is_accepted()
        => Assert.That(Reported(Endpoints("  - addresses:\n      - ip: 10.0.0.5\n    ports:\n      - port: 80\n")), Is.Empty);

    [Test]
    public void A_subset_needs_addresses()
        => Assert.That(Reported(Endpoints("  - ports:\n      - port: 80\n")),
            Is.EqualTo(new[] { "KL1104@6:5 subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`" }));

    [Test]
    public void Addresses_may_not_be_loopback()
        => Assert.That(Reported(Endpoints("  - addresses:\n      - ip: 127.0.0.1\n")),
            Is.EqualTo(new[] { "KL1106@7:13 subsets[0].addresses[0].ip: Invalid value: \"127.0.0.1\": may not be in the loopback range (127.0.0.0/8, ::1/128)" }));
}
