using System.Globalization;
using System.Text;

namespace KubeLint.Fuzz;

/// <summary>Keeps the input of a failed case with a note of what failed and how to run it again.</summary>
internal static class Failures
{
    public static string Save(string directory, string folder, FuzzCase fuzzCase, List<string> problems, int seed)
    {
        var target = Path.Combine(directory, $"{seed.ToString(CultureInfo.InvariantCulture)}-{Path.GetFileName(folder)}");
        Directory.CreateDirectory(target);
        foreach (var (name, bytes) in fuzzCase.Files)
        {
            File.WriteAllBytes(Path.Combine(target, name), bytes);
        }

        var note = new StringBuilder()
            .AppendLine(fuzzCase.Name)
            .AppendLine(CultureInfo.InvariantCulture, $"seed {seed}")
            .AppendLine("kubelint " + string.Join(' ', fuzzCase.Arguments.Select(a => a.Replace("{dir}", target, StringComparison.Ordinal))))
            .AppendJoin('\n', problems)
            .AppendLine();
        File.WriteAllText(Path.Combine(target, "FAILURE.txt"), note.ToString());
        Cleanup.Delete(folder);
        return target;
    }
}
