namespace KubeLint.Analyzer.Re2;

/// <summary>The instructions of a compiled pattern (regexp/syntax's Prog, without capture slots: only whether a match exists is asked).</summary>
internal enum InstructionKind : byte
{
    Rune,
    Split,
    Jump,
    Assert,
    Match,
    Fail,
}

/// <summary>The zero-width conditions of the empty-width instructions (regexp/syntax EmptyOp).</summary>
[Flags]
internal enum EmptyConditions : byte
{
    None = 0,
    BeginLine = 1,
    EndLine = 2,
    BeginText = 4,
    EndText = 8,
    WordBoundary = 16,
    NoWordBoundary = 32,
}

internal struct Instruction
{
    public InstructionKind Kind;
    public EmptyConditions Condition;
    public int Next;
    public int Alternative;

    /// <summary>The clean class a Rune instruction accepts.</summary>
    public int[] Ranges;
}

/// <summary>
/// Compiles a parse tree to a Thompson automaton (regexp/syntax compile.go, after Simplify's expansion of counted
/// repeats: x{2,4} as xx(x(x)?)?). The parser's size limit bounds the number of instructions.
/// </summary>
internal sealed class Re2Program
{
    private readonly List<Instruction> _code = [];

    private Re2Program()
    {
    }

    public Instruction[] Code { get; private set; } = [];

    public int Start { get; private set; }

    /// <summary>Whether every match must start at the beginning of the text (the pattern starts with ^ or \A).</summary>
    public bool AnchoredStart { get; private set; }

    public static Re2Program Compile(RegexNode root)
    {
        var program = new Re2Program();
        var match = program.Emit(new Instruction { Kind = InstructionKind.Match });
        program.Start = program.Build(root, match);
        program.Code = [.. program._code];
        program.AnchoredStart = StartsWithBeginText(root);
        return program;
    }

    private static bool StartsWithBeginText(RegexNode node) => node.Op switch
    {
        RegexOp.BeginText => true,
        RegexOp.Concat => node.Subs.Count > 0 && StartsWithBeginText(node.Subs[0]),
        RegexOp.Capture => StartsWithBeginText(node.Subs[0]),
        _ => false,
    };

    private int Emit(Instruction instruction)
    {
        _code.Add(instruction);
        return _code.Count - 1;
    }

    /// <summary>Emits the instructions of node, continuing at next; returns its entry. Built back to front, so no patching is needed.</summary>
    private int Build(RegexNode node, int next)
    {
        switch (node.Op)
        {
            case RegexOp.NoMatch:
                return Emit(new Instruction { Kind = InstructionKind.Fail });
            case RegexOp.EmptyMatch:
                return next;
            case RegexOp.Literal:
                {
                    var r = node.Runes[0];
                    var ranges = new List<int>();
                    if ((node.Flags & RegexFlags.FoldCase) != 0)
                    {
                        CharClass.AddFoldedRange(ranges, r, r);
                    }
                    else
                    {
                        CharClass.AddRange(ranges, r, r);
                    }

                    return Rune(CharClass.Clean(ranges), next);
                }

            case RegexOp.CharClass:
                return Rune(node.Runes, next);
            case RegexOp.AnyCharNotNewline:
                return Rune([0, '\n' - 1, '\n' + 1, UnicodeTables.MaxRune], next);
            case RegexOp.AnyChar:
                return Rune([0, UnicodeTables.MaxRune], next);
            case RegexOp.BeginLine:
                return Assert(EmptyConditions.BeginLine, next);
            case RegexOp.EndLine:
                return Assert(EmptyConditions.EndLine, next);
            case RegexOp.BeginText:
                return Assert(EmptyConditions.BeginText, next);
            case RegexOp.EndText:
                return Assert(EmptyConditions.EndText, next);
            case RegexOp.WordBoundary:
                return Assert(EmptyConditions.WordBoundary, next);
            case RegexOp.NoWordBoundary:
                return Assert(EmptyConditions.NoWordBoundary, next);
            case RegexOp.Capture:
                return Build(node.Subs[0], next);
            case RegexOp.Star:
                return Star(node.Subs[0], next);
            case RegexOp.Plus:
                {
                    // x+ is x then x*.
                    var loop = Star(node.Subs[0], next);
                    return Build(node.Subs[0], loop);
                }

            case RegexOp.Quest:
                return Split(Build(node.Subs[0], next), next);
            case RegexOp.Repeat:
                return Repeat(node, next);
            case RegexOp.Concat:
                for (var i = node.Subs.Count - 1; i >= 0; i--)
                {
                    next = Build(node.Subs[i], next);
                }

                return next;
            case RegexOp.Alternate:
                {
                    var entry = Build(node.Subs[node.Subs.Count - 1], next);
                    for (var i = node.Subs.Count - 2; i >= 0; i--)
                    {
                        entry = Split(Build(node.Subs[i], next), entry);
                    }

                    return entry;
                }

            default:
                throw new InvalidOperationException("parse marker left in a pattern tree");
        }
    }

    private int Repeat(RegexNode node, int next)
    {
        var sub = node.Subs[0];
        if (node.Max == -1)
        {
            // x{n,} is n-1 copies of x, then x+ (x* when n is 0).
            var entry = node.Min == 0 ? Star(sub, next) : Build(sub, Star(sub, next));
            for (var i = 1; i < node.Min; i++)
            {
                entry = Build(sub, entry);
            }

            return entry;
        }

        // x{n,m} is n copies of x, then m-n nested optional copies: x{1,3} = x(x(x)?)?.
        var tail = next;
        for (var i = node.Min; i < node.Max; i++)
        {
            tail = Split(Build(sub, tail), next);
        }

        for (var i = 0; i < node.Min; i++)
        {
            tail = Build(sub, tail);
        }

        return tail;
    }

    private int Star(RegexNode sub, int next)
    {
        // The split is emitted first so that the body can jump back to it.
        var split = Emit(new Instruction { Kind = InstructionKind.Split, Alternative = next });
        var body = Build(sub, split);
        var instruction = _code[split];
        instruction.Next = body;
        _code[split] = instruction;
        return split;
    }

    private int Split(int first, int second) => Emit(new Instruction { Kind = InstructionKind.Split, Next = first, Alternative = second });

    private int Rune(int[] ranges, int next) => Emit(new Instruction { Kind = InstructionKind.Rune, Ranges = ranges, Next = next });

    private int Assert(EmptyConditions condition, int next) => Emit(new Instruction { Kind = InstructionKind.Assert, Condition = condition, Next = next });
}
