#if NET
using System.Text;
using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using Cel;
using Cel.Internal;

namespace KubeLint.Analyzer.Cel;

/// <summary>
/// Rewrites what the Cel package parses but does not evaluate as cel-go does into calls of
/// <see cref="CelRewriteLibrary"/> that it does evaluate, working on the package's own parse tree:
/// <list type="bullet">
/// <item><c>==</c>, <c>!=</c> and <c>in</c>, whose package implementation refuses values of other types (Kubernetes'
/// quantity, URL, IP, CIDR): cel-go's <c>Equal</c> (traits.Equaler) compares them by what they hold.</item>
/// <item>The optional syntax of cel-go's parser (EnableOptionalSyntax): <c>a.?b</c>, <c>a[?k]</c>, <c>[?x]</c>,
/// <c>{?k: v}</c>; once a chain of selections is optional the rest of it is too (interpreter/attributes.go).</item>
/// <item>Two-variable comprehensions (cel-go ext/comprehensions.go): <c>all</c>, <c>exists</c>, <c>existsOne</c> (also
/// spelled <c>exists_one</c>),
/// <c>transformList</c>, <c>transformMap</c> and <c>transformMapEntry</c> with an index or key and a value,
/// expressed as the package's one-variable macros over the entries.</item>
/// <item><c>||</c> and <c>&amp;&amp;</c>, whose package implementation does not absorb a missing field's error
/// where the other side decides, as cel-go does (<see cref="Logical"/>).</item>
/// <item>The arithmetic operators, whose overflow the package reports in its own words rather than cel-go's
/// (<see cref="CelArithmeticLibrary"/>).</item>
/// <item>The type conversions <c>int</c>, <c>uint</c>, <c>double</c>, <c>bool</c>, <c>string</c> and <c>duration</c>,
/// which the package converts by .NET's parsers rather than Go's (<see cref="CelConversionLibrary"/>).</item>
/// <item>The list-building macros <c>map</c> (also with a filter) and <c>filter</c>, over a map's keys and with cel-go's
/// order of evaluation and errors.</item>
/// </list>
/// A call of a function in the style its library does not declare is refused, as cel-go's checker refuses it (<see cref="CelCallStyles"/>).
/// Everything else is written back token by token, so the package evaluates it unchanged.
/// </summary>
internal sealed class CelSourceRewriter
{
    private static readonly HashSet<string> TwoVariableMacros = new(StringComparer.Ordinal)
    {
        "all", "exists", "existsOne", "exists_one", "transformList", "transformMap", "transformMapEntry",
    };

    private int _variables;

    private CelSourceRewriter()
    {
    }

    private bool _twoVariableComprehensions;
    private bool _authorizer;

    /// <summary>
    /// The rewritten source of a parsed rule, whether it uses a two-variable comprehension (available to new rules
    /// from 1.33), and whether it reads the authz library's <c>authorizer</c>.
    /// </summary>
    public static (string Source, bool TwoVariableComprehensions, bool Authorizer) Rewrite(CelParser.StartContext start)
    {
        var rewriter = new CelSourceRewriter();
        var source = rewriter.Emit(start.e);
        return (source, rewriter._twoVariableComprehensions, rewriter._authorizer);
    }

    private string Emit(IParseTree node) => node switch
    {
        ITerminalNode terminal => terminal.Symbol.Type == TokenConstants.EOF ? string.Empty : terminal.GetText(),
        CelParser.IdentOrGlobalCallContext { id.Text: "authorizer", args: null } identifier => Authorizer(identifier),
        CelParser.IdentOrGlobalCallContext { op: not null } call when CelCallStyles.Error(call.id.Text, hasReceiver: false) is { } error => throw new CelExpressionParserException(error),
        CelParser.MemberCallContext call when CelCallStyles.Error(call.id.Text, hasReceiver: true) is { } error => throw new CelExpressionParserException(error),
        CelParser.IdentOrGlobalCallContext { leadingDot: null, op: not null, args._e.Count: 1 } call when CelConversionLibrary.Function(call.id.Text) is { } function =>
            $"{function}({Emit(call.args._e[0])})",
        CelParser.ConditionalOrContext { _e1.Count: > 0 } or => Logical(or.e, or._e1, "exists"),
        CelParser.ConditionalAndContext { _e1.Count: > 0 } and => Logical(and.e, and._e1, "all"),
        CelParser.RelationContext { op: { } op } relation when op.Text is "==" or "!=" or "in" => Relation(relation, op.Text),
        CelParser.CalcContext { op: { } op } calc when CelArithmeticLibrary.Function(op.Text) is { } function => $"{function}({Emit(calc.GetChild(0))}, {Emit(calc.GetChild(2))})",
        CelParser.NegateContext { _ops.Count: > 0 } negate => Negation(negate),
        CelParser.MemberCallContext call when TwoVariableArguments(call) is { } arguments => Comprehension(call, arguments),
        CelParser.MemberCallContext { id.Text: "map" or "filter", args._e: { Count: 2 or 3 } arguments } call when IsIdentifier(arguments[0]) => ListComprehension(call, arguments),
        CelParser.SelectContext select when select.opt is not null || IsOptionalChain(select.member()) =>
            $"{CelRewriteLibrary.OptionalSelect}({Emit(select.member())}, {CelStringLiteral(select.id.Text)})",
        CelParser.IndexContext index when index.opt is not null || IsOptionalChain(index.member()) =>
            $"{CelRewriteLibrary.OptionalIndex}({Emit(index.member())}, {Emit(index.index)})",
        CelParser.CreateListContext { elems: { } elements } when elements._elems.Any(e => e.opt is not null) => OptionalList(elements),
        CelParser.CreateStructContext { entries: { } entries } when entries._keys.Any(k => k.opt is not null) => OptionalMap(entries),
        _ => Children(node),
    };

