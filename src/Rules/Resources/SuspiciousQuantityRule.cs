using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;
using KubeLint.Rules.Common;

namespace KubeLint.Rules.Resources;

/// <summary>KL3009: cpu and memory quantities that are valid but almost certainly not what was meant.</summary>
public sealed class SuspiciousQuantityRule : Rule
{
    // Declared before Definition, which lists them: static fields are initialized in textual order.
    private static readonly RuleParameter MinimumMemory = new("minMemory", "4Mi", "Memory below this quantity is reported; a value that is not a valid quantity keeps the default.");
    private static readonly RuleParameter MaximumCpu = new("maxCpu", "256", "Cpu above this quantity is reported; a value that is not a valid quantity keeps the default.");

    public static RuleDescriptor Definition { get; } = new(
        RuleIds.SuspiciousQuantity,
        "suspicious-quantity",
        Severity.Warning,
        Categories.ProbesAndResources,
        "Resource quantities should be plausible.",
        "Flags quantities the API server accepts but that are surely slips: a bare suffix such as \"Gi\" (which parses "
        + "as zero), memory in fractions of a byte (\"3500m\" is 3.5 bytes, not 3500 MiB), memory below 4Mi (no "
        + "container runtime starts a container that small), and cpu above 256 cores. Both thresholds are parameters.",
        "Write memory with binary suffixes (Mi, Gi) and cpu in cores or millicores (500m).")
    {
        Parameters = [MinimumMemory, MaximumCpu],
        Examples = new(
            bad: """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  labels:
                    app: web
                spec:
                  securityContext:
                    runAsNonRoot: true
                  containers:
                    - name: web
                      image: example/web:1.4.2
                      resources:
                        requests: {cpu: 100m, memory: 128m}
                        limits: {memory: 128Mi}
                """,
            good: """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  labels:
                    app: web
                spec:
                  securityContext:
                    runAsNonRoot: true
                  containers:
                    - name: web
                      image: example/web:1.4.2
                      resources:
                        requests: {cpu: 100m, memory: 128Mi}
                        limits: {memory: 128Mi}
                """),
    };

    public override RuleDescriptor Descriptor => Definition;

    public override void Run(AnalysisContext context)
    {
        var limits = new Thresholds(
            Threshold(context, MinimumMemory),
            Threshold(context, MaximumCpu));
        foreach (var template in PodContainers.Complete(context))
        {
            foreach (var container in PodContainers.All(template))
            {
                var resources = container.Node.GetMapping("resources");
                foreach (var section in new[] { "requests", "limits" })
                {
                    var values = resources?.GetMapping(section);
                    foreach (var name in new[] { "cpu", "memory" })
                    {
                        if (values?.GetScalar(name) is { IsNull: false } scalar
                            && Quantity.TryRead(scalar, out var quantity, out _)
                            && Problem(name, quantity, limits) is { } problem)
                        {
                            context.Report(Definition, template.Owner, scalar, $"{container.Describe()}: {section}.{name} \"{scalar.Value}\" {problem}");
                        }
                    }
                }
            }
        }
    }

    private static Quantity Threshold(AnalysisContext context, RuleParameter parameter)
        => Quantity.TryParse(context.Options.Parameter(Definition, parameter.Name) ?? parameter.DefaultValue, out var value, out _) && value.HasNumber
            ? value
            : Quantity.Parse(parameter.DefaultValue);

    private static string? Problem(string name, Quantity quantity, Thresholds limits)
    {
        if (!quantity.HasNumber)
        {
            return "has no number and parses as zero.";
        }

        if (name == "memory")
        {
            if (!quantity.Value.IsInteger)
            {
                return quantity.Suffix == "m"
                    ? $"is {quantity.Value} bytes: the suffix m means thousandths; use Mi for mebibytes."
                    : $"is a fraction of a byte ({quantity.Value} bytes).";
            }

            if (quantity.Value.Sign > 0 && quantity < limits.MinimumMemory)
            {
                return $"is {quantity.Value} bytes, below {limits.MinimumMemory}: the container cannot start with so little memory. Did you forget a suffix such as Mi?";
            }
        }
        else if (quantity > limits.MaximumCpu)
        {
            return $"is {quantity.Value} cores, more than any node has. Did you mean millicores (m)?";
        }

        return null;
    }

    private readonly record struct Thresholds(Quantity MinimumMemory, Quantity MaximumCpu);
}
