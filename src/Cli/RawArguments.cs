using System.Text;
using KubeLint.Analyzer.Loading;

namespace KubeLint.Cli;

/// <summary>
/// Command-line paths as the shell passed them. .NET decodes arguments as UTF-8 and turns bytes that are not UTF-8
/// into U+FFFD, after which the file cannot be opened; on Linux the exact bytes are still in /proc/self/cmdline, so
/// such an argument is looked up there by its decoded form.
/// </summary>
internal static class RawArguments
{
    private static readonly Lazy<IReadOnlyList<byte[]>> CommandLine = new(ReadCommandLine);

    public static InputPath PathOf(string argument)
    {
        if (argument.IndexOf('\uFFFD') < 0)
        {
            return InputPath.FromString(argument);
        }

        var matches = CommandLine.Value.Where(raw => Encoding.UTF8.GetString(raw) == argument).ToList();
        return matches.Count == 1 ? InputPath.FromBytes(matches[0]) : InputPath.FromString(argument);
    }

    private static IReadOnlyList<byte[]> ReadCommandLine()
    {
        try
        {
            var bytes = File.ReadAllBytes("/proc/self/cmdline");
            var parts = new List<byte[]>();
            var start = 0;
            for (var i = 0; i <= bytes.Length; i++)
            {
                if (i == bytes.Length || bytes[i] == 0)
                {
                    if (i > start)
                    {
                        parts.Add(bytes[start..i]);
                    }

                    start = i + 1;
                }
            }

            return parts;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
