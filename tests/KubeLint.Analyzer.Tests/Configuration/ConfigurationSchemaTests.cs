using KubeLint.Analyzer.Configuration;
using KubeLint.Analyzer.Yaml;
using KubeLint.Testing;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace KubeLint.Analyzer.Tests.Configuration;

/// <summary>schemas/kubelint-config.schema.json and the parser must accept and reject the same files.</summary>
public sealed class ConfigurationSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromJsonAsync(
        File.ReadAllText(Path.Combine(SharedPaths.RepositoryRoot, "schemas", "kubelint-config.schema.json"))).GetAwaiter().GetResult());

    // A duplicate rule given once by id and once by name is the one check the schema cannot express.
    private static readonly string[] Samples =
    [
        "",
        "rules:\n",
        "rules: {}\nignorePaths: []\n",
        "rules:\n  KL2001: off\n  kl2002: on\n  service-selects-nothing: false\n  KL3001: yes\n",
        "rules:\n  KL2001: error\n  KL2002: warning\n  KL2003: info\n  KL2004: 'on'\n  KL2005: \"off\"\n",
        "rules:\n  KL3002:\n    enabled: true\n    severity: warning\n    parameters: { a: 1, b: x, c: true, d: 1.5 }\n",
        "rules:\n  KL3002:\n    parameters:\n",
        "ignorePaths: [vendor/, '**/*.tmp.yaml']\n",
        "rules:\n  KL2001: warn\n",
        "rules:\n  KL2001: Error\n",
        "rules:\n  KL2001:\n",
        "rules:\n  KL2001: 1\n",
        "rules:\n  KL2001: [error]\n",
        "rules:\n  KL2001:\n    enabled: maybe\n",
        "rules:\n  KL2001:\n    severity: 2\n",
        "rules:\n  KL2001:\n    level: 2\n",
        "rules:\n  KL2001:\n    parameters: { a: [1] }\n",
        "rules:\n  KL2001:\n    parameters: { a: null }\n",
        "rules:\n  KL2001:\n    parameters: [a]\n",
        "rules:\n  KL20011: off\n",
        "rules:\n  Not A Name: off\n",
        "rules: []\n",
        "ignorePaths: vendor\n",
        "ignorePaths: ['']\n",
        "ignorePaths: [3]\n",
        "format: sarif\n",
        "- rules\n",
        "just text\n",
    ];

    [TestCaseSource(nameof(Samples))]
    public void Schema_and_parser_agree(string text)
    {
        var parserAccepts = true;
        try
        {
            LintConfiguration.Parse(".kubelint.yaml", text);
        }
        catch (ConfigurationException)
        {
            parserAccepts = false;
        }

        var root = Manifests.Load(text).Documents.Select(d => d.Root).FirstOrDefault(r => r is not null);
        var errors = Schema.Value.Validate(ToJson(root));

        Assert.That(errors.Count == 0, Is.EqualTo(parserAccepts), () => $"parser accepts: {parserAccepts}; schema errors: {string.Join("; ", errors)}");
    }

    /// <summary>The JSON the YAML means, with scalars typed as the parser types them (go-yaml v2 rules).</summary>
    private static JToken ToJson(YamlNode? node) => node switch
    {
        YamlMapping map => new JObject(map.Entries.Select(e => new JProperty(e.KeyText, ToJson(e.Value)))),
        YamlSequence seq => new JArray(seq.Items.Select(ToJson)),
        YamlScalar { Kind: ScalarKind.Null } or null => JValue.CreateNull(),
        YamlScalar { Kind: ScalarKind.Bool } b => new JValue(b.TryGetBool(out var value) && value),
        YamlScalar { Kind: ScalarKind.Int } i when i.TryGetInt64(out var number) => new JValue(number),
        YamlScalar { Kind: ScalarKind.Int or ScalarKind.Float } f when f.TryGetDouble(out var number) => new JValue(number),
        YamlScalar s => new JValue(s.Value),
        _ => JValue.CreateNull(),
    };
}
