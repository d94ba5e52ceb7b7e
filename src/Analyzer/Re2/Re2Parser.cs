namespace KubeLint.Analyzer.Re2;

/// <summary>
/// Parses a pattern as Go's regexp.Compile does (regexp/syntax Parse with the Perl flags: ClassNL | OneLine | PerlX |
/// UnicodeGroups), with the same grammar, limits and error texts: parse, repeat, parsePerlFlags, parseEscape,
/// parseClass and parseUnicodeClass in regexp/syntax/parse.go (Go 1.23, which builds Kubernetes 1.32). What Go
/// rejects is rejected (backreferences, lookaround, possessive repeats, \C, \Z), what only RE2 has is accepted
/// (\Q...\E, \pN, \p{Greek}, [[:alpha:]], (?P&lt;name&gt;...), \z). The literal-merging and factoring that Go does
/// to speed matching are left out: they do not change what matches.
/// </summary>
internal sealed class Re2Parser
{
    // maxHeight, maxSize (in instructions) and maxRunes of parse.go; maxRepeat bounds x{n,m}.
    private const int MaxHeight = 1000;
    private const long MaxSize = (128 << 20) / 40;
    private const long MaxRunes = (128 << 20) / 4;
    private const int MaxRepeat = 1000;

    private readonly string _pattern;
    private readonly List<RegexNode> _stack = [];
    private readonly Dictionary<RegexNode, int> _heights = [];
    private readonly Dictionary<RegexNode, long> _sizes = [];
    private RegexFlags _flags = RegexFlags.OneLine;
    private long _runes;

    private Re2Parser(string pattern) => _pattern = pattern;

    /// <summary>The parse tree, or throws <see cref="Re2ParseException"/> with Go's error.</summary>
    public static RegexNode Parse(string pattern) => new Re2Parser(pattern).Run();

    private RegexNode Run()
    {
        var s = _pattern;
        var i = 0;
        var lastRepeat = -1;
        while (i < s.Length)
        {
            var repeat = -1;
            switch (s[i])
            {
                case '(':
                    if (i + 1 < s.Length && s[i + 1] == '?')
                    {
                        i = ParsePerlFlags(i);
                        break;
                    }

                    Op(RegexOp.LeftParen).Capturing = true;
                    i++;
                    break;
                case '|':
                    ParseVerticalBar();
                    i++;
                    break;
                case ')':
                    ParseRightParen();
                    i++;
                    break;
                case '^':
                    Op((_flags & RegexFlags.OneLine) != 0 ? RegexOp.BeginText : RegexOp.BeginLine);
                    i++;
                    break;
                case '$':
                    Op((_flags & RegexFlags.OneLine) != 0 ? RegexOp.EndText : RegexOp.EndLine);
                    i++;
                    break;
                case '.':
                    Op((_flags & RegexFlags.DotNewline) != 0 ? RegexOp.AnyChar : RegexOp.AnyCharNotNewline);
                    i++;
                    break;
                case '[':
                    i = ParseClass(i);
                    break;
                case '*' or '+' or '?':
                    {
                        var op = s[i] switch { '*' => RegexOp.Star, '+' => RegexOp.Plus, _ => RegexOp.Quest };
                        var before = i;
                        i = Repeat(op, 0, 0, before, i + 1, lastRepeat);
                        repeat = before;
                        break;
                    }

                case '{':
                    {
                        var before = i;
                        if (!TryParseRepeat(i, out var min, out var max, out var after))
                        {
                            // A brace that does not start a repeat count is a literal.
                            Literal('{');
                            i++;
                            break;
                        }

                        if (min < 0 || min > MaxRepeat || max > MaxRepeat || (max >= 0 && min > max))
                        {
                            throw Error(Re2Error.InvalidRepeatSize, s.Substring(before, after - before));
                        }

                        i = Repeat(RegexOp.Repeat, min, max, before, after, lastRepeat);
                        repeat = before;
                        break;
                    }

                case '\\':
                    i = ParseBackslash(i);
                    break;
                default:
                    i = NextRune(i, out var c);
                    Literal(c);
                    break;
            }

            lastRepeat = repeat;
        }

        Concat();
        if (SwapVerticalBar())
        {
            _stack.RemoveAt(_stack.Count - 1);
        }

        Alternate();
        if (_stack.Count != 1)
        {
            throw Error(Re2Error.MissingParen, s);
        }

        return _stack[0];
    }

