using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Validation.Metadata;

namespace KubeLint.Analyzer.Validation.Pods;

/// <summary>
/// <c>validateResourceRequirements</c> with <c>validateContainerResourceName</c> or <c>validatePodResourceName</c>,
/// <c>ValidateResourceQuantityValue</c>, <c>validateResourceQuantityHugePageValue</c>, <c>validateResourceClaimNames</c>
/// and the pod-level <c>validatePodResources</c> (pkg/apis/core/validation/validation.go), with the resource-name
/// helpers of pkg/apis/core/helper. A request above its limit of an overcommittable resource is not reported here:
/// rule KL3008 (requests-exceed-limits) reports it, once.
/// </summary>
internal static class ResourceRequirementsValidation
{
    private static readonly HashSet<string> StandardResources = new(StringComparer.Ordinal)
    {
        "cpu", "memory", "ephemeral-storage", "requests.cpu", "requests.memory", "requests.ephemeral-storage", "limits.cpu",
        "limits.memory", "limits.ephemeral-storage", "pods", "resourcequotas", "services", "replicationcontrollers", "secrets",
        "configmaps", "persistentvolumeclaims", "storage", "requests.storage", "services.nodeports", "services.loadbalancers",
    };

    private static readonly string[] PodLevelResources = ["cpu", "memory"];

    /// <summary><c>ValidateContainerResourceRequirements</c>.</summary>
    public static void ValidateContainer(ValidationContext context, Field resources, HashSet<string> claimNames, PodValidationOptions options)
        => Validate(context, resources, resources, claimNames, options, podLevel: false);

    /// <summary><c>validatePodResources</c> (PodLevelResources, on from 1.34).</summary>
    public static void ValidatePod(ValidationContext context, Field spec, HashSet<string> claimNames, PodValidationOptions options)
    {
        var resources = spec.Child("resources");
        if (!resources.IsSet)
        {
            return;
        }

        if (resources.Child("claims").IsSet)
        {
            context.Forbidden(resources.Child("claims"), "claims cannot be set for Resources at pod-level");
        }

        Validate(context, resources, resources, claimNames, options, podLevel: true);
        ValidateConsistency(context, spec, resources);
    }

    /// <summary>The overhead of a RuntimeClass or pod: limits only (<c>validateOverhead</c>).</summary>
    /// <remarks>Upstream reuses the container check with the overhead as limits, so its paths read <c>overhead.limits[cpu]</c>.</remarks>
    public static void ValidateOverhead(ValidationContext context, Field overhead)
    {
        var hugePages = false;
        var cpuOrMemory = false;
        foreach (var (name, quantity) in overhead.Entries())
        {
            var reported = quantity.WithPath(overhead.Child("limits").Key(name));
            ValidateName(context, reported, name, podLevel: false);
            if (DecodedQuantity.TryReadListEntry(quantity, out var value))
            {
                QuantityValidation.ValidateResourceQuantityValue(context, reported, name, value);
                hugePages |= HugePageValue(context, reported, name, value);
            }

            cpuOrMemory |= name is "cpu" or "memory";
        }

        if (hugePages && !cpuOrMemory)
        {
            context.Forbidden(overhead, "HugePages require cpu or memory");
        }
    }

