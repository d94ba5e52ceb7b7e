using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Loading;
using KubeLint.Testing;

namespace KubeLint.Analyzer.Tests.Yaml;

/// <summary>
/// The loader's own YAML parser must produce exactly the trees YamlDotNet's parser does through the same tree building:
/// node kinds, scalar values and styles, tags, every span, entry order, and the same findings, on every file of the real-manifest corpus
/// and on hand-written cases covering each construct and many malformed inputs.
/// </summary>
public sealed class DifferentialTests
{
    /// <summary>One case per corpus file; without the corpus, one case that reports it missing.</summary>
    public static IEnumerable<TestCaseData> CorpusFiles()
        => Directory.Exists(SharedPaths.Corpus)
            ? InputResolver.Resolve([SharedPaths.Corpus], new List<string>())
                .Select(path => new TestCaseData(Path.GetRelativePath(SharedPaths.Corpus, path)).SetName("Corpus " + Path.GetRelativePath(SharedPaths.Corpus, path)))
            : [new TestCaseData(string.Empty).SetName("Corpus (missing)")];

    public static IEnumerable<TestCaseData> Cases()
        => YamlCases.All.Select(c => new TestCaseData(c.Name).SetName("Case " + c.Name));

    [TestCaseSource(nameof(CorpusFiles))]
    public void Corpus_file_parses_to_the_same_tree(string relativePath)
    {
        var corpus = SharedPaths.Require(SharedPaths.Corpus);
        var findings = new List<Finding>();
        var file = SourceDecoder.Decode(relativePath, File.ReadAllBytes(Path.Combine(corpus, relativePath)), LoaderLimits.Default, findings);
        Assert.That(file, Is.Not.Null);
        AssertSame(file!);
    }

    [TestCaseSource(nameof(Cases))]
    public void Hand_written_case_parses_to_the_same_tree(string name)
    {
        var text = YamlCases.All.Single(c => c.Name == name).Text;
        AssertSame(new SourceFile("case.yaml", text));
    }

    public static IEnumerable<TestCaseData> ErrorCases()
        => YamlCases.ErrorPositionDiffers.Select(c => new TestCaseData(c.Name).SetName("Error case " + c.Name));

    [TestCaseSource(nameof(ErrorCases))]
    public void Malformed_case_is_rejected_by_both_and_the_rest_is_the_same(string name)
    {
        var file = new SourceFile("case.yaml", YamlCases.ErrorPositionDiffers.Single(c => c.Name == name).Text);
        var expected = YamlStreamReader.Read(file, LoaderLimits.Default, YamlDotNetEventSource.Create);
        var actual = YamlStreamReader.Read(file, LoaderLimits.Default);
        var difference = TreeDump.FirstDifference(
            WithoutPositions(TreeDump.Render(expected.Documents, expected.Findings, expected.HadSyntaxError)),
            WithoutPositions(TreeDump.Render(actual.Documents, actual.Findings, actual.HadSyntaxError)));
        Assert.Multiple(() =>
        {
            Assert.That(actual.HadSyntaxError, Is.True);
            Assert.That(expected.HadSyntaxError, Is.True);
            Assert.That(difference, Is.Null, difference);
        });
    }

    [Test]
    public void Hand_written_cases_are_not_empty()
        => Assert.That(YamlCases.All.Count, Is.GreaterThan(100));

    [Test]
    public void Corpus_is_not_empty()
    {
        SharedPaths.Require(SharedPaths.Corpus);
        Assert.That(CorpusFiles().Count(), Is.GreaterThan(700));
    }

    private static List<string> WithoutPositions(List<string> lines)
        => lines.Select(line => line.StartsWith("finding ", StringComparison.Ordinal) ? line.Substring(0, line.IndexOf('@', StringComparison.Ordinal)) : line).ToList();

    private static void AssertSame(SourceFile file)
    {
        var expected = YamlStreamReader.Read(file, LoaderLimits.Default, YamlDotNetEventSource.Create);
        var actual = YamlStreamReader.Read(file, LoaderLimits.Default);
        var difference = TreeDump.FirstDifference(
            TreeDump.Render(expected.Documents, expected.Findings, expected.HadSyntaxError),
            TreeDump.Render(actual.Documents, actual.Findings, actual.HadSyntaxError));
        Assert.Multiple(() =>
        {
            Assert.That(difference, Is.Null, difference);
            Assert.That(actual.TemplateMarker, Is.EqualTo(expected.TemplateMarker));
        });
    }
}