    private string Children(IParseTree node)
    {
        var text = new StringBuilder();
        for (var i = 0; i < node.ChildCount; i++)
        {
            var child = Emit(node.GetChild(i));
            if (child.Length == 0)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(child);
        }

        return text.ToString();
    }

    private string Relation(CelParser.RelationContext relation, string op)
    {
        var left = Emit(relation.GetChild(0));
        var right = Emit(relation.GetChild(2));
        return op switch
        {
            "==" => $"({CelRewriteLibrary.Equal}({left}, {right}))",
            "!=" => $"(!{CelRewriteLibrary.Equal}({left}, {right}))",
            _ => $"({CelRewriteLibrary.In}({left}, {right}))",
        };
    }

    /// <summary>
    /// <c>a || b || ...</c> and <c>a &amp;&amp; b &amp;&amp; ...</c> as cel-go's evalOr and evalAnd
    /// (interpreter/interpretable.go): the terms left to right, true (false) at the first term that is, else the
    /// first error, "no such overload" for a term that is no bool. The package's own operators fail at once on a
    /// missing field even when a later term decides, and keep the last error; the terms are therefore the elements
    /// of an <c>exists</c> (<c>all</c>), whose <see cref="CelQuantifierMacros"/> evaluation is exactly that.
    /// </summary>
    private string Logical(IParseTree first, IEnumerable<IParseTree> rest, string macro)
    {
        var index = "__kl_term" + _variables++.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var terms = new[] { first }.Concat(rest).Select(Emit).ToList();
        var body = $"({terms[terms.Count - 1]})";
        for (var i = terms.Count - 2; i >= 0; i--)
        {
            body = $"{index} == {i.ToString(System.Globalization.CultureInfo.InvariantCulture)} ? ({terms[i]}) : {body}";
        }

        return $"[{string.Join(", ", Enumerable.Range(0, terms.Count))}].{macro}({index}, {body})";
    }

    /// <summary>Each unary minus, innermost first, as cel-go's Negate.</summary>
    private string Negation(CelParser.NegateContext negate)
    {
        var operand = Emit(negate.member());
        for (var i = 0; i < negate._ops.Count; i++)
        {
            operand = $"{CelArithmeticLibrary.Negate}({operand})";
        }

        return operand;
    }

    /// <summary>A selection or index on an optional value (an optional one, or one on such a chain).</summary>
    private static bool IsOptionalChain(CelParser.MemberContext member) => member switch
    {
        CelParser.SelectContext select => select.opt is not null || IsOptionalChain(select.member()),
        CelParser.IndexContext index => index.opt is not null || IsOptionalChain(index.member()),
        _ => false,
    };

    private string OptionalList(CelParser.ListInitContext elements)
        => $"{CelRewriteLibrary.OptionalList}([{string.Join(", ", elements._elems.Select(OptionalElement))}])";

    private string OptionalMap(CelParser.MapInitializerListContext entries)
    {
        var pairs = entries._keys.Select((key, i) => $"[{Emit(key.e)}, {(key.opt is null ? $"optional.of({Emit(entries._values[i])})" : Emit(entries._values[i]))}]");
        return $"{CelRewriteLibrary.OptionalMap}([{string.Join(", ", pairs)}])";
    }

    private string OptionalElement(CelParser.OptExprContext element)
        => element.opt is null ? $"optional.of({Emit(element.e)})" : Emit(element.e);

