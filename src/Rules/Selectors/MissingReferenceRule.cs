using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Rules.Selectors;

/// <summary>KL2008: a pod references a ConfigMap, Secret, PersistentVolumeClaim or ServiceAccount the input does not define.</summary>
public sealed class MissingReferenceRule : Rule
{
    public static RuleDescriptor Definition { get; } = new(
        RuleIds.MissingReference,
        "missing-reference",
        Severity.Warning,
        Workloads.Category,
        "A pod references a ConfigMap, Secret, PersistentVolumeClaim or ServiceAccount that is not defined.",
        "A pod that mounts or reads a missing ConfigMap or Secret does not start (CreateContainerConfigError or a "
            + "volume mount failure), a missing claim keeps it Pending, and a missing ServiceAccount makes the API "
            + "server reject it. To avoid guessing about objects deployed separately, a reference is only reported when "
            + "the input defines objects of that kind in the pod's namespace but not that one. References marked "
            + "optional: true, the ServiceAccount \"default\", the ConfigMap \"kube-root-ca.crt\" (both created in every "
            + "namespace), claims of StatefulSet volumeClaimTemplates, objects a Role grants access to by name (managed "
            + "at run time) and names that a custom resource of the namespace mentions (e.g. a certificate's "
            + "secretName) are not reported.",
        "Correct the name, add the missing object to the input, or mark an optional ConfigMap or Secret with optional: true.")
    {
        Examples = new(
            bad: """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                data:
                  mode: fast
                ---
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
                      envFrom:
                        - configMapRef: {name: setings}
                      resources:
                        requests: {cpu: 100m, memory: 128Mi}
                        limits: {memory: 128Mi}
                """,
            good: """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                data:
                  mode: fast
                ---
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
                      envFrom:
                        - configMapRef: {name: settings}
                      resources:
                        requests: {cpu: 100m, memory: 128Mi}
                        limits: {memory: 128Mi}
                """),
    };

    public override RuleDescriptor Descriptor => Definition;

    public override void Run(AnalysisContext context)
    {
        if (context.InputIncomplete)
        {
            return;
        }

        var reported = new HashSet<YamlNode>();
        List<(KubeObject Resource, HashSet<string> Values)>? customResources = null;
        foreach (var template in context.Index.PodTemplates)
        {
            foreach (var (kind, name) in References(template.Spec))
            {
                if (reported.Contains(name) || IsImplicit(kind, name.Value))
                {
                    continue;
                }

                var owner = template.Owner;
                var candidates = context.Index.OfKind(kind).Where(o => o.Group.Length == 0 && Workloads.MayShareNamespace(owner, o)).ToList();
                if (candidates.Count == 0
                    || candidates.Any(o => o.Name == name.Value)
                    || (customResources ??= Workloads.CustomResourceValues(context.Index)).Any(c => c.Values.Contains(name.Value) && Workloads.MayShareNamespace(owner, c.Resource))
                    || GrantedByName(context.Index, owner, kind, name.Value)
                    || (kind == "PersistentVolumeClaim" && IsStatefulSetClaim(context.Index, owner, name.Value)))
                {
                    continue;
                }

                reported.Add(name);
                var where = owner.Namespace is null ? "the input" : "namespace " + owner.Namespace;
                context.Report(Definition, owner, name, $"{kind} \"{name.Value}\" is not defined in {where}, which defines {Workloads.Describe(candidates)}");
            }
        }
    }

    /// <summary>
    /// True when a Role or ClusterRole grants access to the object by name (resourceNames): the application then
    /// manages it at run time, like a Secret an init container generates.
    /// </summary>
    private static bool GrantedByName(ObjectIndex index, KubeObject owner, string kind, string name)
    {
        var resource = kind switch
        {
            "ConfigMap" => "configmaps",
            "Secret" => "secrets",
            "PersistentVolumeClaim" => "persistentvolumeclaims",
            _ => "serviceaccounts",
        };
        return index.Objects
            .Where(o => o.Group == "rbac.authorization.k8s.io" && (o.Kind == "ClusterRole" || (o.Kind == "Role" && Workloads.MayShareNamespace(owner, o))))
            .SelectMany(o => o.Root.GetSequence("rules")?.Mappings ?? [])
            .Any(rule => Strings(rule, "resources").Contains(resource) && Strings(rule, "resourceNames").Contains(name));
    }

