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

        var workloads = WorkloadIndex.Of(context.Index);
        Known? known = null;
        var reported = new HashSet<YamlNode>();
        foreach (var template in context.Index.PodTemplates)
        {
            foreach (var (kind, name) in References(template.Spec))
            {
                if (reported.Contains(name) || IsImplicit(kind, name.Value))
                {
                    continue;
                }

                var owner = template.Owner;
                if (!Candidates(workloads, kind, owner).Any()
                    || workloads.IsNamedNear(kind, name.Value, owner)
                    || (known ??= new Known(context.Index)).Explains(owner, kind, name.Value))
                {
                    continue;
                }

                reported.Add(name);
                var where = owner.Namespace is null ? "the input" : "namespace " + owner.Namespace;
                context.Report(Definition, owner, name, $"{kind} \"{name.Value}\" is not defined in {where}, which defines {Workloads.Describe(Candidates(workloads, kind, owner))}");
            }
        }
    }

    /// <summary>Core-group objects of the kind in namespaces the owner may share.</summary>
    private static IEnumerable<KubeObject> Candidates(WorkloadIndex workloads, string kind, KubeObject owner)
        => workloads.Near(kind, owner).Where(o => o.Group.Length == 0);

    private static IEnumerable<string> Strings(YamlMapping map, string key)
        => map.GetSequence(key)?.Items.OfType<YamlScalar>().Select(s => s.Value) ?? [];

    private static bool IsOrdinalSuffix(string value, int start)
        => start < value.Length && value.Skip(start).All(c => c is >= '0' and <= '9');

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

    /// <summary>
    /// Names the application or a controller provides though the input does not define them, looked up once per run:
    /// names a custom resource mentions (e.g. a certificate's secretName), names a Role or ClusterRole grants access
    /// to (resourceNames: the application manages the object at run time), and claims a StatefulSet creates from its
    /// volumeClaimTemplates (template-statefulset-ordinal).
    /// </summary>
    private sealed class Known
    {
        private readonly Dictionary<string, List<KubeObject>> _mentioned = new(StringComparer.Ordinal);
        private readonly Dictionary<(string Resource, string Name), List<KubeObject>> _granted = [];
        private readonly Dictionary<string, List<KubeObject>> _claimPrefixes = new(StringComparer.Ordinal);

        public Known(ObjectIndex index)
        {
            foreach (var (resource, values) in Workloads.CustomResourceValues(index))
            {
                foreach (var value in values)
                {
                    Add(_mentioned, value, resource);
                }
            }

            foreach (var role in index.Objects.Where(o => o.Group == "rbac.authorization.k8s.io" && o.Kind is "ClusterRole" or "Role"))
            {
                foreach (var rule in role.Root.GetSequence("rules")?.Mappings ?? [])
                {
                    foreach (var resource in Strings(rule, "resources"))
                    {
                        foreach (var name in Strings(rule, "resourceNames"))
                        {
                            Add(_granted, (resource, name), role);
                        }
                    }
                }
            }

            foreach (var statefulSet in index.OfKind("StatefulSet"))
            {
                foreach (var claim in statefulSet.Spec?.GetSequence("volumeClaimTemplates")?.Mappings ?? [])
                {
                    if (claim.GetMapping("metadata")?.GetString("name") is { } template)
                    {
                        Add(_claimPrefixes, $"{template}-{statefulSet.Name}-", statefulSet);
                    }
                }
            }
        }

        public bool Explains(KubeObject owner, string kind, string name)
        {
            if (_mentioned.TryGetValue(name, out var mentioning) && mentioning.Any(r => Workloads.MayShareNamespace(owner, r)))
            {
                return true;
            }

            var resource = kind switch
            {
                "ConfigMap" => "configmaps",
                "Secret" => "secrets",
                "PersistentVolumeClaim" => "persistentvolumeclaims",
                _ => "serviceaccounts",
            };
            if (_granted.TryGetValue((resource, name), out var roles)
                && roles.Any(r => r.Kind == "ClusterRole" || Workloads.MayShareNamespace(owner, r)))
            {
                return true;
            }

            var dash = name.LastIndexOf('-');
            return kind == "PersistentVolumeClaim" && dash > 0 && IsOrdinalSuffix(name, dash + 1)
                && _claimPrefixes.TryGetValue(name.Substring(0, dash + 1), out var statefulSets)
                && statefulSets.Any(s => Workloads.MayShareNamespace(owner, s));
        }

        private static void Add<TKey>(Dictionary<TKey, List<KubeObject>> map, TKey key, KubeObject value)
            where TKey : notnull
        {
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = [];
            }

            list.Add(value);
        }
    }
}