    private int ParseBackslash(int i)
    {
        var s = _pattern;
        if (i + 1 < s.Length)
        {
            switch (s[i + 1])
            {
                case 'A':
                    Op(RegexOp.BeginText);
                    return i + 2;
                case 'b':
                    Op(RegexOp.WordBoundary);
                    return i + 2;
                case 'B':
                    Op(RegexOp.NoWordBoundary);
                    return i + 2;
                case 'C':
                    throw Error(Re2Error.InvalidEscape, s.Substring(i, 2));
                case 'Q':
                    {
                        var end = s.IndexOf(@"\E", i + 2, StringComparison.Ordinal);
                        var stop = end < 0 ? s.Length : end;
                        for (var j = i + 2; j < stop;)
                        {
                            j = NextRune(j, out var c);
                            Literal(c);
                        }

                        return end < 0 ? s.Length : end + 2;
                    }

                case 'z':
                    Op(RegexOp.EndText);
                    return i + 2;
                default:
                    break;
            }

            if (s[i + 1] is 'p' or 'P')
            {
                var ranges = new List<int>();
                var next = ParseUnicodeClass(i, ranges);
                PushClass(ranges);
                return next;
            }

            if (CharClass.TryPerlGroup(s.Substring(i, 2), out var negated, out var group))
            {
                var ranges = new List<int>();
                AddGroup(ranges, negated, group);
                PushClass(ranges);
                return i + 2;
            }
        }

        var after = ParseEscape(i, out var r);
        Literal(r);
        return after;
    }

    // ---- Parse stack ----

    private RegexNode Op(RegexOp op) => Push(new RegexNode(op, _flags));

    private void Literal(int r)
    {
        var node = new RegexNode(RegexOp.Literal, _flags) { Runes = [r] };
        Push(node);
    }

    private void PushClass(List<int> ranges) => Push(new RegexNode(RegexOp.CharClass, _flags) { Runes = CharClass.Clean(ranges) });

    private RegexNode Push(RegexNode node)
    {
        _runes += node.Runes.Length;
        _stack.Add(node);
        CheckLimits(node);
        return node;
    }

    private void CheckLimits(RegexNode node)
    {
        if (_runes > MaxRunes || Size(node) > MaxSize)
        {
            throw Error(Re2Error.Large, _pattern);
        }

        if (Height(node) > MaxHeight)
        {
            throw Error(Re2Error.NestingDepth, _pattern);
        }
    }

    /// <summary>calcSize of parse.go: the compiled size of a node, memoized so that checking stays linear.</summary>
    private long Size(RegexNode node)
    {
        if (_sizes.TryGetValue(node, out var known))
        {
            return known;
        }

        long size = node.Op switch
        {
            RegexOp.Literal => node.Runes.Length,
            RegexOp.Capture or RegexOp.Star => 2 + Size(node.Subs[0]),
            RegexOp.Plus or RegexOp.Quest => 1 + Size(node.Subs[0]),
            RegexOp.Concat => node.Subs.Sum(Size),
            RegexOp.Alternate => node.Subs.Sum(Size) + (node.Subs.Count > 1 ? node.Subs.Count - 1 : 0),
            RegexOp.Repeat => RepeatSize(node),
            _ => 0,
        };
        size = Math.Max(1, size);
        _sizes[node] = size;
        return size;
    }

    private long RepeatSize(RegexNode node)
    {
        var sub = Size(node.Subs[0]);
        if (node.Max == -1)
        {
            return node.Min == 0 ? 2 + sub : 1 + (node.Min * sub);
        }

        return (node.Max * sub) + (node.Max - node.Min);
    }

    private int Height(RegexNode node)
    {
        if (_heights.TryGetValue(node, out var known))
        {
            return known;
        }

        var height = 1;
        foreach (var sub in node.Subs)
        {
            height = Math.Max(height, 1 + Height(sub));
        }

        _heights[node] = height;
        return height;
    }

