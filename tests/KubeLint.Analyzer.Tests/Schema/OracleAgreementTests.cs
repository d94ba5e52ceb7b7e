using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Loading;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Schema;
using KubeLint.Analyzer.Validation;
using KubeLint.Analyzer.Yaml;
using KubeLint.Testing;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace KubeLint.Analyzer.Tests.Schema;

/// <summary>
/// Checks the engine against an independent validator: NJsonSchema with the raw OpenAPI v3 definitions of 1.35
/// (unknown fields closed with additionalProperties: false, as strict field validation does, and the quantity
/// pattern of reference section D). Both must give the same verdict, document by document, for the problems a
/// JSON Schema can express: unknown fields, types, required fields and quantities. Enums (absent from the OpenAPI
/// documents), formats, list keys, names and labels are covered by the hand-checked cases of the other fixtures.
/// </summary>
public sealed class OracleAgreementTests
{
    private const string Version = "1.35";

    // Reference D: the OpenAPI pattern of a quantity.
    private const string QuantityPattern = @"^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$";

    private static readonly HashSet<string> ComparedRules = new(StringComparer.Ordinal)
    {
        RuleIds.UnknownField, RuleIds.TypeMismatch, RuleIds.RequiredFieldMissing, RuleIds.InvalidQuantity,
    };

    private static readonly Lazy<Oracle> SharedOracle = new(() => Oracle.Create(Path.Combine(SharedPaths.OpenApi, Version)));

    [Test]
    public void Verdicts_agree_on_every_built_in_object_of_the_real_corpus()
    {
        var loader = new ManifestLoader();
        var objects = new List<KubeObject>();
        foreach (var path in InputResolver.Resolve([SharedPaths.Require(SharedPaths.Corpus)], new List<string>()))
        {
            objects.AddRange(loader.Load(path, File.ReadAllBytes(path)).Objects);
        }

        var disagreements = Compare(objects, out var invalid);
        Assert.Multiple(() =>
        {
            Assert.That(objects, Has.Count.GreaterThan(1000));
            Assert.That(disagreements, Is.Empty);

            // The corpus holds real mistakes (kustomize patches without selectors, misspelt volume fields, a boolean env value).
            Assert.That(invalid, Is.GreaterThanOrEqualTo(10));
        });
    }

    [Test]
    public void Verdicts_agree_on_crafted_invalid_objects()
    {
        var crafted = new[]
        {
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\nspec:\n  replicas: three\n  selector: {}\n  template: {}\n",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\nspec:\n  replicas: \"3\"\n  selector: {}\n  template: {}\n",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\nspec:\n  template: {}\n",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\nspec:\n  selector: {}\n  template: {}\n  replica: 1\n",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - image: nginx\n",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: a\n      resources:\n        limits:\n          memory: 500mi\n",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: a\n      resources:\n        limits:\n          cpu: 1.5.0\n",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  labels:\n    enabled: yes\nspec:\n  containers: []\n",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: a\n      env:\n        - name: X\n          value: on\n",
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  ports:\n    - port: http\n",
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  ports: {port: 80}\n",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  n: 1\n",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\nspec:\n  selector: {}\n  template: {}\n  strategy:\n    rollingUpdate:\n      maxSurge: 1.5\n",
        };

        var objects = crafted.SelectMany(yaml => Manifests.Load(yaml).Objects).ToList();
        var disagreements = Compare(objects, out var invalid);
        Assert.Multiple(() =>
        {
            Assert.That(disagreements, Is.Empty);
            Assert.That(invalid, Is.EqualTo(crafted.Length), "every crafted object is invalid for both validators");
        });
    }

    private static List<string> Compare(IEnumerable<KubeObject> objects, out int invalid)
    {
        invalid = 0;
        SharedPaths.Require(Path.Combine(SharedPaths.OpenApi, Version));
        var oracle = SharedOracle.Value;
        var bundle = SchemaBundle.For(Version);
        var disagreements = new List<string>();
        foreach (var obj in objects)
        {
            if (!bundle.Serves(obj.ApiVersion, obj.Kind) || oracle.DefinitionOf(obj.ApiVersion, obj.Kind) is not { } definition)
            {
                continue;
            }

            var engine = EngineFindings(obj);
            var errors = definition.Validate(ToJson(obj.Root));
            if (engine.Count > 0 && errors.Count > 0)
            {
                invalid++;
            }

            if ((engine.Count == 0) != (errors.Count == 0))
            {
                disagreements.Add($"{obj}: engine [{string.Join("; ", engine)}] oracle [{string.Join("; ", errors.Select(e => e.Path + " " + e.Kind))}]");
            }
        }

        return disagreements;
    }

