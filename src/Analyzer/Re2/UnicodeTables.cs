using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace KubeLint.Analyzer.Re2;

/// <summary>
/// The Unicode data Go's regexp uses (package unicode: Categories, Scripts, SimpleFold), from the Unicode 15.0.0
/// character database that tools/UnicodeGen turns into an embedded table. The runtime's own Unicode data is not used:
/// it follows another Unicode version, and a pattern must mean what it means on the API server.
/// </summary>
internal static class UnicodeTables
{
    public const int MaxRune = 0x10FFFF;

    private static readonly Lazy<Tables> Data = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A general category (Lu) or a major class (L), as unicode.Categories names them; null when unknown.</summary>
    public static int[]? Category(string name) => Data.Value.Categories.TryGetValue(name, out var ranges) ? ranges : null;

    /// <summary>A script (Greek, Old_Italic), as unicode.Scripts names it; null when unknown.</summary>
    public static int[]? Script(string name) => Data.Value.Scripts.TryGetValue(name, out var ranges) ? ranges : null;

    /// <summary>unicode.SimpleFold: the next code point of r's case-folding orbit, in increasing order and wrapping; r when it folds to nothing else.</summary>
    public static int SimpleFold(int r) => Data.Value.Folds.TryGetValue(r, out var next) ? next : r;

    private static Tables Load()
    {
        var tables = new Tables();
        using var stream = typeof(UnicodeTables).Assembly.GetManifestResourceStream("KubeLint.Re2.unicode.tables.gz")
            ?? throw new InvalidOperationException("the Unicode tables are not embedded");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var majors = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split(' ');
            switch (fields[0])
            {
                case "C":
                    var ranges = Ranges(fields);
                    tables.Categories[fields[1]] = ranges;
                    var major = fields[1].Substring(0, 1);
                    if (!majors.TryGetValue(major, out var union))
                    {
                        union = [];
                        majors[major] = union;
                    }

                    union.AddRange(ranges);
                    break;
                case "S":
                    tables.Scripts[fields[1]] = Ranges(fields);
                    break;
                default:
                    for (var i = 1; i < fields.Length; i++)
                    {
                        var next = fields[i + 1 < fields.Length ? i + 1 : 1];
                        tables.Folds[Hex(fields[i])] = Hex(next);
                    }

                    break;
            }
        }

        // The major classes (L, Lu|Ll|Lt|Lm|Lo, ...); like Go's, C has no unassigned code points.
        foreach (var pair in majors)
        {
            tables.Categories[pair.Key] = CharClass.Clean(pair.Value);
        }

        return tables;
    }

    private static int[] Ranges(string[] fields)
    {
        var ranges = new int[(fields.Length - 2) * 2];
        for (var i = 2; i < fields.Length; i++)
        {
            var dash = fields[i].IndexOf('-');
            ranges[(i - 2) * 2] = Hex(dash < 0 ? fields[i] : fields[i].Substring(0, dash));
            ranges[((i - 2) * 2) + 1] = Hex(dash < 0 ? fields[i] : fields[i].Substring(dash + 1));
        }

        return ranges;
    }

    private static int Hex(string text) => int.Parse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    private sealed class Tables
    {
        public Dictionary<string, int[]> Categories { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int[]> Scripts { get; } = new(StringComparer.Ordinal);

        public Dictionary<int, int> Folds { get; } = [];
    }
}