    /// <summary>The arguments of a two-variable comprehension call: two identifiers, then one or (filtering) two expressions.</summary>
    private static IList<CelParser.ExprContext>? TwoVariableArguments(CelParser.MemberCallContext call)
    {
        if (!TwoVariableMacros.Contains(call.id.Text) || call.args is not { } list)
        {
            return null;
        }

        var arguments = list._e;
        var filtering = call.id.Text is "transformList" or "transformMap" or "transformMapEntry" && arguments.Count == 4;
        return (arguments.Count == 3 || filtering) && IsIdentifier(arguments[0]) && IsIdentifier(arguments[1]) ? arguments : null;
    }

    private static bool IsIdentifier(CelParser.ExprContext expression)
    {
        var text = expression.GetText();
        return text.Length > 0 && (char.IsLetter(text[0]) || text[0] == '_') && text.All(c => char.IsLetterOrDigit(c) || c == '_');
    }

    /// <summary>
    /// The comprehension over <c>entries(target)</c>, a list of [index or key, value] pairs: each pair is bound to the
    /// two variables through one-element macros, so the package's own variable scoping applies.
    /// </summary>
    private string Comprehension(CelParser.MemberCallContext call, IList<CelParser.ExprContext> arguments)
    {
        _twoVariableComprehensions = true;
        var entry = "__kl_entry" + _variables++.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var first = arguments[0].GetText();
        var second = arguments[1].GetText();
        var entries = $"{CelRewriteLibrary.Entries}({Emit(call.member())})";
        string Bind(string macro, string body) => $"[{entry}[0]].{macro}({first}, [{entry}[1]].{macro}({second}, {body}))";
        string Value(string body) => $"[{entry}[0]].map({first}, [{entry}[1]].map({second}, {body})[0])[0]";
        var filtered = arguments.Count == 4 ? $"{entries}.filter({entry}, {Bind("all", Emit(arguments[2]))})" : entries;
        var body = Emit(arguments[arguments.Count - 1]);
        return call.id.Text switch
        {
            "all" => $"{entries}.all({entry}, {Bind("all", body)})",
            "exists" => $"{entries}.exists({entry}, {Bind("exists", body)})",
            "existsOne" or "exists_one" => $"{entries}.exists_one({entry}, {Bind("exists", body)})",
            "transformList" => $"{filtered}.map({entry}, {Value(body)})",
            "transformMap" => $"{CelRewriteLibrary.MapOf}({filtered}.map({entry}, [{entry}[0], {Value(body)}]))",
            _ => $"{CelRewriteLibrary.MergeMaps}({filtered}.map({entry}, {Value(body)}))",
        };
    }

    /// <summary>
    /// The macros that build a list, as cel-go's parser expands them (parser/macro.go, MakeMap and MakeFilter) into a
    /// comprehension over the list's elements or the map's keys (the package would iterate a map's key-value pairs):
    /// <c>map(x, t)</c> steps <c>accu + [t]</c>, <c>filter(x, p)</c> steps <c>p ? accu + [x] : accu</c> and
    /// <c>map(x, p, t)</c> steps <c>p ? accu + [t] : accu</c>. The comprehension goes on after an error: a later
    /// element's filter error replaces the result (the conditional returns it; one that is no bool is "no such
    /// overload"), while a transform error is kept (the sum returns its erroneous left side first). So the result is
    /// the list, or the last filter error if any filter fails, else the first transform error. The package stops at
    /// the first exception, so the filters run first, from the last element back, and then the transforms of the
    /// kept elements in order: the first error thrown is the one cel-go returns.
    /// </summary>
    private string ListComprehension(CelParser.MemberCallContext call, IList<CelParser.ExprContext> arguments)
    {
        var elements = "__kl_elements" + _variables++.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var variable = arguments[0].GetText();
        var kept = elements;
        if (call.id.Text == "filter" || arguments.Count == 3)
        {
            var filters = $"{CelRewriteLibrary.Reverse}({CelRewriteLibrary.Reverse}({elements}).map({variable}, {CelRewriteLibrary.Condition}({Emit(arguments[1])})))";
            kept = $"{CelRewriteLibrary.Kept}({elements}, {filters})";
        }

        var result = call.id.Text == "filter" ? kept : $"{kept}.map({variable}, {CelRewriteLibrary.Element}({Emit(arguments[arguments.Count - 1])}))";
        return $"[{CelRewriteLibrary.Range}({Emit(call.member())})].map({elements}, {result})[0]";
    }

    private string Authorizer(CelParser.IdentOrGlobalCallContext identifier)
    {
        _authorizer = true;
        return Children(identifier);
    }

    private static string CelStringLiteral(string identifier) => "'" + identifier + "'";
}
#endif
