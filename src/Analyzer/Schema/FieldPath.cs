using System.Globalization;
using System.Text;

namespace KubeLint.Analyzer.Schema;

/// <summary>
/// The path of the field being validated (spec.template.spec.containers[0].image), kept as a stack and rendered only
/// when a finding needs it: building a string per visited node cost more than the validation itself.
/// </summary>
internal sealed class FieldPath
{
    private readonly List<string?> _keys = [];
    private readonly List<int> _indexes = [];

    public bool IsEmpty => _keys.Count == 0;

    public void Push(string key)
    {
        _keys.Add(key);
        _indexes.Add(-1);
    }

    public void Push(int index)
    {
        _keys.Add(null);
        _indexes.Add(index);
    }

    public void Pop()
    {
        _keys.RemoveAt(_keys.Count - 1);
        _indexes.RemoveAt(_indexes.Count - 1);
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        for (var i = 0; i < _keys.Count; i++)
        {
            if (_keys[i] is { } key)
            {
                if (text.Length > 0)
                {
                    text.Append('.');
                }

                text.Append(key);
            }
            else
            {
                text.Append('[').Append(_indexes[i].ToString(CultureInfo.InvariantCulture)).Append(']');
            }
        }

        return text.ToString();
    }
}
