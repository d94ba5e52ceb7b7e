using System.Globalization;

namespace KubeLint.Analyzer.Validation.Configuration;

/// <summary>
/// Whether bytes hold a JSON object as Go's <c>json.Unmarshal(data, &amp;map[string]interface{}{})</c> decides, with
/// its error text: the syntax errors of encoding/json's scanner (scanner.go: "invalid character 'o' in literal null
/// (expecting 'u')", "unexpected end of JSON input") and the type error for a value that is not an object. A
/// Secret's <c>.dockercfg</c> and <c>.dockerconfigjson</c> are checked this way. The scanner is one loop over the
/// bytes with an explicit stack, linear in the input whatever its nesting. At the end of the input Go's scanner
/// steps once more with a space, so an unfinished literal or number reports that space.
/// </summary>
internal static class GoJsonSyntax
{
    private const string EndOfInput = "unexpected end of JSON input";

    private enum Container
    {
        ObjectKey,
        ObjectValue,
        Array,
    }

    /// <summary>The error <c>json.Unmarshal</c> returns for <paramref name="data"/> into a map, or null when it succeeds.</summary>
    public static string? ObjectError(byte[] data)
    {
        var stack = new Stack<Container>();
        var i = 0;
        var expectValue = true;
        byte? first = null;
        while (true)
        {
            string? error = null;
            if (expectValue)
            {
                i = SkipSpace(data, i);
                if (i >= data.Length)
                {
                    return EndOfInput;
                }

                var c = data[i];
                first ??= c;
                expectValue = false;
                switch (c)
                {
                    case (byte)'{':
                        i = SkipSpace(data, i + 1);
                        if (i < data.Length && data[i] == '}')
                        {
                            i++;
                            break;
                        }

                        if ((error = ReadKey(data, ref i)) is not null)
                        {
                            return error;
                        }

                        stack.Push(Container.ObjectKey);
                        break;
                    case (byte)'[':
                        i = SkipSpace(data, i + 1);
                        if (i < data.Length && data[i] == ']')
                        {
                            i++;
                            break;
                        }

                        stack.Push(Container.Array);
                        expectValue = true;
                        break;
                    case (byte)'"':
                        error = ReadString(data, ref i);
                        break;
                    case (byte)'-' or (>= (byte)'0' and <= (byte)'9'):
                        error = ReadNumber(data, ref i);
                        break;
                    case (byte)'t':
                        error = ReadLiteral(data, ref i, "true");
                        break;
                    case (byte)'f':
                        error = ReadLiteral(data, ref i, "false");
                        break;
                    case (byte)'n':
                        error = ReadLiteral(data, ref i, "null");
                        break;
                    default:
                        return Invalid(c, "looking for beginning of value");
                }

                if (error is not null)
                {
                    return error;
                }

                continue;
            }

            // A value has ended: continue the enclosing container, or end the input.
            i = SkipSpace(data, i);
            if (stack.Count == 0)
            {
                return i < data.Length ? Invalid(data[i], "after top-level value") : TypeError(first!.Value);
            }

            if (i >= data.Length)
            {
                return EndOfInput;
            }

            var next = data[i++];
            switch (stack.Pop())
            {
                case Container.ObjectKey when next == ':':
                    stack.Push(Container.ObjectValue);
                    expectValue = true;
                    break;
                case Container.ObjectKey:
                    return Invalid(next, "after object key");
                case Container.ObjectValue when next == ',':
                    if ((error = ReadKey(data, ref i)) is not null)
                    {
                        return error;
                    }

                    stack.Push(Container.ObjectKey);
                    break;
                case Container.ObjectValue when next == '}':
                    break;
                case Container.ObjectValue:
                    return Invalid(next, "after object key:value pair");
                case Container.Array when next == ',':
                    stack.Push(Container.Array);
                    expectValue = true;
                    break;
                case Container.Array when next == ']':
                    break;
                default:
                    return Invalid(next, "after array element");
            }
        }
    }

