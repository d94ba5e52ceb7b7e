using KubeLint.Cli;

return CliApp.Run(args, new CliConsole(Console.Out, Console.Error, stdin: null, stdoutIsTerminal: !Console.IsOutputRedirected));
