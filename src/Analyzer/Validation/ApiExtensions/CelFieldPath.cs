using System.Text;

namespace KubeLint.Analyzer.Validation.ApiExtensions;

/// <summary>
/// <c>ValidFieldPath</c> (apiextensions-apiserver pkg/apiserver/schema/cel/validation.go): a JSON path in the dot
/// notation (<c>.spec.replicas</c>, <c>.labels['app.kubernetes.io/name']</c>) that must name a field of the structural
/// schema, through properties or additionalProperties. Used for the fieldPath of x-kubernetes-validations rules
/// and for selectableFields.
/// </summary>
internal sealed class CelFieldPath
{
    private CelFieldPath(string? error, string path, string? root)
    {
        Error = error;
        Path = path;
        Root = root;
    }

    /// <summary>Why the path is not valid (the <c>err</c> of ValidFieldPath), or null.</summary>
    public string? Error { get; }

    /// <summary>The path as a <c>field.Path</c> prints it (<c>spec.labels[app]</c>).</summary>
    public string Path { get; }

    /// <summary>The first field of the path.</summary>
    public string? Root { get; }

    public static bool IsValid(string jsonPath, SchemaProps schema, bool allowArrayNotation) => Resolve(jsonPath, schema, allowArrayNotation).Error is null;

    public static CelFieldPath Resolve(string jsonPath, SchemaProps schema, bool allowArrayNotation)
    {
        var tokens = Tokens(jsonPath);
        var path = new StringBuilder();
        string? root = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var bracket = tokens[i] == "[";
            if (bracket && !allowArrayNotation)
            {
                return Fail("array notation is not allowed");
            }

            if (!bracket && tokens[i] != ".")
            {
                return Fail("expected [ or . but got: " + tokens[i]);
            }

            if (++i >= tokens.Count)
            {
                return Fail("unexpected end of JSON path");
            }

            var name = tokens[i];
            if (bracket)
            {
                if (name.Length < 2 || name[0] != '\'' || name[name.Length - 1] != '\'')
                {
                    return Fail("expected single quoted string but got " + name);
                }

                if (Unescape(name.Substring(1, name.Length - 2), out var error) is not { } unescaped)
                {
                    return Fail("invalid string literal: " + error);
                }

                name = unescaped;
            }

            if (schema.IsSet && schema.HasProperties)
            {
                if (!schema.HasProperty(name))
                {
                    return Fail("does not refer to a valid field");
                }

                path.Append(path.Length == 0 ? string.Empty : ".").Append(name);
                schema = schema.Property(name);
            }
            else if (schema.IsSet && schema.ValueOf(SchemaMember.AdditionalProperties) is not null)
            {
                path.Append('[').Append(name).Append(']');
                schema = schema.AdditionalProperties;
            }
            else
            {
                return Fail("does not refer to a valid field");
            }

            root ??= name;
            if (bracket)
            {
                if (++i >= tokens.Count)
                {
                    return Fail("unexpected end of JSON path");
                }

                if (tokens[i] != "]")
                {
                    return Fail("expected ] but got " + tokens[i]);
                }
            }
        }

        return new CelFieldPath(null, path.ToString(), root);
    }

    private static CelFieldPath Fail(string error) => new(error, string.Empty, null);

    /// <summary>The scanner's split function: '.', '[' and ']' alone, a single-quoted string whole, other text up to the next of those.</summary>
    private static List<string> Tokens(string path)
    {
        var tokens = new List<string>();
        var at = 0;
        while (at < path.Length)
        {
            var end = at;
            if (path[at] == '\'')
            {
                end = at + 1;
                while (end < path.Length && !(path[end] == '\'' && path[end - 1] != '\\'))
                {
                    end++;
                }

                end = Math.Min(end + 1, path.Length);
            }
            else if (path[at] is '.' or '[' or ']')
            {
                end = at + 1;
            }
            else
            {
                while (end < path.Length && path[end] is not ('.' or '[' or ']'))
                {
                    end++;
                }
            }

            tokens.Add(path.Substring(at, end - at));
            at = end;
        }

        return tokens;
    }

    /// <summary><c>unescapeSingleQuote</c>: the escapes of a single-quoted path segment.</summary>
    private static string? Unescape(string text, out string error)
    {
        error = string.Empty;
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 >= text.Length)
            {
                result.Append(text[i]);
                continue;
            }

            var directive = text[++i];
            var replacement = directive switch
            {
                'a' => "\a",
                'b' => "\b",
                'f' => "\f",
                'n' => "\n",
                'r' => "\r",
                't' => "\t",
                'v' => "\v",
                '\'' => "'",
                '\\' => "\\",
                _ => null,
            };
            if (replacement is null)
            {
                error = "invalid escape char \\" + directive;
                return null;
            }

            result.Append(replacement);
        }

        return result.ToString();
    }
}