    private static void Validate(ValidationContext context, Field resources, Field paths, HashSet<string> claimNames, PodValidationOptions options, bool podLevel)
    {
        var limits = resources.Child("limits");
        var requests = resources.Child("requests");
        bool limitCpuOrMemory = false, requestCpuOrMemory = false, hugePages = false;
        foreach (var (name, quantity) in limits.Entries())
        {
            ValidateName(context, limits.Key(name), name, podLevel);
            if (DecodedQuantity.TryReadListEntry(quantity, out var value))
            {
                QuantityValidation.ValidateResourceQuantityValue(context, quantity, name, value);
                hugePages |= HugePageValue(context, quantity, name, value);
            }

            limitCpuOrMemory |= name is "cpu" or "memory";
        }

        foreach (var (name, quantity) in requests.Entries())
        {
            ValidateName(context, requests.Key(name), name, podLevel);
            if (DecodedQuantity.TryReadListEntry(quantity, out var value))
            {
                QuantityValidation.ValidateResourceQuantityValue(context, quantity, name, value);
                var limit = limits.Key(name);
                if (limit.IsSet)
                {
                    if (DecodedQuantity.TryReadListEntry(limit, out var limitValue) && !ResourceNames.IsOvercommitAllowed(name) && value.Amount != limitValue.Amount)
                    {
                        context.Report(requests, FieldErrorType.Invalid, value.ToString(), $"must be equal to {name} limit of {limitValue}", at: quantity.Anchor);
                    }

                    // A request above the limit of an overcommittable resource is KL3008's.
                }
                else if (!ResourceNames.IsOvercommitAllowed(name))
                {
                    context.Report(limits, FieldErrorType.Required, GoValue.Omit, "Limit must be set for non overcommitable resources", at: quantity.Anchor);
                }

                hugePages |= HugePageValue(context, quantity, name, value);
            }

            requestCpuOrMemory |= name is "cpu" or "memory";
        }

        if (!limitCpuOrMemory && !requestCpuOrMemory && hugePages)
        {
            context.Forbidden(paths, "HugePages require cpu or memory");
        }

        if (options.ResourceClaims)
        {
            ValidateClaimNames(context, resources.Child("claims"), claimNames);
        }
    }

    /// <summary>
    /// <c>validateResourceName</c> (a qualified name; without a domain, a standard resource), then for containers
    /// <c>validateContainerResourceName</c>, which runs even after the first found errors, or for the pod level
    /// <c>validatePodResourceName</c>, which does not.
    /// </summary>
    private static void ValidateName(ValidationContext context, Field field, string name, bool podLevel)
    {
        var before = context.Errors;
        foreach (var problem in Syntax.IsQualifiedName(name))
        {
            Invalid(context, field, name, problem);
        }

        var qualified = name.IndexOf('/') >= 0;
        if (context.Errors == before && !qualified && !StandardResources.Contains(name) && !IsHugePages(name) && !name.StartsWith("requests.hugepages-", StringComparison.Ordinal))
        {
            Invalid(context, field, name, "must be a standard resource type or fully qualified");
        }

        if (podLevel)
        {
            if (context.Errors == before && Array.IndexOf(PodLevelResources, name) < 0)
            {
                context.Report(field, FieldErrorType.NotSupported, GoValue.Raw(name), "supported values: " + string.Join(", ", PodLevelResources.Select(GoValue.Quote)), at: field.KeyNode);
            }

            return;
        }

        if (!qualified)
        {
            if (name is not ("cpu" or "memory" or "ephemeral-storage") && !IsHugePages(name))
            {
                Invalid(context, field, name, "must be a standard resource for containers");
            }
        }
        else if (!IsNative(name) && !IsExtended(name))
        {
            Invalid(context, field, name, "doesn't follow extended resource name standard");
        }
    }

    /// <summary>A resource name is a Stringer: printed without quotes, at the entry's key.</summary>
    private static void Invalid(ValidationContext context, Field field, string name, string detail)
        => context.Report(field, FieldErrorType.Invalid, GoValue.Raw(name), detail, at: field.KeyNode);

    /// <summary><c>validateResourceQuantityHugePageValue</c>; returns whether the resource is hugepages.</summary>
    private static bool HugePageValue(ValidationContext context, Field field, string name, DecodedQuantity value)
    {
        if (!IsHugePages(name))
        {
            return false;
        }

        var pageSizeText = name.Substring("hugepages-".Length);
        // helper.IsHugePageResourceValueDivisible: Value() % pageSize.Value() in int64.
        var divisible = DecodedQuantity.TryParse(pageSizeText, out var pageSize)
            && pageSize.IsPositive
            && pageSize.IsWhole
            && value.IntegerValue % pageSize.IntegerValue == 0;
        if (!divisible)
        {
            context.Invalid(field, value.ToString(), $"{value} is not positive integer multiple of {name}");
        }

        return true;
    }

