using System.CommandLine;
using System.CommandLine.Parsing;

namespace KubeLint.Cli.Tests;

/// <summary>
/// A plain lint run is parsed with the lint command alone (<see cref="CliApp.ParseLintRun"/>); it must read the
/// arguments exactly as the full command tree does, and leave everything else to that tree.
/// </summary>
public sealed class LintRunParsingTests
{
    private static readonly CliConsole Console = new(TextWriter.Null, TextWriter.Null, stdin: null);

    [Test]
    public void The_root_names_are_those_of_the_command_tree()
    {
        var root = CliApp.CreateRootCommand(Console);
        var names = root.Subcommands.Cast<Symbol>().Concat(root.Options)
            .SelectMany(s => s is Command c ? c.Aliases.Prepend(c.Name) : ((Option)s).Aliases.Prepend(s.Name));
        Assert.That(DefaultCommand.RootNames, Is.EquivalentTo(names));
    }

    [TestCase("examples/configmap.yaml")]
    [TestCase("lint", "examples/configmap.yaml")]
    [TestCase("examples", "--format", "json", "--no-simulate", "-q")]
    [TestCase("a.yaml", "b.yaml", "--crd", "crds", "--crd=more", "-f", "sarif", "-o", "out.sarif", "--fail-level", "warning")]
    [TestCase("-", "--stdin-filename", "x.yaml", "--kubernetes-version", "1.33", "--include", "**/*.yaml")]
    [TestCase("--format", "json", "--", "-file-that-starts-with-a-dash.yaml")]
    public void A_lint_run_is_read_as_the_full_tree_reads_it(params string[] args)
    {
        var root = CliApp.CreateRootCommand(Console);
        var full = root.Parse(DefaultCommand.Apply(args, root));
        var alone = CliApp.ParseLintRun(args, Console);
        Assert.Multiple(() =>
        {
            Assert.That(full.Errors, Is.Empty);
            Assert.That(alone, Is.Not.Null);
            Assert.That(Values(alone!), Is.EqualTo(Values(full)));
        });
    }

    [TestCase]
    [TestCase("--help")]
    [TestCase("--version")]
    [TestCase("rules")]
    [TestCase("simulate", "examples")]
    [TestCase("[suggest]", "examples")]
    [TestCase("examples", "/?")]
    [TestCase("examples", "/h")]
    [TestCase("examples", "-o", "-h")]
    [TestCase("examples", "--fromat", "json")]
    [TestCase("examples", "--format", "yaml")]
    [TestCase("examples", "--format")]
    public void Anything_else_is_left_to_the_full_tree(params string[] args)
        => Assert.That(CliApp.ParseLintRun(args, Console), Is.Null);

    /// <summary>The command, its paths and each option given with its values, as the parse read them.</summary>
    private static string[] Values(ParseResult parse)
    {
        var command = parse.CommandResult;
        return command.Children
            .Select(child => child switch
            {
                OptionResult option => option.Option.Name + "=" + string.Join("|", option.Tokens.Select(t => t.Value)),
                ArgumentResult argument => argument.Argument.Name + "=" + string.Join("|", argument.Tokens.Select(t => t.Value)),
                _ => child.ToString()!,
            })
            .Prepend(command.Command.Name)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }
}
