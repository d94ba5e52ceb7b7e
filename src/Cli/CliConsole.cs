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

    /// <summary>Standard input for reading "-"; the caller disposes it.</summary>
    public Stream OpenStandardInput() => Input is null ? Console.OpenStandardInput() : new NonClosingStream(Input);

    /// <summary>A given stream stays open for the test that owns it.</summary>
    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
