using System.Globalization;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Simulator.Model;

/// <summary>
/// One nodeSelectorTerm: matchExpressions over labels and matchFields over metadata.name, ANDed
/// (component-helpers nodeaffinity). A term with neither matches nothing.
/// </summary>
public sealed class NodeSelectorTerm
{
    private readonly List<(string Key, string Op, string[] Values)> _expressions = [];
    private readonly List<(string Op, string[] Values)> _fields = [];

    public bool Matches(SimNode node)
    {
        if (_expressions.Count == 0 && _fields.Count == 0)
        {
            return false;
        }

        foreach (var (key, op, values) in _expressions)
        {
            if (!MatchesExpression(node.Labels, key, op, values))
            {
                return false;
            }
        }

        foreach (var (op, values) in _fields)
        {
            // matchFields supports metadata.name with In/NotIn and exactly one value.
            var inSet = values.Length == 1 && values[0] == node.Name;
            if (op == "In" ? !inSet : op == "NotIn" ? inSet : true)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The node names NodeAffinity's PreFilter derives from required terms (node_affinity.go PreFilter): each term's
    /// metadata.name In fields intersected, the terms united; null as soon as one term names no node (it may match
    /// any node), an empty set when the terms name no node in common ("pod affinity terms conflict").
    /// </summary>
    public static IReadOnlyCollection<string>? NodeNamesOf(IReadOnlyList<NodeSelectorTerm>? terms)
    {
        if (terms is null || terms.Count == 0)
        {
            return null;
        }

        var union = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            HashSet<string>? names = null;
            foreach (var (op, values) in term._fields)
            {
                if (op != "In")
                {
                    continue;
                }

                if (names is null)
                {
                    names = new HashSet<string>(values, StringComparer.Ordinal);
                }
                else
                {
                    names.IntersectWith(values);
                }
            }

            if (names is null)
            {
                return null;
            }

            union.UnionWith(names);
        }

        return union;
    }

    /// <summary>A term pinning a pod to one node, as the DaemonSet controller writes it.</summary>
    public static NodeSelectorTerm ForNodeName(string name)
    {
        var term = new NodeSelectorTerm();
        term._fields.Add(("In", [name]));
        return term;
    }

    /// <summary>A term of "key In values" requirements (StorageClass allowedTopologies).</summary>
    public static NodeSelectorTerm FromLabelIn(IEnumerable<(string Key, string[] Values)> requirements)
    {
        var term = new NodeSelectorTerm();
        foreach (var (key, values) in requirements)
        {
            term._expressions.Add((key, "In", values));
        }

        return term;
    }

    public static NodeSelectorTerm Read(YamlMapping term)
    {
        var result = new NodeSelectorTerm();
        foreach (var expression in term.GetSequence("matchExpressions")?.Mappings ?? [])
        {
            result._expressions.Add((expression.GetString("key") ?? string.Empty, expression.GetString("operator") ?? string.Empty, Values(expression)));
        }

        foreach (var field in term.GetSequence("matchFields")?.Mappings ?? [])
        {
            // Only metadata.name is a valid field; any other key makes the term unmatchable.
            var op = field.GetString("key") == "metadata.name" ? field.GetString("operator") ?? string.Empty : "Invalid";
            result._fields.Add((op, Values(field)));
        }

        return result;
    }

    private static string[] Values(YamlMapping expression)
        => expression.GetSequence("values")?.Items.OfType<YamlScalar>().Select(s => s.Value).ToArray() ?? [];

    private static bool MatchesExpression(IReadOnlyDictionary<string, string> labels, string key, string op, string[] values)
    {
        var present = labels.TryGetValue(key, out var value);
        switch (op)
        {
            case "In":
                return present && Array.IndexOf(values, value) >= 0;
            case "NotIn":
                return !present || Array.IndexOf(values, value) < 0;
            case "Exists":
                return present;
            case "DoesNotExist":
                return !present;
            case "Gt" or "Lt":
                // Gt/Lt: the label parses as a base-10 int64 and the comparison with the one value is strict.
                if (!present || values.Length != 1
                    || !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var actual)
                    || !long.TryParse(values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var bound))
                {
                    return false;
                }

                return op == "Gt" ? actual > bound : actual < bound;
            default:
                return false;
        }
    }
}