    /// <summary>repeat of parse.go: applies a repetition operator to the top of the stack.</summary>
    private int Repeat(RegexOp op, int min, int max, int before, int after, int lastRepeat)
    {
        var flags = _flags;
        if (after < _pattern.Length && _pattern[after] == '?')
        {
            after++;
            flags ^= RegexFlags.NonGreedy;
        }

        if (lastRepeat >= 0)
        {
            // Stacked repetition operators (a**, a++) are an error in Perl syntax.
            throw Error(Re2Error.InvalidRepeatOp, _pattern.Substring(lastRepeat, after - lastRepeat));
        }

        if (_stack.Count == 0 || _stack[_stack.Count - 1].IsPseudo)
        {
            throw Error(Re2Error.MissingRepeatArgument, _pattern.Substring(before, after - before));
        }

        var sub = _stack[_stack.Count - 1];
        var node = new RegexNode(op, flags) { Min = min, Max = max };
        node.Subs.Add(sub);
        _stack[_stack.Count - 1] = node;
        CheckLimits(node);
        if (op == RegexOp.Repeat && (min >= 2 || max >= 2) && !RepeatIsValid(node, MaxRepeat))
        {
            throw Error(Re2Error.InvalidRepeatSize, _pattern.Substring(before, after - before));
        }

        return after;
    }

    /// <summary>repeatIsValid: nested counted repetitions may not multiply past 1000 copies.</summary>
    private static bool RepeatIsValid(RegexNode node, int n)
    {
        if (node.Op == RegexOp.Repeat)
        {
            var m = node.Max;
            if (m == 0)
            {
                return true;
            }

            if (m < 0)
            {
                m = node.Min;
            }

            if (m > n)
            {
                return false;
            }

            if (m > 0)
            {
                n /= m;
            }
        }

        foreach (var sub in node.Subs)
        {
            if (!RepeatIsValid(sub, n))
            {
                return false;
            }
        }

        return true;
    }

    private List<RegexNode> PopToPseudo()
    {
        var i = _stack.Count;
        while (i > 0 && !_stack[i - 1].IsPseudo)
        {
            i--;
        }

        var subs = _stack.GetRange(i, _stack.Count - i);
        _stack.RemoveRange(i, _stack.Count - i);
        return subs;
    }

    private void Concat()
    {
        var subs = PopToPseudo();
        Collapse(subs, RegexOp.Concat, RegexOp.EmptyMatch);
    }

    private void Alternate()
    {
        var subs = PopToPseudo();
        Collapse(subs, RegexOp.Alternate, RegexOp.NoMatch);
    }

    private void Collapse(List<RegexNode> subs, RegexOp op, RegexOp empty)
    {
        if (subs.Count == 0)
        {
            Push(new RegexNode(empty, _flags));
            return;
        }

        if (subs.Count == 1)
        {
            Push(subs[0]);
            return;
        }

        var node = new RegexNode(op, _flags);
        foreach (var sub in subs)
        {
            if (sub.Op == op)
            {
                node.Subs.AddRange(sub.Subs);
            }
            else
            {
                node.Subs.Add(sub);
            }
        }

        Push(node);
    }

    private void ParseVerticalBar()
    {
        Concat();
        if (!SwapVerticalBar())
        {
            Op(RegexOp.VerticalBar);
        }
    }

    /// <summary>With the stack ending in "|, x", moves x below the bar, where the alternatives gather.</summary>
    private bool SwapVerticalBar()
    {
        var n = _stack.Count;
        if (n >= 2 && _stack[n - 2].Op == RegexOp.VerticalBar)
        {
            (_stack[n - 2], _stack[n - 1]) = (_stack[n - 1], _stack[n - 2]);
            return true;
        }

        return false;
    }

    private void ParseRightParen()
    {
        Concat();
        if (SwapVerticalBar())
        {
            _stack.RemoveAt(_stack.Count - 1);
        }

        Alternate();
        var n = _stack.Count;
        if (n < 2 || _stack[n - 2].Op != RegexOp.LeftParen)
        {
            throw Error(Re2Error.UnexpectedParen, _pattern);
        }

        var body = _stack[n - 1];
        var paren = _stack[n - 2];
        _stack.RemoveRange(n - 2, 2);

        // The flags in force where the group opened come back.
        _flags = paren.Flags;
        if (!paren.Capturing)
        {
            Push(body);
            return;
        }

        var capture = new RegexNode(RegexOp.Capture, paren.Flags);
        capture.Subs.Add(body);
        Push(capture);
    }

