#if NET
namespace KubeLint.Analyzer.Cel;

/// <summary>
/// Finds CEL's optional syntax (cel-go parser with EnableOptionalSyntax): optional field selection <c>a.?b</c>,
/// optional index <c>a[?k]</c> and optional list and map entries <c>[?x]</c>, <c>{?k: v}</c>. The Cel package parses
/// these but evaluates them as the plain forms, which turns an absent field into an error: rules using them are not
/// evaluated. String and bytes literals (quoted, raw, triple-quoted) are skipped.
/// </summary>
internal static class CelOptionalSyntax
{
    public static bool IsUsedBy(string rule)
    {
        for (var i = 0; i < rule.Length; i++)
        {
            var c = rule[i];
            if (c is '"' or '\'')
            {
                i = SkipString(rule, i);
                continue;
            }

            if (c is '.' or '[' or '{' or ',' && NextSignificant(rule, i + 1) is var next && next < rule.Length && rule[next] == '?')
            {
                // ",?" only opens an optional entry inside a list or map literal; a ternary never follows a comma.
                return true;
            }
        }

        return false;
    }

    private static int NextSignificant(string text, int from)
    {
        while (from < text.Length && char.IsWhiteSpace(text[from]))
        {
            from++;
        }

        return from;
    }

    /// <summary>The index of the string literal's closing quote (or the end of the text).</summary>
    private static int SkipString(string text, int start)
    {
        var quote = text[start];
        var raw = start > 0 && text[start - 1] is 'r' or 'R' || (start > 1 && text[start - 1] is 'b' or 'B' && text[start - 2] is 'r' or 'R');
        var triple = start + 2 < text.Length && text[start + 1] == quote && text[start + 2] == quote;
        var i = start + (triple ? 3 : 1);
        while (i < text.Length)
        {
            if (!raw && text[i] == '\\')
            {
                i += 2;
                continue;
            }

            if (text[i] == quote && (!triple || (i + 2 < text.Length && text[i + 1] == quote && text[i + 2] == quote)))
            {
                return triple ? i + 2 : i;
            }

            i++;
        }

        return text.Length;
    }
}
#endif
