using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Model;

/// <summary>
/// A label selector with Kubernetes semantics (apimachinery labels.Selector): matchLabels are equality
/// requirements, matchExpressions use In, NotIn, Exists and DoesNotExist, and all requirements are ANDed.
/// An empty selector (no requirements) matches everything; whether a kind treats an empty selector as
/// "all" or "none" is up to the caller (see <see cref="IsEmpty"/>).
/// </summary>
public sealed class LabelSelector
{
    private LabelSelector(YamlNode node, IReadOnlyList<LabelRequirement> requirements, bool isValid)
    {
        Node = node;
        Requirements = requirements;
        IsValid = isValid;
    }

    /// <summary>The selector's node in the manifest, for reporting.</summary>
    public YamlNode Node { get; }

    public IReadOnlyList<LabelRequirement> Requirements { get; }

    public bool IsEmpty => Requirements.Count == 0;

    /// <summary>False when an operator or value list is malformed; such a selector matches nothing.</summary>
    public bool IsValid { get; }

    /// <summary>Reads a metav1.LabelSelector (matchLabels / matchExpressions).</summary>
    public static LabelSelector FromLabelSelector(YamlMapping node)
    {
        var requirements = new List<LabelRequirement>();
        var valid = true;
        if (node.GetMapping("matchLabels") is { } matchLabels)
        {
            foreach (var pair in KubeObject.ReadStringMap(matchLabels))
            {
                requirements.Add(new LabelRequirement(pair.Key, LabelOperator.In, [pair.Value]));
            }
        }

        if (node.GetSequence("matchExpressions") is { } expressions)
        {
            foreach (var expression in expressions.Mappings)
            {
                var key = expression.GetString("key");
                var values = expression.GetSequence("values")?.Items.OfType<YamlScalar>().Select(s => s.Value).ToArray() ?? [];
                LabelOperator? op = expression.GetString("operator") switch
                {
                    "In" => LabelOperator.In,
                    "NotIn" => LabelOperator.NotIn,
                    "Exists" => LabelOperator.Exists,
                    "DoesNotExist" => LabelOperator.DoesNotExist,
                    _ => null,
                };
                if (key is null || op is null
                    || (op is LabelOperator.In or LabelOperator.NotIn && values.Length == 0)
                    || (op is LabelOperator.Exists or LabelOperator.DoesNotExist && values.Length > 0))
                {
                    valid = false;
                    continue;
                }

                requirements.Add(new LabelRequirement(key, op.Value, values));
            }
        }

        return new LabelSelector(node, requirements, valid);
    }

    /// <summary>Reads a plain map selector (Service, ReplicationController): every pair must match.</summary>
    public static LabelSelector FromMap(YamlMapping node)
    {
        var requirements = KubeObject.ReadStringMap(node)
            .Select(pair => new LabelRequirement(pair.Key, LabelOperator.In, [pair.Value]))
            .ToList();
        return new LabelSelector(node, requirements, isValid: true);
    }

    /// <summary>This selector with more requirements ANDed (merged matchLabelKeys, combined default selectors).</summary>
    public LabelSelector And(IEnumerable<LabelRequirement> more)
        => new(Node, Requirements.Concat(more).ToList(), IsValid);

    /// <summary>A selector built from requirements (a combination of other selectors), reported at <paramref name="node"/>.</summary>
    public static LabelSelector FromRequirements(YamlNode node, IReadOnlyList<LabelRequirement> requirements)
        => new(node, requirements, isValid: true);

    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        if (!IsValid)
        {
            return false;
        }

        foreach (var requirement in Requirements)
        {
            if (!requirement.Matches(labels))
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => string.Join(",", Requirements);
}
