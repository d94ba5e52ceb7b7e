using System.Globalization;
using System.Text;

namespace KubeLint.Analyzer.Schema;

/// <summary>
/// The built-in schemas of one Kubernetes version, read from the embedded bundle (schemas/, made by tools/SchemaGen).
/// A general JSON Schema library cannot report YAML positions and would load every definition of the OpenAPI
/// documents (tens of MB); the bundle is about 100 KB of text with one node per line, so opening it only
/// indexes line starts and the nodes of a kind are parsed the first time an object of that kind is validated. The
/// text stays UTF-8 bytes and only the lines read become strings: decoding all of it was a tenth of a one-file run.
/// </summary>
internal sealed class SchemaBundle
{
    private const string Magic = "kubelint-schema 1";
    private const string ObjectMetaDefinition = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

    private static readonly Dictionary<string, Lazy<SchemaBundle>> Cache = CreateCache();

    private readonly SchemaBundleText _text;
    private readonly int[] _lineStarts;
    private readonly SchemaNode?[] _nodes;
    private readonly Dictionary<string, int> _kinds;
    private readonly object _gate = new();
    private HashSet<string>? _groups;

    private SchemaBundle(string version, SchemaBundleText text)
    {
        Version = version;
        _text = text;
        var header = ReadLine(0, out var next).Split(' ');
        if (header.Length != 5 || header[0] + " " + header[1] != Magic)
        {
            throw new InvalidDataException("Unrecognised schema bundle for Kubernetes " + version);
        }

        var nodeCount = int.Parse(header[3], CultureInfo.InvariantCulture);
        var kindCount = int.Parse(header[4], CultureInfo.InvariantCulture);
        _lineStarts = new int[nodeCount];
        _nodes = new SchemaNode?[nodeCount];
        for (var i = 0; i < nodeCount; i++)
        {
            _lineStarts[i] = next;
            next = text.IndexOf((byte)'\n', next) + 1;
        }

        // A kind line is "K <apiVersion> <kind> <node>", and the dictionary's key is the text between "K " and the
        // last space, read as one string: splitting all the lines into words was a fiftieth of a one-file run.
        _kinds = new Dictionary<string, int>(kindCount, StringComparer.Ordinal);
        for (var i = 0; i < kindCount; i++)
        {
            var end = text.IndexOf((byte)'\n', next);
            var lastSpace = text.LastIndexOf((byte)' ', end - 1);
            var node = 0;
            for (var at = lastSpace + 1; at < end; at++)
            {
                node = (node * 10) + (text[at] - '0');
            }

            _kinds[text.GetString(next + 2, lastSpace - next - 2)] = node;
            next = end + 1;
        }
    }

    public string Version { get; }

    /// <summary>API groups this version serves ("" is the core group); only objects without a schema ask, so it is made when first read.</summary>
    public IReadOnlyCollection<string> Groups
        => _groups ??= new HashSet<string>(_kinds.Keys.Select(GroupOf), StringComparer.Ordinal);

    public IEnumerable<(string ApiVersion, string Kind)> Kinds
        => _kinds.Keys.Select(k => k.Split(' ')).Select(p => (p[0], p[1]));

    /// <summary>The bundle of a supported version; cached for the life of the process.</summary>
    public static SchemaBundle For(string version)
        => Cache.TryGetValue(version, out var bundle)
            ? bundle.Value
            : throw new ArgumentException($"No bundled schema for Kubernetes {version}", nameof(version));

    public SchemaNode? FindKind(string apiVersion, string kind)
        => _kinds.TryGetValue(Key(apiVersion, kind), out var id) ? Node(id) : null;

    public bool Serves(string apiVersion, string kind) => _kinds.ContainsKey(Key(apiVersion, kind));

    public SchemaNode ObjectMeta => FindDefinition(ObjectMetaDefinition);

    private SchemaNode FindDefinition(string definition)
    {
        var marker = Encoding.UTF8.GetBytes(" d:" + definition);
        for (var i = 0; i < _lineStarts.Length; i++)
        {
            var start = _lineStarts[i];
            var end = _text.IndexOf((byte)'\n', start);
            if (end - start > marker.Length && EndsWith(end, marker))
            {
                return Node(i);
            }
        }

        throw new InvalidDataException(definition + " is missing from the schema bundle");
    }

    private bool EndsWith(int end, byte[] marker)
    {
        for (int i = 0, at = end - marker.Length; i < marker.Length; i++, at++)
        {
            if (_text[at] != marker[i])
            {
                return false;
            }
        }

        return true;
    }

