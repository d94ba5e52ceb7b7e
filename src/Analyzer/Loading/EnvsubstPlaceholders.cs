using System.Text.RegularExpressions;
using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Loading;

/// <summary>
/// Recognises files written for envsubst and its relatives (<c>${VAR}</c>, and the shell forms <c>${VAR:-default}</c>,
/// <c>${VAR-default}</c>, <c>${VAR:=x}</c>, <c>${VAR:?msg}</c>, <c>${VAR:+x}</c> that a8m/envsubst and drone/envsubst
/// accept), as GKE's samples are. Kubernetes itself only expands <c>$(VAR)</c> in commands, arguments and env values,
/// and passes <c>${VAR}</c> through, so a placeholder only marks a template where a manifest has a value of its own:
/// not in container commands or arguments (shell scripts), not in ConfigMap or Secret data, not in block scalars
/// (scripts and configuration files), and in an env value only when it is the whole value.
/// </summary>
internal static class EnvsubstPlaceholders
{
    private static readonly Regex Placeholder = new(
        @"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?::?[-=?+])[^}]*)?\}",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    // Keys under which values belong to a shell or an application, not to the manifest.
    private static readonly HashSet<string> PayloadKeys = new(StringComparer.Ordinal) { "command", "args", "data", "stringData", "binaryData" };

    /// <summary>The placeholders that make the documents a template, in order of appearance, with the position of the first; null when there are none.</summary>
    public static (IReadOnlyList<string> Names, SourcePosition First)? Find(SourceFile file, IEnumerable<ParsedDocument> documents)
    {
        if (file.Text.IndexOf("${", StringComparison.Ordinal) < 0)
        {
            return null;
        }

        var names = new List<string>();
        SourcePosition? first = null;
        LineStarts? lines = null;
        var visited = new HashSet<YamlNode>();
        var stack = new Stack<(YamlNode Node, string? Key)>();
        foreach (var document in documents)
        {
            if (document.Root is { } root)
            {
                stack.Push((root, null));
            }

            while (stack.Count > 0)
            {
                // Collections reached again through an alias are walked once; scalars are not tracked: a scalar is
                // reached at most once per entry or item written in the file, and most nodes are scalars, whose
                // entries in the set cost more than looking at them twice.
                var (node, key) = stack.Pop();
                if (node is not YamlScalar && !visited.Add(node))
                {
                    continue;
                }

                switch (node)
                {
                    case YamlMapping mapping:
                        for (var i = mapping.Entries.Count - 1; i >= 0; i--)
                        {
                            var entry = mapping.Entries[i];
                            if (!PayloadKeys.Contains(entry.KeyText))
                            {
                                stack.Push((entry.Value, entry.KeyText));
                            }
                        }

                        break;
                    case YamlSequence sequence:
                        for (var i = sequence.Items.Count - 1; i >= 0; i--)
                        {
                            stack.Push((sequence.Items[i], key));
                        }

                        break;
                    case YamlScalar scalar when scalar.Value.IndexOf("${", StringComparison.Ordinal) >= 0:
                        lines ??= new LineStarts(file.Text);
                        if (lines.IsBlockScalar(scalar))
                        {
                            break;
                        }

                        var matches = Placeholder.Matches(scalar.Value);
                        if (matches.Count == 0 || (key == "value" && !(matches.Count == 1 && matches[0].Length == scalar.Value.Length)))
                        {
                            break;
                        }

                        first ??= lines.Locate(scalar, matches[0].Value);
                        foreach (Match match in matches)
                        {
                            var name = match.Groups["name"].Value;
                            if (!names.Contains(name))
                            {
                                names.Add(name);
                            }
                        }

                        break;
                }
            }
        }

        return first is { } position ? (names, position) : null;
    }

    /// <summary>Offsets of line starts, to look at the text behind a node.</summary>
    private sealed class LineStarts
    {
        private readonly string _text;
        private readonly List<int> _starts = [0];

        public LineStarts(string text)
        {
            _text = text;
            for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
            {
                _starts.Add(i + 1);
            }
        }

        /// <summary>Literal (|) and folded (&gt;) scalars start with their indicator.</summary>
        public bool IsBlockScalar(YamlScalar scalar) => !scalar.IsPlain && CharAt(scalar.Start) is '|' or '>';

        /// <summary>The position of <paramref name="placeholder"/> on the scalar's lines, else the scalar's start.</summary>
        public SourcePosition Locate(YamlScalar scalar, string placeholder)
        {
            for (var line = scalar.Start.Line; line <= scalar.Span.End.Line && line <= _starts.Count; line++)
            {
                var lineStart = _starts[line - 1];
                var from = line == scalar.Start.Line ? lineStart + scalar.Start.Column - 1 : lineStart;
                var lineEnd = line < _starts.Count ? _starts[line] : _text.Length;
                var index = from < lineEnd ? _text.IndexOf(placeholder, from, lineEnd - from, StringComparison.Ordinal) : -1;
                if (index >= 0)
                {
                    return new SourcePosition(line, index - lineStart + 1);
                }
            }

            return scalar.Start;
        }

        private char CharAt(SourcePosition position)
        {
            if (position.Line < 1 || position.Line > _starts.Count)
            {
                return '\0';
            }

            var offset = _starts[position.Line - 1] + position.Column - 1;
            return offset < _text.Length ? _text[offset] : '\0';
        }
    }
}
