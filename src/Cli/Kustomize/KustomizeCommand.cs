using System.Diagnostics;
using System.Text;

namespace KubeLint.Cli.Kustomize;

/// <summary>
/// The kustomize that builds kustomizations: <c>kustomize build</c> or <c>kubectl kustomize</c> (kustomize is
/// compiled into kubectl), whichever is on PATH, or the command the user named. It is a separate process, so a
/// kustomize plugin or a remote base can never affect kubelint itself; a build that does not finish in time is killed.
/// </summary>
internal sealed class KustomizeCommand
{
    /// <summary>The --kustomize-command value that turns building off.</summary>
    public const string None = "none";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private KustomizeCommand(string fileName, IReadOnlyList<string> arguments)
    {
        FileName = fileName;
        Arguments = arguments;
    }

    public string FileName { get; }

    public IReadOnlyList<string> Arguments { get; }

    public override string ToString() => string.Join(" ", Arguments.Prepend(FileName));

    /// <summary>
    /// The command to use: <paramref name="configured"/> split at spaces (a usage error when its program cannot be
    /// found), else the first of kustomize and kubectl on PATH; null when building is off or nothing is installed.
    /// </summary>
    public static KustomizeCommand? Resolve(string? configured)
    {
        if (configured is not null)
        {
            var parts = configured.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0 || (parts.Length == 1 && parts[0] == None))
            {
                return null;
            }

            var program = Find(parts[0]) ?? throw new UsageException($"--kustomize-command: '{parts[0]}' is not an executable file or a program on PATH");
            return new KustomizeCommand(program, parts.Skip(1).ToList());
        }

        if (Find("kustomize") is { } kustomize)
        {
            return new KustomizeCommand(kustomize, ["build"]);
        }

        return Find("kubectl") is { } kubectl ? new KustomizeCommand(kubectl, ["kustomize"]) : null;
    }

    /// <summary>Runs the command on a folder; the output is the YAML stream, or null with kustomize's error message.</summary>
    public (string? Output, string Error) Build(string directory)
    {
        var start = new ProcessStartInfo(FileName)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add(directory);
        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException("the process did not start");
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                return (null, $"{this} did not finish within {Timeout.TotalSeconds:F0} seconds");
            }

            process.WaitForExit();
            return process.ExitCode == 0 ? (output.Result, error.Result) : (null, error.Result.Trim());
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return (null, $"{this} could not be run: {ex.Message}");
        }
    }

    /// <summary>A program by path, or by name on PATH.</summary>
    private static string? Find(string program)
    {
        if (program.IndexOfAny(['/', '\\']) >= 0)
        {
            return File.Exists(program) ? Path.GetFullPath(program) : null;
        }

        var suffixes = OperatingSystem.IsWindows() ? new[] { ".exe", ".cmd", string.Empty } : [string.Empty];
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            foreach (var suffix in suffixes)
            {
                if (directory.Length > 0 && Path.Combine(directory, program + suffix) is var candidate && File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
