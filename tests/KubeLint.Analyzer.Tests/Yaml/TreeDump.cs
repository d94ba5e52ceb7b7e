using System.Globalization;
using System.Text;
using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Loading;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Tests.Yaml;

/// <summary>Renders loaded trees and findings as lines, so two readers can be compared and a difference shown precisely.</summary>
internal static class TreeDump
{
    public static List<string> Render(IReadOnlyList<ParsedDocument> documents, IReadOnlyList<Finding> findings, bool hadSyntaxError)
    {
        var lines = new List<string> { "syntax-error: " + hadSyntaxError };
        foreach (var finding in findings)
        {
            lines.Add($"finding {finding.RuleId}@{finding.Location.Span.Start}");
        }

        foreach (var document in documents)
        {
            lines.Add("document " + document.Index);
            if (document.Root is not null)
            {
                RenderNode(document.Root, lines);
            }
        }

        return lines;
    }

    /// <summary>The first line where the two renderings differ, with its neighbours, or null when they are equal.</summary>
    public static string? FirstDifference(List<string> expected, List<string> actual)
    {
        var count = Math.Max(expected.Count, actual.Count);
        for (var i = 0; i < count; i++)
        {
            var e = i < expected.Count ? expected[i] : "<missing>";
            var a = i < actual.Count ? actual[i] : "<missing>";
            if (e != a)
            {
                var context = string.Join("\n", expected.Skip(Math.Max(0, i - 3)).Take(3));
                return $"line {i}:\n  context:\n{context}\n  expected (YamlDotNet): {e}\n  actual   (own parser): {a}";
            }
        }

        return null;
    }

    private static void RenderNode(YamlNode root, List<string> lines)
    {
        // Explicit stack: aliases make the tree a DAG, and depth is bounded only by the loader's limit.
        var stack = new Stack<(YamlNode Node, int Depth, string Label)>();
        stack.Push((root, 0, string.Empty));
        while (stack.Count > 0)
        {
            var (node, depth, label) = stack.Pop();
            var text = new StringBuilder();
            text.Append(' ', depth * 2).Append(label);
            text.Append(node switch
            {
                YamlMapping => "map",
                YamlSequence => "seq",
                _ => "scalar",
            });
            text.Append(' ').Append(Span(node.Span));
            if (node.Tag is not null)
            {
                text.Append(" tag=").Append(node.Tag);
            }

            switch (node)
            {
                case YamlScalar scalar:
                    text.Append(scalar.IsPlain ? " plain " : " quoted ").Append(Escape(scalar.Value));
                    break;
                case YamlMapping mapping:
                    for (var i = mapping.Entries.Count - 1; i >= 0; i--)
                    {
                        stack.Push((mapping.Entries[i].Value, depth + 1, "value: "));
                        stack.Push((mapping.Entries[i].Key, depth + 1, "key[" + Escape(mapping.Entries[i].KeyText) + "]: "));
                    }

                    break;
                case YamlSequence sequence:
                    for (var i = sequence.Items.Count - 1; i >= 0; i--)
                    {
                        stack.Push((sequence.Items[i], depth + 1, "- "));
                    }

                    break;
            }

            lines.Add(text.ToString());
        }
    }

    private static string Span(SourceSpan span) => span.Start + "-" + span.End;

    private static string Escape(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            _ = c switch
            {
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                < ' ' or > '~' => text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)),
                _ => text.Append(c),
            };
        }

        return text.Append('"').ToString();
    }
}
