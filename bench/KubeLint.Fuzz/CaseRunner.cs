using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using KubeLint.Cli;

namespace KubeLint.Fuzz;

/// <summary>
/// Runs one case in-process, as <c>kubelint</c> would run, and checks what must hold for every input: no crash (exit
/// 0 or 1, never "internal error"), no hang past the time limit, every input entry counted in the summary, findings
/// only at positions inside their file, the expected texts present, the same bytes on a second run, valid SARIF.
/// </summary>
internal sealed partial class CaseRunner
{
    private readonly string _work;
    private readonly TimeSpan _perFileLimit;
    private readonly string? _sarifValidator;
    private int _folders;

    public CaseRunner(string work, TimeSpan perFileLimit, string? sarifValidator)
    {
        _work = work;
        _perFileLimit = perFileLimit;
        _sarifValidator = sarifValidator;
    }

    /// <summary>The problems found; empty when the case passed. A hang is reported and leaves its thread behind.</summary>
    public List<string> Run(FuzzCase fuzzCase, out string folder, out bool hung)
    {
        folder = Path.Combine(_work, (++_folders).ToString("D6", System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        foreach (var (name, bytes) in fuzzCase.Files)
        {
            File.WriteAllBytes(Path.Combine(folder, name), bytes);
        }

        fuzzCase.Prepare?.Invoke(folder);
        var dir = folder;
        var arguments = fuzzCase.Arguments.Select(a => a.Replace("{dir}", dir, StringComparison.Ordinal)).ToArray();
        var problems = new List<string>();
        var limit = _perFileLimit * Math.Max(1, fuzzCase.Files.Count) + TimeSpan.FromSeconds(5);
        var first = Execute(arguments, fuzzCase.StandardInput, limit);
        hung = first is null;
        if (first is null)
        {
            problems.Add($"no result within {limit.TotalSeconds:F0} s (hang or quadratic cost)");
            return problems;
        }

        Check(fuzzCase, folder, arguments, first, problems);
        var second = Execute(arguments, fuzzCase.StandardInput, limit);
        if (second is null)
        {
            hung = true;
            problems.Add($"second run: no result within {limit.TotalSeconds:F0} s");
        }
        else if (second.Stdout != first.Stdout || second.ExitCode != first.ExitCode)
        {
            problems.Add("output differs between two runs of the same input");
        }

        if (fuzzCase.ValidateSarif && _sarifValidator is not null && problems.Count == 0)
        {
            ValidateSarif(arguments, fuzzCase.StandardInput, limit, folder, problems);
        }

        return problems;
    }

    private void Check(FuzzCase fuzzCase, string folder, string[] arguments, Result result, List<string> problems)
    {
        if (result.ExitCode is not (0 or 1))
        {
            problems.Add($"exit code {result.ExitCode}: {FirstLine(result.Stderr)}");
        }

        if (result.Stderr.Contains("internal error", StringComparison.Ordinal))
        {
            problems.Add("crash: " + FirstLine(result.Stderr));
        }

        var isText = !arguments.Contains("-f") && !arguments.Contains("--format");
        if (isText && fuzzCase.ExpectedFiles is { } files)
        {
            var summary = Summary().Match(result.Stdout);
            if (!summary.Success)
            {
                problems.Add("no summary line");
            }
            else if (int.Parse(summary.Groups["files"].Value, System.Globalization.CultureInfo.InvariantCulture) != files)
            {
                problems.Add($"the summary counts {summary.Groups["files"].Value} files, the input has {files}");
            }
        }

        foreach (var expected in fuzzCase.Expected)
        {
            if (!result.Stdout.Contains(expected, StringComparison.Ordinal))
            {
                problems.Add($"the output does not contain \"{expected}\"");
            }
        }

        if (isText)
        {
            CheckPositions(folder, result.Stdout, problems);
        }
    }

    /// <summary>Every finding in a file of the folder points at a line the file has (lines counted as the YAML scanner does).</summary>
    private static void CheckPositions(string folder, string stdout, List<string> problems)
    {
        // Line counts per file, read once: a file with 100,000 findings must not be read 100,000 times.
        var lineCounts = new Dictionary<string, int?>(StringComparer.Ordinal);
        foreach (Match match in Position().Matches(stdout))
        {
            var path = match.Groups["path"].Value;
            if (!path.StartsWith(folder, StringComparison.Ordinal) || match.Groups["rule"].Value is "KL1007" or "KL1008" or "KL1020")
            {
                continue;
            }

            if (!lineCounts.TryGetValue(path, out var lines))
            {
                lines = File.Exists(path) && Decode(File.ReadAllBytes(path)) is { } text ? CountLines(text) : null;
                lineCounts[path] = lines;
            }

            var line = int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (lines is { } count && line > count)
            {
                problems.Add($"{match.Value.TrimEnd()} points past the end ({count} lines)");
            }
        }
    }

    private static string? Decode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static int CountLines(string text)
    {
        var lines = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }

            if (c is '\n' or '\r' or '\x85' or '\u2028' or '\u2029')
            {
                lines++;
            }
        }

        // A final line break ends the last line; it does not start another.
        return text.Length > 0 && text[^1] is '\n' or '\r' or '\x85' or '\u2028' or '\u2029' ? lines - 1 : lines;
    }