    private static List<string> EngineFindings(KubeObject obj)
    {
        // Only the schema walk is compared: the API server's own validation (every area off) reports through the
        // same rule ids but is beyond what a JSON Schema can express.
        var options = new AnalysisOptions { KubernetesVersion = Version, DisabledValidationAreas = ValidationAreas.All.Select(a => a.Name).ToArray() };
        return new LintEngine([new SchemaValidationPass()], options).Run([obj])
            .Where(f => ComparedRules.Contains(f.RuleId))
            .Select(f => f.ToString())
            .ToList();
    }

    /// <summary>
    /// The document as the API server's decoder sees it: null-valued fields are left out, as they mean "unset", and
    /// whole floats become integers, as sigs.k8s.io/yaml's float64 round trip makes them.
    /// </summary>
    private static JToken ToJson(YamlNode node) => node switch
    {
        YamlMapping m => new JObject(m.Entries
            .Where(e => e.Value is not YamlScalar { IsNull: true })
            .Select(e => new JProperty(e.KeyText, ToJson(e.Value)))),
        YamlSequence s => new JArray(s.Items.Select(ToJson)),
        YamlScalar { Kind: ScalarKind.Int } i when i.TryGetInt64(out var value) => new JValue(value),
        YamlScalar { Kind: ScalarKind.Float } f when f.TryGetDouble(out var value) && Math.Abs(value) < 1e21 && Math.Floor(value) == value => new JValue((long)value),
        YamlScalar { Kind: ScalarKind.Float } f when f.TryGetDouble(out var value) => new JValue(value),
        YamlScalar { Kind: ScalarKind.Bool } b when b.TryGetBool(out var value) => new JValue(value),
        YamlScalar { Kind: ScalarKind.Null } => JValue.CreateNull(),
        YamlScalar s => new JValue(s.Value),
        _ => JValue.CreateNull(),
    };

    private sealed class Oracle
    {
        private readonly JsonSchema _root;
        private readonly Dictionary<string, string> _kinds;

        private Oracle(JsonSchema root, Dictionary<string, string> kinds)
        {
            _root = root;
            _kinds = kinds;
        }

        public JsonSchema? DefinitionOf(string apiVersion, string kind)
            => _kinds.TryGetValue(apiVersion + " " + kind, out var name) ? _root.Definitions[name] : null;

        public static Oracle Create(string directory)
        {
            var definitions = new JObject();
            var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var file in Directory.GetFiles(directory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var schemas = (JObject)JObject.Parse(File.ReadAllText(file))["components"]!["schemas"]!;
                foreach (var (name, schema) in schemas)
                {
                    if (definitions.ContainsKey(name))
                    {
                        continue;
                    }

                    definitions[name] = Adapt(schema!.DeepClone());
                    foreach (var gvk in schema!["x-kubernetes-group-version-kind"] ?? new JArray())
                    {
                        var group = (string)gvk["group"]!;
                        var version = (string)gvk["version"]!;
                        kinds.TryAdd((group.Length == 0 ? version : group + "/" + version) + " " + (string)gvk["kind"]!, name);
                    }
                }
            }

            definitions["io.k8s.apimachinery.pkg.api.resource.Quantity"] = new JObject
            {
                ["oneOf"] = new JArray(new JObject { ["type"] = "string", ["pattern"] = QuantityPattern }, new JObject { ["type"] = "number" }),
            };
            var document = new JObject { ["definitions"] = definitions };
            var root = JsonSchema.FromJsonAsync(document.ToString()).GetAwaiter().GetResult();
            return new Oracle(root, kinds);
        }

        /// <summary>OpenAPI v3 to JSON Schema draft 4: local refs, closed objects (strict), and no format checks (compared elsewhere).</summary>
        private static JToken Adapt(JToken token)
        {
            if (token is JObject obj)
            {
                obj.Remove("description");
                obj.Remove("default");
                obj.Remove("format");
                if (obj["$ref"] is JValue reference)
                {
                    obj["$ref"] = ((string)reference!).Replace("#/components/schemas/", "#/definitions/", StringComparison.Ordinal);
                }

                if (obj["properties"] is JObject properties)
                {
                    foreach (var property in properties.Properties().ToList())
                    {
                        property.Value = Adapt(property.Value);
                    }

                    if (obj["additionalProperties"] is null)
                    {
                        obj["additionalProperties"] = false;
                    }
                }

                foreach (var key in new[] { "items", "additionalProperties" })
                {
                    if (obj[key] is JObject child)
                    {
                        obj[key] = Adapt(child);
                    }
                }

                foreach (var key in new[] { "allOf", "oneOf" })
                {
                    if (obj[key] is JArray list)
                    {
                        for (var i = 0; i < list.Count; i++)
                        {
                            list[i] = Adapt(list[i]);
                        }
                    }
                }
            }

            return token;
        }
    }
}
