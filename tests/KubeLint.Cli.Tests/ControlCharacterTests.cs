using System.Globalization;
using System.Text;
using System.Text.Json;

namespace KubeLint.Cli.Tests;

/// <summary>Every control character of a value or file name goes through every format without reaching the output raw.</summary>
public sealed class ControlCharacterTests
{
    private static readonly char[] Characters = Enumerable.Range(0, 0x20).Append(0x7f).Concat(Enumerable.Range(0x80, 0x20))
        .Concat([0x2028, 0x2029, 0x202e, 0x2066]).Select(c => (char)c).ToArray();

    private string _root = string.Empty;

    [SetUp]
    public void CreateInput()
    {
        _root = Path.Combine(Path.GetTempPath(), "kubelint-control-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_root);
        var yaml = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n");
        foreach (var c in Characters)
        {
            // One unknown field per character, written with a YAML escape: its message quotes the key.
            var escape = c < 0x100 ? "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture) : "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture);
            yaml.Append("  \"k").Append(escape).Append("\": 1\n");
        }

        File.WriteAllText(Path.Combine(_root, "values.yaml"), yaml.ToString());
        if (!OperatingSystem.IsWindows())
        {
            File.WriteAllText(Path.Combine(_root, "name\u001b[31m\nforged.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: d\n  name: e\n");
        }
    }

    [TearDown]
    public void DeleteInput() => Directory.Delete(_root, recursive: true);

    [TestCase("text")]
    [TestCase("github")]
    public void Line_formats_show_every_control_character_escaped(string format)
    {
        var run = CliRun.Of(_root, "--no-simulate", "-f", format);
        var lines = run.Stdout.Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Findings), run.Stderr);
            Assert.That(lines.Where(line => line.Any(IsRaw)), Is.Empty);
            // One finding line per key; the text format's per-rule table names the rule once more.
            Assert.That(lines.Count(line => line.Contains("KL1102", StringComparison.Ordinal) && line.Contains("values.yaml", StringComparison.Ordinal)), Is.EqualTo(Characters.Length));
            Assert.That(run.Stdout, Does.Contain("k\\x1b").And.Contain("k\\0").And.Contain("k\\n").And.Contain("k\\r").And.Contain("k\\u202e"));
            if (!OperatingSystem.IsWindows())
            {
                Assert.That(run.Stdout, Does.Contain("name\\x1b[31m\\nforged.yaml"));
            }
        });
    }

    [TestCase("json")]
    [TestCase("sarif")]
    public void Json_formats_keep_every_character_in_valid_json(string format)
    {
        var run = CliRun.Of(_root, "--no-simulate", "-f", format);
        using var document = JsonDocument.Parse(run.Stdout);
        var messages = new List<string>();
        Collect(document.RootElement, messages);
        Assert.Multiple(() =>
        {
            // JSON must escape C0 characters; the rest it carries as they are, and parsers read them back.
            Assert.That(run.Stdout.Where(c => c != '\n').Any(c => c < ' '), Is.False);
            foreach (var c in Characters)
            {
                Assert.That(messages.Any(m => m.Contains("k" + c, StringComparison.Ordinal)), Is.True, $"U+{(int)c:X4}");
            }
        });
    }

    private static bool IsRaw(char c) => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u202e' or '\u2066';

    private static void Collect(JsonElement element, List<string> strings)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                strings.Add(element.GetString()!);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value, strings);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, strings);
                }

                break;
        }
    }
}