    /// <summary>parsePerlFlags: (?P&lt;name&gt;, (?&lt;name&gt;, (?i), (?-s:, ... starting at s[i] == '('.</summary>
    private int ParsePerlFlags(int i)
    {
        var s = _pattern;
        var rest = s.Length - i;
        var startsWithP = rest > 4 && s[i + 2] == 'P' && s[i + 3] == '<';
        var startsWithName = rest > 3 && s[i + 2] == '<';
        if (startsWithP || startsWithName)
        {
            var nameStart = i + (startsWithP ? 4 : 3);
            var end = s.IndexOf('>', i);
            if (end < 0)
            {
                throw Error(Re2Error.InvalidNamedCapture, s.Substring(i));
            }

            var name = s.Substring(nameStart, end - nameStart);
            if (!IsValidCaptureName(name))
            {
                throw Error(Re2Error.InvalidNamedCapture, s.Substring(i, end + 1 - i));
            }

            Op(RegexOp.LeftParen).Capturing = true;
            return end + 1;
        }

        var t = i + 2;
        var flags = _flags;
        var negate = false;
        var sawFlag = false;
        while (t < s.Length)
        {
            t = NextRune(t, out var c);
            switch (c)
            {
                case 'i':
                    flags = negate ? flags & ~RegexFlags.FoldCase : flags | RegexFlags.FoldCase;
                    sawFlag = true;
                    continue;
                case 'm':
                    // (?m) turns OneLine off: ^ and $ then match at line breaks.
                    flags = negate ? flags | RegexFlags.OneLine : flags & ~RegexFlags.OneLine;
                    sawFlag = true;
                    continue;
                case 's':
                    flags = negate ? flags & ~RegexFlags.DotNewline : flags | RegexFlags.DotNewline;
                    sawFlag = true;
                    continue;
                case 'U':
                    flags = negate ? flags & ~RegexFlags.NonGreedy : flags | RegexFlags.NonGreedy;
                    sawFlag = true;
                    continue;
                case '-' when !negate:
                    negate = true;
                    sawFlag = false;
                    continue;
                case ':' or ')' when !negate || sawFlag:
                    if (c == ':')
                    {
                        Op(RegexOp.LeftParen);
                    }

                    _flags = flags;
                    return t;
                default:
                    break;
            }

            break;
        }

        throw Error(Re2Error.InvalidPerlOp, s.Substring(i, t - i));
    }

