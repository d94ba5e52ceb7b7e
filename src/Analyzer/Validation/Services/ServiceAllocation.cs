using KubeLint.Analyzer.Schema;

namespace KubeLint.Analyzer.Validation.Services;

/// <summary>
/// What the Service REST storage checks on create before the strategy validates
/// (pkg/registry/core/service/storage/alloc.go, <c>allocateCreate</c>): the IP family policy that
/// <c>initIPFamilyFields</c> infers, and the NodePort allocator's <c>initNodePorts</c> and
/// <c>allocHealthCheckNodePort</c>, which reject a node port outside the cluster's range (<see cref="NodePortRange"/>)
/// or taken twice. The allocator stops at its first error, as upstream. Checks that depend on the cluster's
/// configuration beyond that range (IP families it serves, its service CIDR, ports other Services hold) are not made.
/// </summary>
internal static class ServiceAllocation
{
    private const string NotInRange = "provided port is not in the valid range. The range of valid ports is ";
    private const string Allocated = "provided port is already allocated";

    /// <summary>Runs the checks; true when the allocator rejected the Service.</summary>
    public static bool Check(ValidationContext context, Field spec, string type, ServiceClusterIps clusterIps)
    {
        if (type == ServiceValidation.ExternalName)
        {
            return false;
        }

        if (!CheckFamilyPolicy(context, spec, clusterIps))
        {
            return true;
        }

        // Server-side apply rejects duplicate (port, protocol) entries, which schema validation reports, before this.
        if (type is not (ServiceValidation.NodePort or ServiceValidation.LoadBalancer) || HasDuplicatePorts(spec.Child("ports")))
        {
            return false;
        }

        var range = NodePortRange.From(context.Options);
        var allocated = new HashSet<long>();
        if (AllocateNodePorts(context, spec, type, range, allocated))
        {
            return true;
        }

        if (ServiceValidation.NeedsHealthCheck(type, spec)
            && spec.Child("healthCheckNodePort") is { Integer: { } healthCheck and not 0 } field
            && AllocationError(healthCheck, range, allocated) is { } error)
        {
            context.ReportMessage(field, $"Internal error occurred: failed to allocate requested HealthCheck NodePort {healthCheck}: {error}", SchemaRules.InvalidValue);
            return true;
        }

        return false;
    }

    private static bool HasDuplicatePorts(Field ports)
    {
        var seen = new HashSet<(long, string)>();
        return ports.Items().Any(p => !seen.Add((p.Child("port").Integer ?? 0, p.Child("protocol").String ?? string.Empty)));
    }

    /// <summary>
    /// <c>initIPFamilyFields</c>: a Service without a policy is SingleStack (RequireDualStack when headless and
    /// selectorless), and a single-stack Service cannot hold two cluster IPs or two families.
    /// </summary>
    private static bool CheckFamilyPolicy(ValidationContext context, Field spec, ServiceClusterIps clusterIps)
    {
        var policyField = spec.Child("ipFamilyPolicy");
        var policy = policyField.String
            ?? (clusterIps.ClusterIp.String == ServiceClusterIps.None && spec.Child("selector").Count == 0 ? "RequireDualStack" : "SingleStack");
        if (policy != "SingleStack")
        {
            return true;
        }

        var valid = true;
        if (clusterIps.Count == 2)
        {
            valid = false;
            context.Invalid(policyField, policy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified");
        }

        if (spec.Child("ipFamilies").Count == 2)
        {
            valid = false;
            context.Invalid(policyField, policy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified");
        }

        return valid;
    }

    /// <summary>
    /// <c>initNodePorts</c>: ports with the same port number share one node port (the first one requested for that
    /// number); every other requested node port is allocated once. True when an allocation failed.
    /// </summary>
    private static bool AllocateNodePorts(ValidationContext context, Field spec, string type, NodePortRange range, HashSet<long> allocated)
    {
        var ports = spec.Child("ports").Items().ToList();
        var allocateMissing = type == ServiceValidation.NodePort || spec.Child("allocateLoadBalancerNodePorts").Boolean != false;
        var byPort = new Dictionary<long, long>();
        for (var i = 0; i < ports.Count; i++)
        {
            var port = ports[i].Child("port").Integer ?? 0;
            var nodePortField = ports[i].Child("nodePort");
            var nodePort = nodePortField.Integer ?? 0;
            if (nodePort == 0 && !allocateMissing)
            {
                continue;
            }

            if (!byPort.TryGetValue(port, out var shared))
            {
                // The first node port requested for this port number, wherever it is written.
                var requestedAt = ports.FindIndex(p => (p.Child("port").Integer ?? 0) == port && (p.Child("nodePort").Integer ?? 0) != 0);
                if (requestedAt < 0)
                {
                    // Allocated from the free range: nothing to check.
                    byPort[port] = -1;
                    continue;
                }

                var requested = ports[requestedAt].Child("nodePort").Integer!.Value;
                if (AllocationError(requested, range, allocated) is { } error)
                {
                    context.Report(nodePortField, FieldErrorType.Invalid, requested, error, at: ports[requestedAt].Child("nodePort").Anchor);
                    return true;
                }

                byPort[port] = requested;
            }
            else if (nodePort != 0 && nodePort != shared && AllocationError(nodePort, range, allocated) is { } error)
            {
                context.Invalid(nodePortField, nodePort, error);
                return true;
            }
        }

        return false;
    }

    /// <summary><c>PortAllocationOperation.Allocate</c>: the port must be in range and not yet taken.</summary>
    private static string? AllocationError(long port, NodePortRange range, HashSet<long> allocated)
    {
        if (!range.Contains(port))
        {
            return NotInRange + range;
        }

        return allocated.Add(port) ? null : Allocated;
    }
}
