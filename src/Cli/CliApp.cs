using System.CommandLine;

namespace KubeLint.Cli;

/// <summary>
/// The kubelint command line. Runs in-process with any streams (tests call <see cref="Run(string[], TextWriter, TextWriter, Stream?)"/>);
/// every failure becomes one line on standard error and exit code 2, never a stack trace.
/// </summary>
public static class CliApp
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Stream? stdin)
        => Run(args, new CliConsole(stdout, stderr, stdin));

    public static int Run(string[] args, CliConsole console)
    {
        try
        {
            var parseResult = CreateRootCommand(console).Parse(args);
            if (parseResult.Errors.Count > 0)
            {
                foreach (var error in parseResult.Errors)
                {
                    console.Error.Write($"kubelint: {error.Message}\n");
                }

                console.Error.Write("Run 'kubelint --help' for usage.\n");
                return ExitCodes.Usage;
            }

            return parseResult.Invoke(new InvocationConfiguration
            {
                Output = console.Out,
                Error = console.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (UsageException ex)
        {
            foreach (var line in ex.Message.Split('\n'))
            {
                console.Error.Write($"kubelint: {Output.ControlCharacters.Escape(line)}\n");
            }

            return ExitCodes.Usage;
        }
        catch (Exception ex)
        {
            console.Error.Write($"kubelint: internal error: {ex.GetType().Name}: {ex.Message.Replace('\n', ' ')}\n");
            return ExitCodes.Usage;
        }
    }

    private static RootCommand CreateRootCommand(CliConsole console)
    {
        var root = new RootCommand("Lints Kubernetes manifests: YAML problems, schema validation, cross-object rules and a cluster simulation.");
        new LintCommand().AttachTo(root, console);
        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Action = new VersionAction(console);
        }

        var lint = new Command("lint", "Lint manifests (the default command: 'kubelint PATH...' is 'kubelint lint PATH...').");
        new LintCommand().AttachTo(lint, console);
        root.Subcommands.Add(lint);
        root.Subcommands.Add(RulesCommand.Create(console));
        root.Subcommands.Add(Simulation.SimulateCommand.Create());
        return root;
    }
}
