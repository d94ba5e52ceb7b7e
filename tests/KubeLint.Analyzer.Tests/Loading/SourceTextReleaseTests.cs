using System.Text;
using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Loading;

namespace KubeLint.Analyzer.Tests.Loading;

/// <summary>A file loaded from bytes lets its decoded text go after loading; what reads it later gets the same text.</summary>
public sealed class SourceTextReleaseTests
{
    private const string Manifest = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: caf\u00e9  # kubelint:ignore KL9999\ndata: {a: \"\u00fc\"}\n";

    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    [TestCase("utf-8")]
    [TestCase("utf-8-bom")]
    [TestCase("utf-16")]
    public void A_released_file_decodes_the_same_text_and_finds_markers(string encoding)
    {
        var bytes = encoding switch
        {
            "utf-8" => Encoding.UTF8.GetBytes(Manifest),
            "utf-8-bom" => [.. Utf8Bom, .. Encoding.UTF8.GetBytes(Manifest)],
            _ => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Manifest)],
        };
        var result = new ManifestLoader().Load("cm.yaml", bytes);
        var file = result.Objects.Single().File;

        Assert.That(file.Text, Is.EqualTo(Manifest));
        Assert.That(file.Contains("kubelint:ignore"), Is.True);
        Assert.That(file.Contains("# Source: "), Is.False);
        Assert.That(file.PositionOf(Manifest.IndexOf("\ndata", StringComparison.Ordinal) + 1), Is.EqualTo(new SourcePosition(5, 1)));
    }

    [Test]
    public void A_suppression_comment_in_a_released_file_still_suppresses()
    {
        // A duplicate key (KL1002, a loader finding) on the line of a suppression comment: the comment is read
        // after loading, from the released file.
        var yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  key: one\n  key: two # kubelint:ignore KL1002 kept\n";
        var loaded = new ManifestLoader().Load("cm.yaml", Encoding.UTF8.GetBytes(yaml));
        var unsuppressed = new ManifestLoader().Load("cm.yaml", Encoding.UTF8.GetBytes(yaml.Replace(" # kubelint:ignore KL1002 kept", string.Empty, StringComparison.Ordinal)));

        Assert.That(new LintEngine([], AnalysisOptions.Default).Run(loaded).Select(f => f.RuleId), Is.Empty);
        Assert.That(new LintEngine([], AnalysisOptions.Default).Run(unsuppressed).Select(f => $"{f.RuleId}@{f.Location.Span.Start.Line}:{f.Location.Span.Start.Column}"), Is.EqualTo(new[] { "KL1002@7:3" }));
    }
}
