using System.Text;
using KubeLint.Cli;

namespace KubeLint.Cli.Tests;

/// <summary>The result of one in-process kubelint run.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Runs kubelint in-process from the repository root, so paths and SARIF URIs are repository-relative.</summary>
    public static CliRun Of(params string[] args) => WithStdin(null, args);

    public static CliRun WithStdin(string? stdin, params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        using var input = stdin is null ? null : new MemoryStream(Encoding.UTF8.GetBytes(stdin));
        var exit = CliApp.Run(args, stdout, stderr, input);
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }
}
