using System.Globalization;
using System.Numerics;

namespace KubeLint.Analyzer.Yaml;

/// <summary>
/// Implicit typing of plain scalars as go-yaml v2 does it (the decoder behind sigs.k8s.io/yaml, which the API server
/// and kubectl use): YAML 1.1 booleans such as <c>yes</c>/<c>on</c>, integers in any Go base with underscores, floats.
/// That is what decides whether <c>value: yes</c> is a string or a boolean for Kubernetes.
/// </summary>
internal static class ScalarResolver
{
    private const string CoreTag = "tag:yaml.org,2002:";

    public static ScalarKind Resolve(YamlScalar scalar)
    {
        if (scalar.Tag is { } tag && tag != "!")
        {
            return tag switch
            {
                CoreTag + "str" or "!!str" => ScalarKind.String,
                CoreTag + "int" or "!!int" => ScalarKind.Int,
                CoreTag + "float" or "!!float" => ScalarKind.Float,
                CoreTag + "bool" or "!!bool" => ScalarKind.Bool,
                CoreTag + "null" or "!!null" => ScalarKind.Null,
                _ => ResolvePlain(scalar.Value, scalar.IsPlain),
            };
        }

        return ResolvePlain(scalar.Value, scalar.IsPlain);
    }

    private static ScalarKind ResolvePlain(string value, bool isPlain)
    {
        if (!isPlain)
        {
            return ScalarKind.String;
        }

        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return ScalarKind.Null;
            case "y" or "Y" or "yes" or "Yes" or "YES" or "true" or "True" or "TRUE" or "on" or "On" or "ON":
            case "n" or "N" or "no" or "No" or "NO" or "false" or "False" or "FALSE" or "off" or "Off" or "OFF":
                return ScalarKind.Bool;
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" or "-.inf" or "-.Inf" or "-.INF":
            case ".nan" or ".NaN" or ".NAN":
                return ScalarKind.Float;
        }

        var first = value[0];
        if (first is not ('+' or '-' or '.' or (>= '0' and <= '9')))
        {
            return ScalarKind.String;
        }

        if (TryParseInteger(value, out _))
        {
            return ScalarKind.Int;
        }

        // go-yaml keeps a float only when strconv.ParseFloat succeeds: a value beyond float64 (1e309) is a string.
        var plain = value.IndexOf('_') >= 0 ? value.Replace("_", string.Empty) : value;
        return IsFloat(plain) && TryParseFloat(plain, out var number) && !double.IsInfinity(number) ? ScalarKind.Float : ScalarKind.String;
    }

    public static bool IsTrue(string value) => value is "y" or "Y" or "yes" or "Yes" or "YES" or "true" or "True" or "TRUE" or "on" or "On" or "ON";

    /// <summary>
    /// go-yaml's integers, exactly: <c>strconv.ParseInt(s, 0, 64)</c>, then <c>strconv.ParseUint(s, 0, 64)</c> (which
    /// takes no sign), after removing underscores; decimal, 0x, 0o, 0b and leading-zero octal.
    /// </summary>
    public static bool TryParseInteger(string text, out BigInteger value)
    {
        value = BigInteger.Zero;
        var s = text.IndexOf('_') >= 0 ? text.Replace("_", string.Empty) : text;
        if (s.Length == 0)
        {
            return false;
        }

        var negative = false;
        var signed = false;
        var i = 0;
        if (s[0] is '+' or '-')
        {
            negative = s[0] == '-';
            signed = true;
            i = 1;
        }

        if (i >= s.Length)
        {
            return false;
        }

        var radix = 10;
        if (s[i] == '0' && i + 1 < s.Length)
        {
            switch (s[i + 1])
            {
                case 'x' or 'X':
                    radix = 16;
                    i += 2;
                    break;
                case 'o' or 'O':
                    radix = 8;
                    i += 2;
                    break;
                case 'b' or 'B':
                    radix = 2;
                    i += 2;
                    break;
                default:
                    radix = 8;
                    i += 1;
                    break;
            }

            if (i >= s.Length)
            {
                return false;
            }
        }

        ulong magnitude = 0;
        for (; i < s.Length; i++)
        {
            var digit = DigitValue(s[i]);
            if (digit < 0 || digit >= radix)
            {
                return false;
            }

            if (magnitude > (ulong.MaxValue - (ulong)digit) / (ulong)radix)
            {
                return false;
            }

            magnitude = (magnitude * (ulong)radix) + (ulong)digit;
        }

        if (negative)
        {
            if (magnitude > (ulong)long.MaxValue + 1)
            {
                return false;
            }

            value = -new BigInteger(magnitude);
            return true;
        }

        // Past int64 only ParseUint accepts the value, and it takes no sign.
        if (signed && magnitude > long.MaxValue)
        {
            return false;
        }

        value = new BigInteger(magnitude);
        return true;
    }

    public static bool TryParseFloat(string text, out double value)
    {
        switch (text)
        {
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                value = double.PositiveInfinity;
                return true;
            case "-.inf" or "-.Inf" or "-.INF":
                value = double.NegativeInfinity;
                return true;
            case ".nan" or ".NaN" or ".NAN":
                value = double.NaN;
                return true;
        }

        return double.TryParse(text.Replace("_", string.Empty), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>go-yaml v2's float pattern: <c>^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$</c>.</summary>
    private static bool IsFloat(string s)
    {
        var i = 0;
        if (i < s.Length && s[i] is '+' or '-')
        {
            i++;
        }

        var intDigits = CountDigits(s, ref i);
        if (i < s.Length && s[i] == '.')
        {
            i++;
            var fraction = CountDigits(s, ref i);
            if (intDigits == 0 && fraction == 0)
            {
                return false;
            }
        }
        else if (intDigits == 0)
        {
            return false;
        }

        if (i < s.Length && s[i] is 'e' or 'E')
        {
            i++;
            if (i < s.Length && s[i] is '+' or '-')
            {
                i++;
            }

            if (CountDigits(s, ref i) == 0)
            {
                return false;
            }
        }

        return i == s.Length;
    }

    private static int CountDigits(string s, ref int i)
    {
        var start = i;
        while (i < s.Length && s[i] is >= '0' and <= '9')
        {
            i++;
        }

        return i - start;
    }
}
