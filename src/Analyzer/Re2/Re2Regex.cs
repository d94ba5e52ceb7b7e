namespace KubeLint.Analyzer.Re2;

/// <summary>
/// A regular expression with the syntax and meaning of Go's regexp package, which the API server uses for OpenAPI
/// <c>pattern</c>s and CEL's <c>matches()</c>. Matching runs a Pike VM (a breadth-first simulation of the Thompson
/// automaton, as RE2 and Go do when a pattern cannot use a DFA), so its cost is linear in the input times the size of
/// the pattern: no input makes it backtrack, and no time limit is needed. .NET's Regex is not used: its backtracking
/// engine is exponential on patterns such as ^(a+)+$, its NonBacktracking option is missing on netstandard2.0, and
/// both read another syntax (\d is any Unicode digit, $ also matches before a final newline, \Z exists, (?=) works).
/// </summary>
public sealed class Re2Regex
{
    private readonly Re2Program _program;

    private Re2Regex(string pattern, Re2Program program)
    {
        Pattern = pattern;
        _program = program;
    }

    public string Pattern { get; }

    /// <summary>Compiles a pattern as regexp.Compile does; false with Go's error when Go would reject it.</summary>
    public static bool TryCompile(string pattern, out Re2Regex? regex, out Re2Error? error)
    {
        try
        {
            regex = new Re2Regex(pattern, Re2Program.Compile(Re2Parser.Parse(pattern)));
            error = null;
            return true;
        }
        catch (Re2ParseException exception)
        {
            regex = null;
            error = exception.Error;
            return false;
        }
    }

    /// <summary>regexp.MatchString: whether the pattern matches anywhere in the input.</summary>
    public bool IsMatch(string input)
    {
        var code = _program.Code;
        var current = new ThreadList(code.Length);
        var next = new ThreadList(code.Length);
        var stack = new Stack<int>();
        var previous = -1;
        var position = 0;
        while (true)
        {
            var rune = RuneAt(input, position, out var width);
            var conditions = Conditions(previous, rune);
            if (position == 0 || !_program.AnchoredStart)
            {
                Add(current, _program.Start, conditions, stack);
            }
            else if (current.Count == 0)
            {
                return false;
            }

            for (var i = 0; i < current.Count; i++)
            {
                var instruction = code[current.Dense[i]];
                if (instruction.Kind == InstructionKind.Match)
                {
                    return true;
                }

                if (rune >= 0 && instruction.Kind == InstructionKind.Rune && CharClass.Contains(instruction.Ranges, rune))
                {
                    next.Pending.Add(instruction.Next);
                }
            }

            if (rune < 0)
            {
                return false;
            }

            position += width;
            previous = rune;
            current.Clear();
            (current, next) = (next, current);

            // The threads that consumed this rune resume at the next position, whose conditions are known only now.
            var after = Conditions(previous, RuneAt(input, position, out _));
            foreach (var pc in current.Pending)
            {
                Add(current, pc, after, stack);
            }

            current.Pending.Clear();
        }
    }

    /// <summary>Adds pc and everything it reaches without consuming input, each instruction once per position.</summary>
    private void Add(ThreadList list, int pc, EmptyConditions conditions, Stack<int> stack)
    {
        var code = _program.Code;
        stack.Push(pc);
        while (stack.Count > 0)
        {
            var at = stack.Pop();
            if (!list.TryAdd(at))
            {
                continue;
            }

            var instruction = code[at];
            switch (instruction.Kind)
            {
                case InstructionKind.Jump:
                    stack.Push(instruction.Next);
                    break;
                case InstructionKind.Split:
                    stack.Push(instruction.Alternative);
                    stack.Push(instruction.Next);
                    break;
                case InstructionKind.Assert when (instruction.Condition & ~conditions) == 0:
                    stack.Push(instruction.Next);
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>The zero-width conditions between two code points (-1: the edge of the text); \b uses ASCII word characters, as Go does.</summary>
    private static EmptyConditions Conditions(int before, int after)
    {
        var conditions = EmptyConditions.None;
        if (before < 0)
        {
            conditions |= EmptyConditions.BeginText | EmptyConditions.BeginLine;
        }
        else if (before == '\n')
        {
            conditions |= EmptyConditions.BeginLine;
        }

        if (after < 0)
        {
            conditions |= EmptyConditions.EndText | EmptyConditions.EndLine;
        }
        else if (after == '\n')
        {
            conditions |= EmptyConditions.EndLine;
        }

        conditions |= IsWordChar(before) != IsWordChar(after) ? EmptyConditions.WordBoundary : EmptyConditions.NoWordBoundary;
        return conditions;
    }

    private static bool IsWordChar(int r) => r is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_';

    /// <summary>The code point at a position, -1 at the end; a lone surrogate reads as U+FFFD, as Go reads invalid UTF-8.</summary>
    private static int RuneAt(string text, int position, out int width)
    {
        width = 1;
        if (position >= text.Length)
        {
            return -1;
        }

        var c = text[position];
        if (char.IsHighSurrogate(c) && position + 1 < text.Length && char.IsLowSurrogate(text[position + 1]))
        {
            width = 2;
            return char.ConvertToUtf32(c, text[position + 1]);
        }

        return char.IsSurrogate(c) ? 0xFFFD : c;
    }

    /// <summary>A sparse set of instruction indexes (cleared in constant time), plus the threads waiting for the next position.</summary>
    private sealed class ThreadList(int size)
    {
        private readonly int[] _sparse = new int[size];

        public int[] Dense { get; } = new int[size];

        public int Count { get; private set; }

        public List<int> Pending { get; } = [];

        public bool TryAdd(int pc)
        {
            var slot = _sparse[pc];
            if (slot < Count && Dense[slot] == pc)
            {
                return false;
            }

            _sparse[pc] = Count;
            Dense[Count++] = pc;
            return true;
        }

        public void Clear() => Count = 0;
    }
}
