namespace KubeLint.Analyzer.Re2;

/// <summary>
/// Character classes as lists of lo, hi pairs, built as regexp/syntax builds them (appendRange, appendFoldedRange,
/// cleanClass, negateClass in parse.go), and the fixed Perl and POSIX groups of perl_groups.go.
/// </summary>
internal static class CharClass
{
    // The lowest and highest code points that case folding involves (minFold, maxFold in parse.go).
    private const int MinFold = 0x0041;
    private const int MaxFold = 0x1E943;

    private static readonly Dictionary<string, (bool Negated, int[] Ranges)> PerlGroups = new(StringComparer.Ordinal)
    {
        [@"\d"] = (false, ['0', '9']),
        [@"\D"] = (true, ['0', '9']),
        [@"\s"] = (false, ['\t', '\n', '\f', '\r', ' ', ' ']),
        [@"\S"] = (true, ['\t', '\n', '\f', '\r', ' ', ' ']),
        [@"\w"] = (false, ['0', '9', 'A', 'Z', '_', '_', 'a', 'z']),
        [@"\W"] = (true, ['0', '9', 'A', 'Z', '_', '_', 'a', 'z']),
    };

    private static readonly Dictionary<string, int[]> PosixGroups = new(StringComparer.Ordinal)
    {
        ["alnum"] = ['0', '9', 'A', 'Z', 'a', 'z'],
        ["alpha"] = ['A', 'Z', 'a', 'z'],
        ["ascii"] = [0, 0x7F],
        ["blank"] = ['\t', '\t', ' ', ' '],
        ["cntrl"] = [0, 0x1F, 0x7F, 0x7F],
        ["digit"] = ['0', '9'],
        ["graph"] = ['!', '~'],
        ["lower"] = ['a', 'z'],
        ["print"] = [' ', '~'],
        ["punct"] = ['!', '/', ':', '@', '[', '`', '{', '~'],
        ["space"] = ['\t', '\r', ' ', ' '],
        ["upper"] = ['A', 'Z'],
        ["word"] = ['0', '9', 'A', 'Z', '_', '_', 'a', 'z'],
        ["xdigit"] = ['0', '9', 'A', 'F', 'a', 'f'],
    };

    /// <summary>A Perl class escape (\d, \S, ...) by its two characters.</summary>
    public static bool TryPerlGroup(string escape, out bool negated, out int[] ranges)
    {
        var found = PerlGroups.TryGetValue(escape, out var group);
        negated = group.Negated;
        ranges = group.Ranges ?? [];
        return found;
    }

    /// <summary>A POSIX class name between "[:" and ":]", with an optional leading '^'.</summary>
    public static bool TryPosixGroup(string name, out bool negated, out int[] ranges)
    {
        negated = name.Length > 0 && name[0] == '^';
        return PosixGroups.TryGetValue(negated ? name.Substring(1) : name, out ranges!);
    }

    public static void AddRange(List<int> ranges, int lo, int hi)
    {
        ranges.Add(lo);
        ranges.Add(hi);
    }

    /// <summary>appendFoldedRange: the range and every code point that case-folds to one in it.</summary>
    public static void AddFoldedRange(List<int> ranges, int lo, int hi)
    {
        if ((lo <= MinFold && hi >= MaxFold) || hi < MinFold || lo > MaxFold)
        {
            AddRange(ranges, lo, hi);
            return;
        }

        if (lo < MinFold)
        {
            AddRange(ranges, lo, MinFold - 1);
            lo = MinFold;
        }

        if (hi > MaxFold)
        {
            AddRange(ranges, MaxFold + 1, hi);
            hi = MaxFold;
        }

        var start = lo;
        for (var c = lo; c <= hi; c++)
        {
            for (var f = UnicodeTables.SimpleFold(c); f != c; f = UnicodeTables.SimpleFold(f))
            {
                if (f < lo || f > hi)
                {
                    AddRange(ranges, f, f);
                }
            }
        }

        AddRange(ranges, start, hi);
    }

    public static void AddClass(List<int> ranges, int[] other, bool fold)
    {
        for (var i = 0; i < other.Length; i += 2)
        {
            if (fold)
            {
                AddFoldedRange(ranges, other[i], other[i + 1]);
            }
            else
            {
                AddRange(ranges, other[i], other[i + 1]);
            }
        }
    }

    /// <summary>Appends the complement of a clean class.</summary>
    public static void AddNegated(List<int> ranges, int[] clean)
    {
        var next = 0;
        for (var i = 0; i < clean.Length; i += 2)
        {
            if (next <= clean[i] - 1)
            {
                AddRange(ranges, next, clean[i] - 1);
            }

            next = clean[i + 1] + 1;
        }

        if (next <= UnicodeTables.MaxRune)
        {
            AddRange(ranges, next, UnicodeTables.MaxRune);
        }
    }

    /// <summary>cleanClass: sorted by lo, overlapping and abutting ranges merged.</summary>
    public static int[] Clean(List<int> ranges)
    {
        var pairs = new (int Lo, int Hi)[ranges.Count / 2];
        for (var i = 0; i < pairs.Length; i++)
        {
            pairs[i] = (ranges[2 * i], ranges[(2 * i) + 1]);
        }

        Array.Sort(pairs, (a, b) => a.Lo != b.Lo ? a.Lo.CompareTo(b.Lo) : b.Hi.CompareTo(a.Hi));
        var merged = new List<int>(ranges.Count);
        foreach (var (lo, hi) in pairs)
        {
            if (merged.Count > 0 && lo <= merged[merged.Count - 1] + 1)
            {
                merged[merged.Count - 1] = Math.Max(merged[merged.Count - 1], hi);
                continue;
            }

            merged.Add(lo);
            merged.Add(hi);
        }

        return [.. merged];
    }

    public static int[] Negate(int[] clean)
    {
        var result = new List<int>(clean.Length + 2);
        AddNegated(result, clean);
        return [.. result];
    }

    /// <summary>Whether a clean class holds r (binary search over its ranges).</summary>
    public static bool Contains(int[] clean, int r)
    {
        int lo = 0, hi = (clean.Length / 2) - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            if (r < clean[2 * mid])
            {
                hi = mid - 1;
            }
            else if (r > clean[(2 * mid) + 1])
            {
                lo = mid + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }
}