    private static IEnumerable<string> Strings(YamlMapping map, string key)
        => map.GetSequence(key)?.Items.OfType<YamlScalar>().Select(s => s.Value) ?? [];

    /// <summary>Claims a StatefulSet creates from its volumeClaimTemplates are named template-statefulset-ordinal.</summary>
    private static bool IsStatefulSetClaim(ObjectIndex index, KubeObject owner, string name)
        => index.OfKind("StatefulSet")
            .Where(s => Workloads.MayShareNamespace(owner, s))
            .Any(s => (s.Spec?.GetSequence("volumeClaimTemplates")?.Mappings ?? [])
                .Select(t => t.GetMapping("metadata")?.GetString("name"))
                .Any(t => t is not null && IsOrdinal(name, $"{t}-{s.Name}-")));

    private static bool IsOrdinal(string value, string prefix)
        => value.Length > prefix.Length && value.StartsWith(prefix, StringComparison.Ordinal)
           && value.Skip(prefix.Length).All(c => c is >= '0' and <= '9');

    private static bool IsImplicit(string kind, string name)
        => (kind == "ServiceAccount" && name == "default") || (kind == "ConfigMap" && name == "kube-root-ca.crt");

    /// <summary>Every non-optional reference of a pod spec, with the node of the referenced name.</summary>
    private static IEnumerable<(string Kind, YamlScalar Name)> References(YamlMapping spec)
    {
        var found = new List<(string, YamlScalar?)>
        {
            ("ServiceAccount", spec.GetScalar("serviceAccountName") ?? spec.GetScalar("serviceAccount")),
        };
        foreach (var volume in spec.GetSequence("volumes")?.Mappings ?? [])
        {
            found.Add(Required("ConfigMap", volume.GetMapping("configMap"), "name"));
            found.Add(Required("Secret", volume.GetMapping("secret"), "secretName"));
            found.Add(("PersistentVolumeClaim", volume.GetMapping("persistentVolumeClaim")?.GetScalar("claimName")));
            foreach (var source in volume.GetMapping("projected")?.GetSequence("sources")?.Mappings ?? [])
            {
                found.Add(Required("ConfigMap", source.GetMapping("configMap"), "name"));
                found.Add(Required("Secret", source.GetMapping("secret"), "name"));
            }
        }

        var containers = new[] { "initContainers", "containers", "ephemeralContainers" }
            .SelectMany(key => spec.GetSequence(key)?.Mappings ?? []);
        foreach (var container in containers)
        {
            foreach (var env in container.GetSequence("env")?.Mappings ?? [])
            {
                found.Add(Required("ConfigMap", env.GetMapping("valueFrom")?.GetMapping("configMapKeyRef"), "name"));
                found.Add(Required("Secret", env.GetMapping("valueFrom")?.GetMapping("secretKeyRef"), "name"));
            }

            foreach (var envFrom in container.GetSequence("envFrom")?.Mappings ?? [])
            {
                found.Add(Required("ConfigMap", envFrom.GetMapping("configMapRef"), "name"));
                found.Add(Required("Secret", envFrom.GetMapping("secretRef"), "name"));
            }
        }

        return found
            .Where(r => r.Item2 is { IsNull: false, Kind: ScalarKind.String, Value.Length: > 0 })
            .Select(r => (r.Item1, r.Item2!));
    }

    /// <summary>The name node of a reference unless the reference is marked optional: true.</summary>
    private static (string, YamlScalar?) Required(string kind, YamlMapping? reference, string nameKey)
        => reference is null || (reference["optional"] is YamlScalar optional && optional.TryGetBool(out var isOptional) && isOptional)
            ? (kind, null)
            : (kind, reference.GetScalar(nameKey));
}
