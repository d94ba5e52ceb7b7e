using System.Globalization;
using System.Numerics;
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

    /// <summary>
    /// The integer the API server reads from this scalar: an integer (exact, within go-yaml's int64/uint64), or a
    /// float with no fractional part, which sigs.k8s.io/yaml hands on as JSON digits (3.0 and 1e3 are 3 and 1000).
    /// This is the one integer reading shared by schema validation, rules and the simulator.
    /// </summary>
    public bool TryGetInteger(out BigInteger value)
    {
        switch (Kind)
        {
            case ScalarKind.Int:
                return ScalarResolver.TryParseInteger(Value, out value);
            case ScalarKind.Float when ScalarResolver.TryParseFloat(Value, out var number)
                && !double.IsInfinity(number) && !double.IsNaN(number) && Math.Floor(number) == number:
                value = new BigInteger(number);
                return true;
            default:
                value = BigInteger.Zero;
                return false;
        }
    }

    /// <summary><see cref="TryGetInteger"/> for values within int64.</summary>
    public bool TryGetInt64(out long value)
    {
        if (TryGetInteger(out var integer) && integer >= long.MinValue && integer <= long.MaxValue)
        {
            value = (long)integer;
            return true;
        }

        value = 0;
        return false;
    }

    public bool TryGetDouble(out double value)
    {
        switch (Kind)
        {
            case ScalarKind.Int when ScalarResolver.TryParseInteger(Value, out var integer):
                value = (double)integer;
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
