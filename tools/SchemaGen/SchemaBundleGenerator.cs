using System.Globalization;
using System.Text;
using System.Text.Json;

namespace KubeLint.SchemaGen;

/// <summary>
/// Turns the OpenAPI v3 documents of one Kubernetes version into the compact bundle the engine embeds.
/// The format is described in schemas/README.md: one node per line, children referenced by line number, so the
/// engine can index the lines cheaply and materialise only the nodes reachable from the kinds it meets.
/// </summary>
public static class SchemaBundleGenerator
{
    public const string Magic = "kubelint-schema 1";

    private const string RefPrefix = "#/components/schemas/";
    private const string QuantityDefinition = "io.k8s.apimachinery.pkg.api.resource.Quantity";
    private const string IntOrStringDefinition = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
    private const string MetaPrefix = "io.k8s.apimachinery.pkg.apis.meta.v1.";

    // Formats the engine checks; other format names in the documents are informative only.
    private static readonly HashSet<string> CheckedFormats = new(StringComparer.Ordinal) { "int32", "int64", "date-time", "byte", "double" };

    public static IReadOnlyList<string> Versions { get; } = ["1.30", "1.31", "1.32", "1.33", "1.34", "1.35"];

    /// <summary>
    /// Plain UTF-8 text with '\n' line ends, embedded as it is: the engine reads it without inflating (see
    /// SchemaBundle.ReadResource), and a change to it reads as a diff.
    /// </summary>
    public static string FileName(string version) => $"kubernetes-{version}.schema";

