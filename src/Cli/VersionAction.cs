using System.CommandLine;
using System.CommandLine.Invocation;

namespace KubeLint.Cli;

/// <summary>
/// Prints kubelint's own version. The built-in action prints the entry assembly's, which is the test host's when
/// the command runs in-process.
/// </summary>
internal sealed class VersionAction(CliConsole console) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        console.Out.Write(ToolInfo.Version + "\n");
        return ExitCodes.Success;
    }
}
