using KubeLint.Analyzer.Engine;
using static KubeLint.Analyzer.Tests.Validation.ValidationTestHelper;

namespace KubeLint.Analyzer.Tests.Validation.Services;

/// <summary>ValidateService with SetDefaults_Service and the REST storage's allocator checks, as kube-apiserver runs them on create.</summary>
public sealed class ServiceValidationTests
{
    private static string Service(string spec) => "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n" + spec;

    [Test]
    public void A_valid_service_with_defaults_is_accepted()
        => Assert.That(Reported(Service("  selector:\n    app: web\n  ports:\n    - port: 80\n")), Is.Empty);

    [Test]
    public void Several_ports_need_names()
        => Assert.That(Reported(Service("  ports:\n    - port: 80\n    - port: 443\n")), Is.EqualTo(new[]
        {
            "KL1104@7:7 spec.ports[0].name: Required value",
            "KL1104@8:7 spec.ports[1].name: Required value",
        }));

    [Test]
    public void Port_names_are_unique_dns_labels()
        => Assert.That(Reported(Service("  ports:\n    - name: web\n      port: 80\n    - name: web\n      port: 81\n")),
            Is.EqualTo(new[] { "KL1108@9:13 spec.ports[1].name: Duplicate value: \"web\"" }));

    [Test]
    public void A_port_out_of_range_is_reported_with_its_defaulted_target_port()
        => Assert.That(Reported(Service("  ports:\n    - port: -1\n")), Is.EqualTo(new[]
        {
            "KL1106@7:7 spec.ports[0].targetPort: Invalid value: -1: must be between 1 and 65535, inclusive",
            "KL1106@7:13 spec.ports[0].port: Invalid value: -1: must be between 1 and 65535, inclusive",
        }));

    [Test]
    public void A_named_target_port_is_an_iana_service_name()
        => Assert.That(Reported(Service("  ports:\n    - port: 80\n      targetPort: HTTP_PORT\n")), Is.EqualTo(new[]
        {
            "KL1106@8:19 spec.ports[0].targetPort: Invalid value: \"HTTP_PORT\": must contain at least one letter (a-z)",
            "KL1106@8:19 spec.ports[0].targetPort: Invalid value: \"HTTP_PORT\": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)",
        }));

    [Test]
    public void Protocols_are_case_sensitive_in_the_servers_words()
        => Assert.That(Reported(Service("  ports:\n    - port: 80\n      protocol: tcp\n")),
            Is.EqualTo(new[] { "KL1105@8:17 spec.ports[0].protocol: Unsupported value: \"tcp\": supported values: \"SCTP\", \"TCP\", \"UDP\"" }));

    [Test]
    public void A_node_port_on_a_cluster_ip_service_is_forbidden()
        => Assert.That(Reported(Service("  ports:\n    - port: 80\n      nodePort: 30080\n")),
            Is.EqualTo(new[] { "KL1106@8:17 spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'" }));

    [TestCase(29999)]
    [TestCase(32768)]
    public void Node_ports_outside_the_range_are_rejected_by_the_allocator(int port)
        => Assert.That(Reported(Service($"  type: NodePort\n  ports:\n    - port: 80\n      nodePort: {port}\n")),
            Is.EqualTo(new[] { $"KL1106@9:17 spec.ports[0].nodePort: Invalid value: {port}: provided port is not in the valid range. The range of valid ports is 30000-32767" }));

    [Test]
    public void The_node_port_range_is_a_parameter_of_invalid_value()
    {
        var options = new AnalysisOptions
        {
            Rules = new Dictionary<string, RuleSettings>(StringComparer.OrdinalIgnoreCase)
            {
                ["invalid-value"] = new() { Parameters = new Dictionary<string, string> { ["nodePortRange"] = "20000-22767" } },
            },
        };
        var yaml = Service("  type: NodePort\n  ports:\n    - port: 80\n      nodePort: 30080\n");
        Assert.Multiple(() =>
        {
            Assert.That(Reported(yaml, options: options), Is.EqualTo(new[] { "KL1106@9:17 spec.ports[0].nodePort: Invalid value: 30080: provided port is not in the valid range. The range of valid ports is 20000-22767" }));
            Assert.That(Reported(Service("  type: NodePort\n  ports:\n    - port: 80\n      nodePort: 21000\n"), options: options), Is.Empty);
        });
    }

    [Test]
    public void Two_port_numbers_cannot_share_a_node_port()
        => Assert.That(Reported(Service("  type: NodePort\n  ports:\n    - name: a\n      port: 80\n      nodePort: 30080\n    - name: b\n      port: 81\n      nodePort: 30080\n")),
            Is.EqualTo(new[] { "KL1106@13:17 spec.ports[1].nodePort: Invalid value: 30080: provided port is already allocated" }));

