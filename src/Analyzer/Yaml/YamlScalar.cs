using System.Globalization;
using KubeLint.Analyzer.Documents;

namespace KubeLint.Analyzer.Yaml;

/// <summary>A scalar value. Its type is resolved the way Kubernetes' YAML decoder (go-yaml v2) does.</summary>
public sealed class YamlScalar : YamlNode
{
    // 0 = not resolved yet, otherwise kind + 1: a single byte, so racing readers on parallel passes never see a torn value.
    private byte _kind;

    public YamlScalar(string value, bool isPlain, SourceSpan span, string? tag = null)
        : base(span, tag)
    {
        Value = value;
        IsPlain = isPlain;
    }

    public string Value { get; }

    /// <summary>True when the scalar was written without quotes or block indicators, so its type is inferred.</summary>
    public bool IsPlain { get; }

    public ScalarKind Kind
    {
        get
        {
            if (_kind == 0)
            {
                _kind = (byte)(ScalarResolver.Resolve(this) + 1);
            }

            return (ScalarKind)(_kind - 1);
        }
    }

    public override string TypeName => Kind switch
    {
        ScalarKind.Null => "null",
        ScalarKind.Bool => "boolean",
        ScalarKind.Int => "integer",
        ScalarKind.Float => "number",
        _ => "string",
    };

    public bool IsNull => Kind == ScalarKind.Null;

    public bool TryGetInt64(out long value)
    {
        if (Kind == ScalarKind.Int)
        {
            return ScalarResolver.TryParseInt(Value, out value);
        }

        value = 0;
        return false;
    }

    public bool TryGetDouble(out double value)
    {
        switch (Kind)
        {
            case ScalarKind.Int when ScalarResolver.TryParseInt(Value, out var l):
                value = l;
                return true;
            case ScalarKind.Float:
                return ScalarResolver.TryParseFloat(Value, out value);
            default:
                value = 0;
                return false;
        }
    }

    public bool TryGetBool(out bool value)
    {
        value = Kind == ScalarKind.Bool && ScalarResolver.IsTrue(Value);
        return Kind == ScalarKind.Bool;
    }

    /// <summary>The value as it would appear in JSON text, for messages.</summary>
    public string ToDisplayString() => Kind == ScalarKind.String
        ? "\"" + Value + "\""
        : Kind == ScalarKind.Null ? "null" : Value.ToString(CultureInfo.InvariantCulture);

    public override string ToString() => Value;
}
