using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace KubeLint.Cli;

/// <summary>
/// The <c>[suggest:POSITION] "COMMAND LINE"</c> directive that dotnet-suggest calls for shell completion. The built-in
/// action completes the line as typed; this one first applies the default command, so that
/// <c>kubelint deploy/ --fo</c> completes lint's --format as <c>kubelint lint deploy/ --fo</c> would.
/// </summary>
internal sealed class SuggestAction(RootCommand root, SuggestDirective directive, CliConsole console) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        var line = parseResult.Tokens.LastOrDefault(t => t.Type != TokenType.Directive)?.Value ?? string.Empty;
        var position = parseResult.GetResult(directive)?.Values is [var value] && int.TryParse(value, out var p) ? Math.Min(p, line.Length) : line.Length;

        // The shell passes the whole line, starting with the program's own name.
        var words = CommandLineParser.SplitCommandLine(line[..position]).ToList();
        if (words.Count > 0 && Path.GetFileNameWithoutExtension(words[0]) == ToolInfo.Name)
        {
            words.RemoveAt(0);
        }

        // A trailing space means a new, empty word is being completed.
        var completing = position > 0 && char.IsWhiteSpace(line[position - 1]) ? string.Empty : words.LastOrDefault() ?? string.Empty;
        if (completing.Length > 0)
        {
            words.RemoveAt(words.Count - 1);
        }

        // The first word completes to a command or a root option; later words to what the (default) command takes.
        var prefix = words.Count == 0 ? string.Empty : string.Join(' ', DefaultCommand.Apply(words, root).Select(Quote)) + " ";
        var text = prefix + completing;
        var completions = root.Parse(text).GetCompletions(text.Length);
        foreach (var completion in completions)
        {
            console.Out.Write(completion.Label + "\n");
        }

        return ExitCodes.Success;
    }

    private static string Quote(string word) => word.Contains(' ') ? $"\"{word}\"" : word;
}