    [Test]
    public void The_same_port_number_over_two_protocols_shares_its_node_port()
        => Assert.That(Reported(Service("  type: NodePort\n  ports:\n    - name: tcp\n      port: 53\n      nodePort: 30053\n    - name: udp\n      port: 53\n      protocol: UDP\n      nodePort: 30053\n")), Is.Empty);

    [Test]
    public void Headless_node_port_services_are_rejected_at_the_normalized_cluster_ips()
        => Assert.That(Reported(Service("  type: NodePort\n  clusterIP: None\n  ports:\n    - port: 80\n")),
            Is.EqualTo(new[] { "KL1106@7:14 spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for NodePort services" }));

    [Test]
    public void Cluster_ips_must_be_addresses()
        => Assert.That(Reported(Service("  clusterIP: 10.96.0.300\n  ports:\n    - port: 80\n")),
            Is.EqualTo(new[] { "KL1106@6:14 spec.clusterIPs[0]: Invalid value: \"10.96.0.300\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)" }));

    [Test]
    public void Duplicate_families_stop_the_allocator_before_its_single_stack_check()
        => Assert.That(Reported(Service("  ipFamilies: [IPv4, IPv4]\n  ports:\n    - port: 80\n")),
            Is.EqualTo(new[] { "KL1108@6:22 spec.ipFamilies[1]: Duplicate value: \"IPv4\"" }));

    [Test]
    public void An_external_name_service_needs_a_dns_name()
        => Assert.That(Reported(Service("  type: ExternalName\n")), Is.EqualTo(new[] { "KL1104@5:1 spec.externalName: Required value" }));

    [Test]
    public void An_external_name_may_end_with_a_dot()
        => Assert.That(Reported(Service("  type: ExternalName\n  externalName: db.example.com.\n")), Is.Empty);

    [Test]
    public void External_ips_may_not_be_special_addresses()
        => Assert.That(Reported(Service("  externalIPs: [127.0.0.1]\n  ports:\n    - port: 80\n")),
            Is.EqualTo(new[] { "KL1106@6:17 spec.externalIPs[0]: Invalid value: \"127.0.0.1\": may not be in the loopback range (127.0.0.0/8, ::1/128)" }));

    [Test]
    public void Load_balancer_fields_need_a_load_balancer()
        => Assert.That(Reported(Service("  loadBalancerSourceRanges: [10.0.0.0/33]\n  ports:\n    - port: 80\n")), Is.EqualTo(new[]
        {
            "KL1106@6:29 spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'",
            "KL1106@6:30 spec.LoadBalancerSourceRanges[0]: Invalid value: \"10.0.0.0/33\": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)",
        }));

    [Test]
    public void A_client_ip_timeout_is_at_most_a_day()
        => Assert.That(Reported(Service("  sessionAffinity: ClientIP\n  sessionAffinityConfig:\n    clientIP:\n      timeoutSeconds: 86401\n  ports:\n    - port: 80\n")),
            Is.EqualTo(new[] { "KL1106@9:23 spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 86401: must be greater than 0 and less than 86400" }));

    [Test]
    public void The_external_traffic_policy_needs_an_externally_accessible_service()
        => Assert.That(Reported(Service("  externalTrafficPolicy: Local\n  ports:\n    - port: 80\n")),
            Is.EqualTo(new[] { "KL1106@6:26 spec.externalTrafficPolicy: Invalid value: \"Local\": may only be set for externally-accessible services" }));

    [Test]
    public void An_empty_type_is_defaulted_to_cluster_ip()
        => Assert.That(Reported(Service("  type: \"\"\n  ports:\n    - port: 80\n      nodePort: 30080\n")),
            Is.EqualTo(new[] { "KL1106@9:17 spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'" }));

    [TestCase("1.30", 0)]
    [TestCase("1.32", 1)]
    [TestCase("1.34", 0)]
    public void Traffic_distribution_values_follow_the_version(string version, int findings)
        => Assert.That(Reported(Service("  trafficDistribution: PreferSameZone\n  ports:\n    - port: 80\n"), version), Has.Length.EqualTo(findings));

    [Test]
    public void Traffic_distribution_is_reported_in_the_servers_words()
        => Assert.That(Reported(Service("  trafficDistribution: Nearest\n  ports:\n    - port: 80\n")),
            Is.EqualTo(new[] { "KL1105@6:24 spec.trafficDistribution: Unsupported value: \"Nearest\": supported values: \"PreferClose\"" }));

    [Test]
    public void The_services_area_can_be_turned_off()
        => Assert.That(Reported(Service("  ports:\n    - port: 70000\n"), options: new AnalysisOptions { DisabledValidationAreas = ["services"] }), Is.Empty);
}