    private void ValidateSarif(string[] arguments, byte[]? stdin, TimeSpan limit, string folder, List<string> problems)
    {
        var sarifPath = Path.Combine(folder, "report.sarif.out");
        // The case's own format, if any, gives way to SARIF: the option takes one value.
        var others = new List<string>();
        for (var i = 0; i < arguments.Length; i++)
        {
            if (arguments[i] is "--format" or "-f")
            {
                i++;
                continue;
            }

            others.Add(arguments[i]);
        }

        var sarif = Execute([.. others, "--format", "sarif", "--output", sarifPath], stdin, limit);
        if (sarif is null || !File.Exists(sarifPath))
        {
            problems.Add("no SARIF report");
            return;
        }

        var start = new ProcessStartInfo(_sarifValidator!) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(sarifPath);
        using var validator = Process.Start(start)!;
        var output = validator.StandardOutput.ReadToEnd() + validator.StandardError.ReadToEnd();
        validator.WaitForExit();
        if (validator.ExitCode == 1)
        {
            problems.Add("invalid SARIF: " + FirstLine(output));
        }
    }

    /// <summary>One in-process run on its own thread; null when it does not end within the limit.</summary>
    private static Result? Execute(string[] arguments, byte[]? stdin, TimeSpan limit)
    {
        Result? result = null;
        var thread = new Thread(() =>
        {
            using var stdout = new StringWriter { NewLine = "\n" };
            using var stderr = new StringWriter { NewLine = "\n" };
            using var input = new MemoryStream(stdin ?? []);
            int exit;
            try
            {
                exit = CliApp.Run(arguments, stdout, stderr, input);
            }
            catch (Exception ex)
            {
                stderr.Write("internal error escaped CliApp: " + ex);
                exit = -1;
            }

            result = new Result(exit, stdout.ToString(), stderr.ToString());
        }, maxStackSize: 8 * 1024 * 1024)
        { IsBackground = true };
        thread.Start();
        return thread.Join(limit) ? result : null;
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? text : text.Substring(0, end);
    }

    [GeneratedRegex(@"\((?<files>\d+) files?, \d+ objects?(, \d+ other YAML documents? skipped)?\)\.\n?$")]
    private static partial Regex Summary();

    [GeneratedRegex(@"^(?<path>.+?):(?<line>\d+):(?<col>\d+): \w+ (?<rule>KL\d{4}) ", RegexOptions.Multiline)]
    private static partial Regex Position();

    private sealed record Result(int ExitCode, string Stdout, string Stderr);
}