    private static string Key(string apiVersion, string kind) => apiVersion + " " + kind;

    /// <summary>The group of a key's apiVersion: "apps" for "apps/v1 Deployment", "" for "v1 Pod".</summary>
    private static string GroupOf(string key)
    {
        var slash = key.IndexOf('/');
        return slash < 0 || slash > key.IndexOf(' ') ? string.Empty : key.Substring(0, slash);
    }

    private static Dictionary<string, Lazy<SchemaBundle>> CreateCache()
    {
        var cache = new Dictionary<string, Lazy<SchemaBundle>>(StringComparer.Ordinal);
        foreach (var version in SchemaValidationPass.SupportedVersions)
        {
            cache[version] = new Lazy<SchemaBundle>(() => new SchemaBundle(version, ReadResource(version)));
        }

        return cache;
    }

    /// <summary>
    /// The bundle's text. Every run needs one bundle, so this is on the start-up path of a one-file run. The bundle is
    /// embedded as plain text and read where it lies (<see cref="SchemaBundleText"/>): inflating a gzip of it was
    /// about a twelfth of a one-file run (the inflater's set-up and the whole text written out, though a run reads
    /// the few nodes of its kinds). It costs about 80 KB more on disk per version.
    /// </summary>
    private static SchemaBundleText ReadResource(string version)
    {
        var name = $"KubeLint.Schemas.kubernetes-{version}.schema";
        using var stream = typeof(SchemaBundle).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidDataException("Embedded schema bundle not found: " + name);
        return SchemaBundleText.Read(stream);
    }

    private string ReadLine(int start, out int next)
    {
        var end = _text.IndexOf((byte)'\n', start);
        next = end + 1;
        return _text.GetString(start, end - start);
    }

    /// <summary>Materialises a node and, through <see cref="Node"/> again, the nodes it refers to (cycles are fine: a node is cached before its children are read).</summary>
    private SchemaNode Node(int id)
    {
        lock (_gate)
        {
            return NodeLocked(id);
        }
    }

    private SchemaNode NodeLocked(int id)
    {
        if (_nodes[id] is { } existing)
        {
            return existing;
        }

        var node = new SchemaNode();
        _nodes[id] = node;
        var tokens = ReadLine(_lineStarts[id], out _).Split(' ');
        node.Type = tokens[0] switch
        {
            "o" => SchemaType.Object,
            "a" => SchemaType.Array,
            "s" => SchemaType.String,
            "i" => SchemaType.Integer,
            "n" => SchemaType.Number,
            "b" => SchemaType.Boolean,
            "x" => SchemaType.IntOrString,
            "q" => SchemaType.Quantity,
            _ => SchemaType.Any,
        };
        for (var i = 1; i < tokens.Length; i++)
        {
            var token = tokens[i];
            var colon = token.IndexOf(':');
            var name = colon < 0 ? token : token.Substring(0, colon);
            var value = colon < 0 ? string.Empty : token.Substring(colon + 1);
            Apply(node, name, value);
        }

        return node;
    }

    private void Apply(SchemaNode node, string name, string value)
    {
        switch (name)
        {
            case "f":
                node.Format = value;
                break;
            case "p":
                var properties = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
                foreach (var entry in value.Split(','))
                {
                    var eq = entry.IndexOf('=');
                    properties[entry.Substring(0, eq)] = NodeLocked(int.Parse(entry.Substring(eq + 1), CultureInfo.InvariantCulture));
                }

                node.Properties = properties;
                break;
            case "r":
                node.Required = value.Split(',');
                break;
            case "ap":
                node.AdditionalProperties = value == "*" ? new SchemaNode() : NodeLocked(int.Parse(value, CultureInfo.InvariantCulture));
                break;
            case "u":
                node.PreserveUnknownFields = true;
                break;
            case "it":
                node.Items = NodeLocked(int.Parse(value, CultureInfo.InvariantCulture));
                break;
            case "lt":
                node.ListType = value;
                break;
            case "lk":
                node.ListMapKeys = value.Split(',');
                break;
            case "ln":
                node.ListMapKeysWithoutDefault = value.Split(',');
                break;
            case "e":
                node.Enum = value.Split('|');
                break;
            case "d":
                node.Definition = value;
                break;
            default:
                // "mk" (patch merge key) is informative: list-map keys decide uniqueness.
                break;
        }
    }
}