    /// <summary>UTF-8 without a byte order mark: the bundle's first bytes are its magic.</summary>
    public static Encoding TextEncoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Builds the bundle text for the documents under <paramref name="versionDirectory"/> (api/v1.json, apis/*/*.json).</summary>
    public static string Generate(string versionDirectory)
    {
        var version = Path.GetFileName(Path.TrimEndingDirectorySeparator(versionDirectory));
        var documents = Directory.GetFiles(versionDirectory, "*.json", SearchOption.AllDirectories)
            .OrderBy(p => p.Replace('\\', '/'), StringComparer.Ordinal)
            .Select(p => JsonDocument.Parse(File.ReadAllBytes(p)))
            .ToList();
        try
        {
            var definitions = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var document in documents)
            {
                foreach (var schema in document.RootElement.GetProperty("components").GetProperty("schemas").EnumerateObject())
                {
                    definitions.TryAdd(schema.Name, schema.Value);
                }
            }

            return new Writer(version, definitions).Write();
        }
        finally
        {
            foreach (var document in documents)
            {
                document.Dispose();
            }
        }
    }

    private sealed class Writer
    {
        private readonly string _version;
        private readonly SortedDictionary<string, JsonElement> _definitions;
        private readonly Dictionary<string, int> _definitionIds = new(StringComparer.Ordinal);
        private readonly List<string> _lines = [];
        private readonly Dictionary<string, int> _interned = new(StringComparer.Ordinal);
        private readonly HashSet<(string Definition, string Property)> _enumsApplied = [];

        public Writer(string version, SortedDictionary<string, JsonElement> definitions)
        {
            _version = version;
            _definitions = definitions;
        }

        public string Write()
        {
            foreach (var name in _definitions.Keys)
            {
                _definitionIds[name] = _lines.Count;
                _lines.Add(string.Empty);
            }

            foreach (var (name, schema) in _definitions)
            {
                _lines[_definitionIds[name]] = Describe(schema, name, isDefinition: true) + " d:" + name;
            }

            // Every entry must match a property in every bundled version, so a typo in the table fails generation.
            var missing = EnumTable.Entries.Keys.Where(k => !_enumsApplied.Contains(k)).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException($"Enum table entries not found in {_version}: " + string.Join(", ", missing));
            }

            var kinds = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var (name, schema) in _definitions)
            {
                if (name.StartsWith(MetaPrefix, StringComparison.Ordinal)
                    || !schema.TryGetProperty("x-kubernetes-group-version-kind", out var gvks))
                {
                    continue;
                }

                foreach (var gvk in gvks.EnumerateArray())
                {
                    var group = gvk.GetProperty("group").GetString()!;
                    var ver = gvk.GetProperty("version").GetString()!;
                    var apiVersion = group.Length == 0 ? ver : group + "/" + ver;
                    kinds.Add($"K {apiVersion} {gvk.GetProperty("kind").GetString()} {_definitionIds[name].ToString(CultureInfo.InvariantCulture)}");
                }
            }

            var text = new StringBuilder();
            text.Append(Magic).Append(' ').Append(_version).Append(' ').Append(_lines.Count).Append(' ').Append(kinds.Count).Append('\n');
            foreach (var line in _lines)
            {
                text.Append(line).Append('\n');
            }

            foreach (var kind in kinds)
            {
                text.Append(kind).Append('\n');
            }

            return text.ToString();
        }

        /// <summary>The node id of a schema: a definition it refers to, or an interned inline node.</summary>
        private int NodeOf(JsonElement schema, string[]? enumValues = null)
        {
            if (enumValues is null && ReferenceOf(schema) is { } target)
            {
                return _definitionIds[target];
            }

            var line = Describe(schema, null, isDefinition: false, enumValues);
            if (_interned.TryGetValue(line, out var id))
            {
                return id;
            }

            id = _lines.Count;
            _lines.Add(line);
            _interned[line] = id;
            return id;
        }

        private static string? ReferenceOf(JsonElement schema)
        {
            if (schema.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (schema.TryGetProperty("$ref", out var direct))
            {
                return direct.GetString()!.Substring(RefPrefix.Length);
            }

            if (schema.TryGetProperty("allOf", out var allOf) && allOf.GetArrayLength() == 1 && allOf[0].TryGetProperty("$ref", out var wrapped))
            {
                return wrapped.GetString()!.Substring(RefPrefix.Length);
            }

            return null;
        }

        private string Describe(JsonElement schema, string? definition, bool isDefinition, string[]? enumValues = null)
        {
            if (isDefinition && definition == QuantityDefinition)
            {
                return "q";
            }

            if (isDefinition && definition == IntOrStringDefinition)
            {
                return "x";
            }

            if (ReferenceOf(schema) is { } target)
            {
                // A referenced definition carrying an enum (never the case today) would need its own node.
                return Describe(_definitions[target], target, isDefinition: false, enumValues);
            }

            var type = schema.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
            if (format == "int-or-string")
            {
                return "x";
            }

            var hasProperties = schema.TryGetProperty("properties", out var properties);
            var parts = new List<string>();
            switch (type)
            {
                case "string":
                    parts.Add("s");
                    break;
                case "integer":
                    parts.Add("i");
                    break;
                case "number":
                    parts.Add("n");
                    break;
                case "boolean":
                    parts.Add("b");
                    break;
                case "array":
                    parts.Add("a");
                    break;
                case "object":
                    parts.Add("o");
                    break;
                default:
                    parts.Add(hasProperties ? "o" : "*");
                    break;
            }

            if (format is not null && CheckedFormats.Contains(format))
            {
                parts.Add("f:" + format);
            }

            if (parts[0] == "o")
            {
                DescribeObject(schema, definition, hasProperties ? properties : default, parts);
            }
            else if (parts[0] == "a")
            {
                DescribeArray(schema, parts, enumValues);
            }
            else if (enumValues is not null)
            {
                parts.Add("e:" + string.Join("|", enumValues));
            }

            return string.Join(" ", parts);
        }

        private void DescribeObject(JsonElement schema, string? definition, JsonElement properties, List<string> parts)
        {
            var hasAdditional = schema.TryGetProperty("additionalProperties", out var additional);
            if (properties.ValueKind == JsonValueKind.Object)
            {
                var entries = new List<string>();
                foreach (var property in properties.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    string[]? values = null;
                    if (definition is not null && EnumTable.Entries.TryGetValue((definition, property.Name), out var listed))
                    {
                        values = listed;
                        _enumsApplied.Add((definition, property.Name));
                    }

                    entries.Add(property.Name + "=" + NodeOf(property.Value, values).ToString(CultureInfo.InvariantCulture));
                }

                parts.Add("p:" + string.Join(",", entries));
            }

            if (hasAdditional)
            {
                parts.Add(additional.ValueKind == JsonValueKind.Object
                    ? "ap:" + NodeOf(additional).ToString(CultureInfo.InvariantCulture)
                    : "ap:*");
            }

            if (schema.TryGetProperty("required", out var required) && required.GetArrayLength() > 0)
            {
                parts.Add("r:" + string.Join(",", required.EnumerateArray().Select(r => r.GetString()).Order(StringComparer.Ordinal)));
            }

            // An object with neither properties nor additionalProperties (RawExtension, FieldsV1) holds arbitrary JSON.
            if (schema.TryGetProperty("x-kubernetes-preserve-unknown-fields", out var preserve) && preserve.ValueKind == JsonValueKind.True
                || (properties.ValueKind != JsonValueKind.Object && !hasAdditional))
            {
                parts.Add("u");
            }
        }

        private static bool HasDefault(JsonElement objectSchema, string property)
            => objectSchema.ValueKind == JsonValueKind.Object
                && objectSchema.TryGetProperty("properties", out var properties)
                && properties.TryGetProperty(property, out var field)
                && field.TryGetProperty("default", out _);

        private void DescribeArray(JsonElement schema, List<string> parts, string[]? enumValues)
        {
            if (schema.TryGetProperty("items", out var items))
            {
                parts.Add("it:" + NodeOf(items, enumValues).ToString(CultureInfo.InvariantCulture));
            }

            if (schema.TryGetProperty("x-kubernetes-list-type", out var listType))
            {
                parts.Add("lt:" + listType.GetString());
            }

            if (schema.TryGetProperty("x-kubernetes-list-map-keys", out var keys))
            {
                parts.Add("lk:" + string.Join(",", keys.EnumerateArray().Select(k => k.GetString())));

                // Server-side apply rejects an item that omits a key field, unless the field has a default.
                var itemDefinition = items.ValueKind == JsonValueKind.Object && ReferenceOf(items) is { } target ? _definitions[target] : items;
                var withoutDefault = keys.EnumerateArray().Select(k => k.GetString()!).Where(k => !HasDefault(itemDefinition, k)).ToList();
                if (withoutDefault.Count > 0)
                {
                    parts.Add("ln:" + string.Join(",", withoutDefault));
                }
            }

            if (schema.TryGetProperty("x-kubernetes-patch-merge-key", out var mergeKey))
            {
                parts.Add("mk:" + mergeKey.GetString());
            }
        }
    }
}
