namespace KubeLint.Cli;

/// <summary>The streams a run uses, so the whole command can run in-process (tests) or as the process itself.</summary>
public sealed class CliConsole
{
    public CliConsole(TextWriter stdout, TextWriter stderr, Stream? stdin, bool stdoutIsTerminal = false)
    {
        Out = stdout;
        Error = stderr;
        Input = stdin;
        StdoutIsTerminal = stdoutIsTerminal;
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    /// <summary>Standard input for the "-" path; null means the process's own.</summary>
    public Stream? Input { get; }

    /// <summary>True when standard output is an interactive terminal, the only case where text output is colored.</summary>
    public bool StdoutIsTerminal { get; }

    public byte[] ReadStandardInput()
    {
        using var buffer = new MemoryStream();
        if (Input is null)
        {
            using var stdin = Console.OpenStandardInput();
            stdin.CopyTo(buffer);
        }
        else
        {
            Input.CopyTo(buffer);
        }

        return buffer.ToArray();
    }
}
