using KubeLint.Analyzer.Yaml;

namespace KubeLint.Rules.Common;

/// <summary>Structural equality of YAML trees: same keys (in any order), same items in order, same resolved scalars.</summary>
internal static class YamlEquality
{
    public static bool AreEqual(YamlNode? left, YamlNode? right)
    {
        switch (left, right)
        {
            case (null, null):
                return true;
            case (YamlScalar a, YamlScalar b):
                return a.Kind == b.Kind && string.Equals(a.Value, b.Value, StringComparison.Ordinal);
            case (YamlSequence a, YamlSequence b):
                if (a.Count != b.Count)
                {
                    return false;
                }

                for (var i = 0; i < a.Count; i++)
                {
                    if (!AreEqual(a.Items[i], b.Items[i]))
                    {
                        return false;
                    }
                }

                return true;
            case (YamlMapping a, YamlMapping b):
                return a.Count == b.Count && a.Entries.All(entry => b.GetEntry(entry.KeyText) is { } other && AreEqual(entry.Value, other.Value));
            default:
                return false;
        }
    }
}