    private static bool IsValidCaptureName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (c != '_' && !IsAlphanumeric(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>parseRepeat: {n}, {n,} or {n,m} at s[i]; min is -1 when a number is too big.</summary>
    private bool TryParseRepeat(int i, out int min, out int max, out int after)
    {
        var s = _pattern;
        min = max = 0;
        after = i;
        var t = i + 1;
        if (!TryParseInt(ref t, out min) || t >= s.Length)
        {
            return false;
        }

        if (s[t] != ',')
        {
            max = min;
        }
        else
        {
            t++;
            if (t >= s.Length)
            {
                return false;
            }

            if (s[t] == '}')
            {
                max = -1;
            }
            else if (!TryParseInt(ref t, out max))
            {
                return false;
            }
            else if (max < 0)
            {
                min = -1;
            }
        }

        if (t >= s.Length || s[t] != '}')
        {
            return false;
        }

        after = t + 1;
        return true;
    }

    /// <summary>parseInt: decimal digits without a leading zero; -1 past 10^8.</summary>
    private bool TryParseInt(ref int t, out int value)
    {
        var s = _pattern;
        value = 0;
        if (t >= s.Length || s[t] is < '0' or > '9' || (t + 1 < s.Length && s[t] == '0' && s[t + 1] is >= '0' and <= '9'))
        {
            return false;
        }

        for (; t < s.Length && s[t] is >= '0' and <= '9'; t++)
        {
            if (value >= 100_000_000)
            {
                value = -1;
            }
            else if (value >= 0)
            {
                value = (value * 10) + (s[t] - '0');
            }
        }

        return true;
    }

    /// <summary>parseEscape: one escaped character at s[i] == '\\'; returns the index after it.</summary>
    private int ParseEscape(int i, out int r)
    {
        var s = _pattern;
        r = 0;
        if (i + 1 >= s.Length)
        {
            throw Error(Re2Error.TrailingBackslash, string.Empty);
        }

        var t = NextRune(i + 1, out var c);
        switch (c)
        {
            case >= '1' and <= '7' when t >= s.Length || s[t] is < '0' or > '7':
                // A lone non-zero digit is a backreference, which RE2 does not support.
                break;
            case >= '0' and <= '7':
                r = c - '0';
                for (var k = 1; k < 3 && t < s.Length && s[t] is >= '0' and <= '7'; k++, t++)
                {
                    r = (r * 8) + (s[t] - '0');
                }

                return t;
            case 'x':
                if (t >= s.Length)
                {
                    break;
                }

                t = NextRune(t, out c);
                if (c == '{')
                {
                    var digits = 0;
                    r = 0;
                    while (true)
                    {
                        if (t >= s.Length)
                        {
                            throw Error(Re2Error.InvalidEscape, s.Substring(i, t - i));
                        }

                        t = NextRune(t, out c);
                        if (c == '}')
                        {
                            break;
                        }

                        var v = Unhex(c);
                        if (v < 0)
                        {
                            throw Error(Re2Error.InvalidEscape, s.Substring(i, t - i));
                        }

                        r = (r * 16) + v;
                        if (r > UnicodeTables.MaxRune)
                        {
                            throw Error(Re2Error.InvalidEscape, s.Substring(i, t - i));
                        }

                        digits++;
                    }

                    if (digits == 0)
                    {
                        break;
                    }

                    return t;
                }

                var x = Unhex(c);

                // At the end of the pattern Go decodes RuneError, which is no hex digit.
                var y = -1;
                if (t < s.Length)
                {
                    t = NextRune(t, out c);
                    y = Unhex(c);
                }

                if (x < 0 || y < 0)
                {
                    break;
                }

                r = (x * 16) + y;
                return t;
            case 'a':
                r = 7;
                return t;
            case 'f':
                r = '\f';
                return t;
            case 'n':
                r = '\n';
                return t;
            case 'r':
                r = '\r';
                return t;
            case 't':
                r = '\t';
                return t;
            case 'v':
                r = '\v';
                return t;
            case < 0x80 when !IsAlphanumeric((char)c):
                // Escaped punctuation is itself (\_ included).
                r = c;
                return t;
            default:
                break;
        }

        throw Error(Re2Error.InvalidEscape, s.Substring(i, t - i));
    }

    /// <summary>parseClass: a bracketed class at s[i] == '['; returns the index after its ']'.</summary>
    private int ParseClass(int i)
    {
        var s = _pattern;
        var wholeClass = s.Substring(i);
        var t = i + 1;
        var ranges = new List<int>();
        var negated = false;
        if (t < s.Length && s[t] == '^')
        {
            // With ClassNL (the Perl flags) a negated class matches newlines too.
            negated = true;
            t++;
        }

        var first = true;
        var fold = (_flags & RegexFlags.FoldCase) != 0;
        while (t >= s.Length || s[t] != ']' || first)
        {
            first = false;
            if (t + 2 < s.Length && s[t] == '[' && s[t + 1] == ':')
            {
                var close = s.IndexOf(":]", t + 2, StringComparison.Ordinal);
                if (close >= 0)
                {
                    var name = s.Substring(t + 2, close - t - 2);
                    if (!CharClass.TryPosixGroup(name, out var posixNegated, out var posix))
                    {
                        throw Error(Re2Error.InvalidCharRange, s.Substring(t, close + 2 - t));
                    }

                    AddGroup(ranges, posixNegated, posix);
                    t = close + 2;
                    continue;
                }
            }

            if (t + 1 < s.Length && s[t] == '\\' && s[t + 1] is 'p' or 'P')
            {
                t = ParseUnicodeClass(t, ranges);
                continue;
            }

            if (t + 1 < s.Length && s[t] == '\\' && CharClass.TryPerlGroup(s.Substring(t, 2), out var perlNegated, out var perl))
            {
                AddGroup(ranges, perlNegated, perl);
                t += 2;
                continue;
            }

            var rangeStart = t;
            t = ParseClassChar(t, wholeClass, out var lo);
            var hi = lo;
            if (t + 1 < s.Length && s[t] == '-' && s[t + 1] != ']')
            {
                t = ParseClassChar(t + 1, wholeClass, out hi);
                if (hi < lo)
                {
                    throw Error(Re2Error.InvalidCharRange, s.Substring(rangeStart, t - rangeStart));
                }
            }

            if (fold)
            {
                CharClass.AddFoldedRange(ranges, lo, hi);
            }
            else
            {
                CharClass.AddRange(ranges, lo, hi);
            }
        }

        var clean = CharClass.Clean(ranges);
        Push(new RegexNode(RegexOp.CharClass, _flags) { Runes = negated ? CharClass.Negate(clean) : clean });
        return t + 1;
    }

    private int ParseClassChar(int t, string wholeClass, out int r)
    {
        if (t >= _pattern.Length)
        {
            throw Error(Re2Error.MissingBracket, wholeClass);
        }

        return _pattern[t] == '\\' ? ParseEscape(t, out r) : NextRune(t, out r);
    }

    /// <summary>parseUnicodeClass: \pL, \p{Greek}, \P{^Lu} at s[i] == '\\'; appends the class and returns the index after it.</summary>
    private int ParseUnicodeClass(int i, List<int> ranges)
    {
        var s = _pattern;
        var negated = s[i + 1] == 'P';
        string name, sequence;
        int t;
        if (i + 2 >= s.Length || s[i + 2] != '{')
        {
            // A one-letter name; at the end of the pattern the name is empty, hence unknown.
            t = i + 2 >= s.Length ? s.Length : NextRune(i + 2, out _);
            sequence = s.Substring(i, t - i);
            name = sequence.Substring(2);
        }
        else
        {
            var end = s.IndexOf('}', i);
            if (end < 0)
            {
                throw Error(Re2Error.InvalidCharRange, s.Substring(i));
            }

            sequence = s.Substring(i, end + 1 - i);
            name = s.Substring(i + 3, end - i - 3);
            t = end + 1;
        }

        if (name.Length > 0 && name[0] == '^')
        {
            negated = !negated;
            name = name.Substring(1);
        }

        var table = name == "Any" ? [0, UnicodeTables.MaxRune] : UnicodeTables.Category(name) ?? UnicodeTables.Script(name);
        if (table is null)
        {
            throw Error(Re2Error.InvalidCharRange, sequence);
        }

        AddGroup(ranges, negated, table);
        return t;
    }

    /// <summary>appendGroup: a fixed class, case-folded first under (?i), then negated if asked.</summary>
    private void AddGroup(List<int> ranges, bool negated, int[] group)
    {
        var clean = group;
        if ((_flags & RegexFlags.FoldCase) != 0)
        {
            var folded = new List<int>();
            CharClass.AddClass(folded, group, fold: true);
            clean = CharClass.Clean(folded);
        }

        if (negated)
        {
            CharClass.AddNegated(ranges, clean);
        }
        else
        {
            CharClass.AddClass(ranges, clean, fold: false);
        }
    }

    /// <summary>The code point at s[i]; a lone surrogate (which JSON decoding turns into U+FFFD) reads as U+FFFD.</summary>
    private int NextRune(int i, out int rune)
    {
        var s = _pattern;
        if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
        {
            rune = char.ConvertToUtf32(s[i], s[i + 1]);
            return i + 2;
        }

        rune = char.IsSurrogate(s[i]) ? 0xFFFD : s[i];
        return i + 1;
    }

    private static int Unhex(int c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private static bool IsAlphanumeric(char c) => c is (>= '0' and <= '9') or (>= 'A' and <= 'Z') or (>= 'a' and <= 'z');

    private static Re2ParseException Error(string code, string expression) => new(new Re2Error(code, expression));
}
