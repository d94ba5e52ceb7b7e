using System.Globalization;

namespace KubeLint.Simulator.Scheduling.Framework;

/// <summary>
/// framework.FitError's message: "0/N nodes are available: " then, per reason, how many nodes gave it (the nodes
/// a filter rejected, plus the absent nodes with the absent status), as "count reason" strings sorted the way Go's
/// sort.Strings sorts them ("10 …" before "2 …"), then the PostFilter message.
/// </summary>
internal sealed class FitError
{
    private readonly Dictionary<string, int> _reasons = new(StringComparer.Ordinal);

    public FitError(int nodes)
    {
        Nodes = nodes;
    }

    public int Nodes { get; }

    public void Add(string reason, int count = 1)
        => _reasons[reason] = (_reasons.TryGetValue(reason, out var c) ? c : 0) + count;

    public void AddAll(List<string> reasons)
    {
        foreach (var reason in reasons)
        {
            Add(reason);
        }
    }

    /// <summary>"0/N nodes are available: a, b." (or with a PreFilter message, "0/N nodes are available: message.").</summary>
    public string Message(string? preFilterMessage = null)
    {
        var text = "0/" + Nodes.ToString(CultureInfo.InvariantCulture) + " nodes are available:";
        if (preFilterMessage is not null)
        {
            return text + " " + preFilterMessage + ".";
        }

        var parts = _reasons.Select(p => p.Value.ToString(CultureInfo.InvariantCulture) + " " + p.Key).ToList();
        parts.Sort(StringComparer.Ordinal);
        return parts.Count == 0 ? text : text + " " + string.Join(", ", parts) + ".";
    }
}
