using System.Collections.Concurrent;

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
    // CRDs repeat a few patterns across their versions and fields (the real-manifest corpus has 1,337 patterns, 23
    // distinct), and a CRD's own validation and its compiled schema each compile them. A compiled program is only
    // read while matching, so one compilation per pattern text serves every caller and thread.
    private static readonly ConcurrentDictionary<string, Compilation> Compilations = new(StringComparer.Ordinal);

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
        var compilation = Compilations.GetOrAdd(pattern, Compile);
        regex = compilation.Regex;
        error = compilation.Error;
        return regex is not null;
    }

    private static Compilation Compile(string pattern)
    {
        try
        {
            return new Compilation(new Re2Regex(pattern, Re2Program.Compile(Re2Parser.Parse(pattern))), null);
        }
        catch (Re2ParseException exception)
        {
            return new Compilation(null, exception.Error);
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

    /// <summary>regexp.FindString: the leftmost match, preferring as Perl does (leftmost-first); null when there is none.</summary>
    public string? FindString(string input) => Find(input, 0) is { } match ? input.Substring(match.Start, match.End - match.Start) : null;

    /// <summary>
    /// regexp.FindAllString: successive non-overlapping matches, at most <paramref name="limit"/> of them (all when it
    /// is negative); an empty match right after the previous match is skipped, as Go skips it.
    /// </summary>
    public IReadOnlyList<string> FindAll(string input, long limit)
    {
        var matches = new List<string>();
        if (limit < 0)
        {
            limit = long.MaxValue;
        }

        var previousEnd = -1;
        for (var position = 0; matches.Count < limit && position <= input.Length;)
        {
            if (Find(input, position) is not { } match)
            {
                break;
            }

            var accept = true;
            if (match.End == position)
            {
                // An empty match: none is allowed right after a previous match; move on by one code point.
                accept = match.Start != previousEnd;
                position += position < input.Length ? RuneWidth(input, position) : 1;
            }
            else
            {
                position = match.End;
            }

            previousEnd = match.End;
            if (accept)
            {
                matches.Add(input.Substring(match.Start, match.End - match.Start));
            }
        }

        return matches;
    }

    /// <summary>
    /// The leftmost-first match starting at or after <paramref name="from"/> (regexp's pike VM, exec.go): threads are
    /// kept in priority order and a match cuts off those of lower priority, so the cost stays linear in the input.
    /// The text before <paramref name="from"/> is context for ^, $ and \b, as when Go resumes a search.
    /// </summary>
    internal (int Start, int End)? Find(string input, int from)
    {
        var code = _program.Code;
        var current = new PriorityList(code.Length);
        var next = new PriorityList(code.Length);
        (int Start, int End)? matched = null;
        var position = from;
        var previous = from == 0 ? -1 : RuneBefore(input, from);
        while (true)
        {
            var rune = RuneAt(input, position, out var width);
            if (current.Count == 0 && (matched is not null || (_program.AnchoredStart && position != 0)))
            {
                break;
            }

            if (matched is null && (position == 0 || !_program.AnchoredStart))
            {
                AddPriority(current, _program.Start, position, Conditions(previous, rune));
            }

            var nextPosition = position + width;
            var after = rune < 0 ? EmptyConditions.None : Conditions(rune, RuneAt(input, nextPosition, out _));
            for (var i = 0; i < current.Count; i++)
            {
                var (pc, start) = current.Threads[i];
                var instruction = code[pc];
                if (instruction.Kind == InstructionKind.Match)
                {
                    // First-match mode: lower-priority threads are cut off.
                    matched = (start, position);
                    break;
                }

                if (rune >= 0 && instruction.Kind == InstructionKind.Rune && CharClass.Contains(instruction.Ranges, rune))
                {
                    AddPriority(next, instruction.Next, start, after);
                }
            }

            if (rune < 0)
            {
                break;
            }

            previous = rune;
            position = nextPosition;
            current.Clear();
            (current, next) = (next, current);
        }

        return matched;
    }

    /// <summary>Adds the threads pc reaches without consuming input, depth first so that they keep their priority.</summary>
    private void AddPriority(PriorityList list, int pc, int start, EmptyConditions conditions)
    {
        var code = _program.Code;
        var stack = new Stack<int>();
        stack.Push(pc);
        while (stack.Count > 0)
        {
            var at = stack.Pop();
            if (!list.TryAdd(at, start))
            {
                continue;
            }

            var instruction = code[at];
            switch (instruction.Kind)
            {
                case InstructionKind.Jump:
                    list.RemoveLast();
                    stack.Push(instruction.Next);
                    break;
                case InstructionKind.Split:
                    list.RemoveLast();
                    stack.Push(instruction.Alternative);
                    stack.Push(instruction.Next);
                    break;
                case InstructionKind.Assert:
                    list.RemoveLast();
                    if ((instruction.Condition & ~conditions) == 0)
                    {
                        stack.Push(instruction.Next);
                    }

                    break;
                default:
                    break;
            }
        }
    }

    private static int RuneWidth(string text, int position)
        => char.IsHighSurrogate(text[position]) && position + 1 < text.Length && char.IsLowSurrogate(text[position + 1]) ? 2 : 1;

    private static int RuneBefore(string text, int position)
    {
        var c = text[position - 1];
        if (char.IsLowSurrogate(c) && position >= 2 && char.IsHighSurrogate(text[position - 2]))
        {
            return char.ConvertToUtf32(text[position - 2], c);
        }

        return char.IsSurrogate(c) ? 0xFFFD : c;
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

    /// <summary>
    /// Threads in priority order, each instruction once per position: the sparse set remembers every instruction
    /// visited (also those that only lead elsewhere), the list keeps the ones that consume input or match.
    /// </summary>
    private sealed class PriorityList(int size)
    {
        private readonly int[] _sparse = new int[size];
        private readonly int[] _dense = new int[size];
        private int _visited;

        public List<(int Pc, int Start)> Threads { get; } = [];

        public int Count => Threads.Count;

        public bool TryAdd(int pc, int start)
        {
            var slot = _sparse[pc];
            if (slot < _visited && _dense[slot] == pc)
            {
                return false;
            }

            _sparse[pc] = _visited;
            _dense[_visited++] = pc;
            Threads.Add((pc, start));
            return true;
        }

        public void RemoveLast() => Threads.RemoveAt(Threads.Count - 1);

        public void Clear()
        {
            _visited = 0;
            Threads.Clear();
        }
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

    private sealed class Compilation(Re2Regex? regex, Re2Error? error)
    {
        public Re2Regex? Regex { get; } = regex;

        public Re2Error? Error { get; } = error;
    }
}