    /// <summary>An object key: a string.</summary>
    private static string? ReadKey(byte[] data, ref int i)
    {
        i = SkipSpace(data, i);
        if (i >= data.Length)
        {
            return EndOfInput;
        }

        return data[i] == '"' ? ReadString(data, ref i) : Invalid(data[i], "looking for beginning of object key string");
    }

    private static string? ReadString(byte[] data, ref int i)
    {
        i++;
        while (i < data.Length)
        {
            var c = data[i++];
            if (c == '"')
            {
                return null;
            }

            if (c < 0x20)
            {
                return Invalid(c, "in string literal");
            }

            if (c != '\\')
            {
                continue;
            }

            var escape = At(data, i++);
            if (escape == 'u')
            {
                for (var k = 0; k < 4; k++, i++)
                {
                    if (!Uri.IsHexDigit((char)At(data, i)))
                    {
                        return Invalid(At(data, i), "in \\u hexadecimal character escape");
                    }
                }
            }
            else if ("bfnrt\\/\"".IndexOf((char)escape) < 0)
            {
                return Invalid(escape, "in string escape code");
            }
        }

        return EndOfInput;
    }

    private static string? ReadNumber(byte[] data, ref int i)
    {
        if (data[i] == '-')
        {
            i++;
            if (!IsDigit(At(data, i)))
            {
                return Invalid(At(data, i), "in numeric literal");
            }
        }

        if (data[i] == '0')
        {
            i++;
        }
        else
        {
            while (i < data.Length && IsDigit(data[i]))
            {
                i++;
            }
        }

        if (i < data.Length && data[i] == '.')
        {
            i++;
            if (!IsDigit(At(data, i)))
            {
                return Invalid(At(data, i), "after decimal point in numeric literal");
            }

            while (i < data.Length && IsDigit(data[i]))
            {
                i++;
            }
        }

        if (i < data.Length && data[i] is (byte)'e' or (byte)'E')
        {
            i++;
            if (i < data.Length && data[i] is (byte)'+' or (byte)'-')
            {
                i++;
            }

            if (!IsDigit(At(data, i)))
            {
                return Invalid(At(data, i), "in exponent of numeric literal");
            }

            while (i < data.Length && IsDigit(data[i]))
            {
                i++;
            }
        }

        return null;
    }

    private static string? ReadLiteral(byte[] data, ref int i, string literal)
    {
        for (var k = 1; k < literal.Length; k++)
        {
            if (At(data, i + k) != literal[k])
            {
                return Invalid(At(data, i + k), $"in literal {literal} (expecting {QuoteChar((byte)literal[k])})");
            }
        }

        i += literal.Length;
        return null;
    }

    /// <summary>Unmarshalling a valid value that is not an object fails; null leaves the map alone.</summary>
    private static string? TypeError(byte first) => first switch
    {
        (byte)'{' or (byte)'n' => null,
        (byte)'[' => Cannot("array"),
        (byte)'"' => Cannot("string"),
        (byte)'t' or (byte)'f' => Cannot("bool"),
        _ => Cannot("number"),
    };

    private static string Cannot(string kind) => $"json: cannot unmarshal {kind} into Go value of type map[string]interface {{}}";

    private static string Invalid(byte c, string context) => $"invalid character {QuoteChar(c)} {context}";

    /// <summary>encoding/json's <c>quoteChar</c>: the byte as a Go rune literal.</summary>
    private static string QuoteChar(byte c)
    {
        if (c == '\'')
        {
            return "'\\''";
        }

        if (c == '"')
        {
            return "'\"'";
        }

        var quoted = GoValue.Quote(((char)c).ToString(CultureInfo.InvariantCulture));
        return "'" + quoted.Substring(1, quoted.Length - 2) + "'";
    }

    /// <summary>The byte at <paramref name="i"/>, or the space Go's scanner steps with at the end of the input.</summary>
    private static byte At(byte[] data, int i) => i < data.Length ? data[i] : (byte)' ';

    private static int SkipSpace(byte[] data, int i)
    {
        while (i < data.Length && data[i] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
        {
            i++;
        }

        return i;
    }

    private static bool IsDigit(byte c) => c is >= (byte)'0' and <= (byte)'9';
}