    /// <summary><c>validateResourceClaimNames</c> (DynamicResourceAllocation, on from 1.34).</summary>
    private static void ValidateClaimNames(ValidationContext context, Field claims, HashSet<string> claimNames)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in claims.Items())
        {
            var name = claim.Child("name").String ?? string.Empty;
            if (name.Length == 0)
            {
                context.Required(claim);
                continue;
            }

            var request = claim.Child("request").String ?? string.Empty;
            if (names.Contains(name))
            {
                context.Duplicate(claim, name);
            }
            else
            {
                var key = name;
                if (request.Length > 0)
                {
                    context.Invalid(claim.Child("request"), request, Syntax.IsDns1123Label(request));
                    key += "/" + request;
                }

                if (names.Contains(key))
                {
                    context.Duplicate(claim, key);
                }
                else if (request.Length == 0 && names.Any(n => n.StartsWith(name + "/", StringComparison.Ordinal)))
                {
                    context.Duplicate(claim, name);
                }

                names.Add(key);
            }

            if (!claimNames.Contains(name))
            {
                var detail = "must be one of the names in pod.spec.resourceClaims"
                    + (claimNames.Count == 0 ? " which is empty" : ": " + string.Join(", ", claimNames.OrderBy(n => n, StringComparer.Ordinal)));
                context.Report(claim, FieldErrorType.NotFound, name, detail);
            }
        }
    }

    /// <summary>
    /// <c>validatePodResourceConsistency</c>: pod-level requests cover the containers' aggregate requests
    /// (<c>AggregateContainerRequests</c>: regular containers and sidecars add up, a plain init container counts on
    /// its own with the sidecars started before it), and no container limit is above the pod's.
    /// </summary>
    private static void ValidateConsistency(ValidationContext context, Field spec, Field resources)
    {
        var aggregate = new Dictionary<string, DecimalNumber>(StringComparer.Ordinal);
        var sidecars = new Dictionary<string, DecimalNumber>(StringComparer.Ordinal);
        foreach (var init in spec.Child("initContainers").Items())
        {
            var isSidecar = init.Child("restartPolicy").String == "Always";
            foreach (var (name, quantity) in init.Child("resources", "requests").Entries())
            {
                if (!DecodedQuantity.TryReadListEntry(quantity, out var value))
                {
                    continue;
                }

                sidecars.TryGetValue(name, out var started);
                if (isSidecar)
                {
                    sidecars[name] = started.Add(value.Amount);
                }
                else
                {
                    aggregate.TryGetValue(name, out var peak);
                    aggregate[name] = Max(peak, started.Add(value.Amount));
                }
            }
        }

        var regular = new Dictionary<string, DecimalNumber>(sidecars, StringComparer.Ordinal);
        foreach (var container in spec.Child("containers").Items())
        {
            foreach (var (name, quantity) in container.Child("resources", "requests").Entries())
            {
                if (DecodedQuantity.TryReadListEntry(quantity, out var value))
                {
                    regular.TryGetValue(name, out var sum);
                    regular[name] = sum.Add(value.Amount);
                }
            }
        }

        foreach (var pair in regular)
        {
            aggregate.TryGetValue(pair.Key, out var peak);
            aggregate[pair.Key] = Max(peak, pair.Value);
        }

        var requests = resources.Child("requests");
        foreach (var pair in aggregate.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var podRequest = requests.Key(pair.Key);
            var podValue = DecodedQuantity.TryReadListEntry(podRequest, out var written) ? written.Amount : DecimalNumber.Zero;
            if (pair.Value > podValue)
            {
                var format = written.Format;
                context.Invalid(podRequest, DecodedQuantity.Canonicalize(podValue, format), $"must be greater than or equal to aggregate container requests of {DecodedQuantity.Canonicalize(pair.Value, format)}");
            }
        }

        var limits = resources.Child("limits");
        var index = 0;
        foreach (var container in spec.Child("containers").Items())
        {
            foreach (var (name, quantity) in container.Child("resources", "limits").Entries())
            {
                if (limits.Key(name) is { IsSet: true } podLimit && DecodedQuantity.TryReadListEntry(podLimit, out var podValue)
                    && DecodedQuantity.TryReadListEntry(quantity, out var value) && value.Amount > podValue.Amount)
                {
                    var path = resources.Child("containers").Item(index).Key(name).Child("limits");
                    context.Invalid(quantity.WithPath(path), value.ToString(), $"must be less than or equal to pod limits of {podValue}");
                }
            }

            index++;
        }
    }

    private static DecimalNumber Max(DecimalNumber left, DecimalNumber right) => left >= right ? left : right;

    private static bool IsHugePages(string name) => ResourceNames.IsHugePages(name);

    private static bool IsNative(string name) => ResourceNames.IsNative(name);

    private static bool IsExtended(string name) => ResourceNames.IsExtended(name);
}
