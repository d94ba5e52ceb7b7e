namespace KubeLint.Analyzer.Re2;

/// <summary>The operators of a parsed pattern (regexp/syntax's Op), plus the parser's two pseudo-operators.</summary>
internal enum RegexOp
{
    NoMatch,
    EmptyMatch,
    Literal,
    CharClass,
    AnyCharNotNewline,
    AnyChar,
    BeginLine,
    EndLine,
    BeginText,
    EndText,
    WordBoundary,
    NoWordBoundary,
    Capture,
    Star,
    Plus,
    Quest,
    Repeat,
    Concat,
    Alternate,

    // Parse-stack markers, never in a finished tree.
    LeftParen,
    VerticalBar,
}

/// <summary>The parser's flags (regexp/syntax Flags) that change what a construct means.</summary>
[Flags]
internal enum RegexFlags
{
    None = 0,
    FoldCase = 1,
    DotNewline = 2,
    OneLine = 4,
    NonGreedy = 8,
}

/// <summary>One node of a parsed pattern.</summary>
internal sealed class RegexNode
{
    public RegexNode(RegexOp op, RegexFlags flags)
    {
        Op = op;
        Flags = flags;
    }

    public RegexOp Op { get; set; }

    public RegexFlags Flags { get; set; }

    /// <summary>A literal's code point, or a class's sorted, merged ranges as lo, hi pairs.</summary>
    public int[] Runes { get; set; } = [];

    public List<RegexNode> Subs { get; } = [];

    public int Min { get; set; }

    /// <summary>The repeat maximum, -1 for none.</summary>
    public int Max { get; set; }

    /// <summary>For a left parenthesis on the parse stack: whether it opens a capturing group.</summary>
    public bool Capturing { get; set; }

    public bool IsPseudo => Op is RegexOp.LeftParen or RegexOp.VerticalBar;
}
