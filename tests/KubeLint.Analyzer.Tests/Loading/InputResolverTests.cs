using KubeLint.Analyzer.Loading;

namespace KubeLint.Analyzer.Tests.Loading;

public sealed class InputResolverTests
{
    private string _root = string.Empty;

    [SetUp]
    public void CreateTree()
    {
        _root = Path.Combine(Path.GetTempPath(), "kubelint-inputs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_root, "app", "nested"));
        foreach (var file in new[] { "app/b.yaml", "app/a.yml", "app/nested/c.json", "app/readme.md", "top.yaml" })
        {
            File.WriteAllText(Path.Combine(_root, file), "{}");
        }
    }

    [TearDown]
    public void DeleteTree() => Directory.Delete(_root, recursive: true);

    [Test]
    public void Folders_expand_recursively_to_manifest_files_in_ordinal_order()
    {
        var errors = new List<string>();
        var files = InputResolver.Resolve([Path.Combine(_root, "app")], errors);

        Assert.Multiple(() =>
        {
            Assert.That(errors, Is.Empty);
            Assert.That(files.Select(f => Path.GetRelativePath(_root, f).Replace('\\', '/')), Is.EqualTo(new[] { "app/a.yml", "app/b.yaml", "app/nested/c.json" }));
        });
    }

    [Test]
    public void Globs_match_with_double_star_across_folders()
    {
        var errors = new List<string>();
        var files = InputResolver.Resolve([_root + "/**/*.yaml"], errors);

        Assert.That(files.Select(f => Path.GetRelativePath(_root, f).Replace('\\', '/')), Is.EqualTo(new[] { "app/b.yaml", "top.yaml" }));
    }

    [Test]
    public void Missing_paths_and_empty_globs_are_errors()
    {
        var errors = new List<string>();
        InputResolver.Resolve([Path.Combine(_root, "nope.yaml"), _root + "/*.txt"], errors);

        Assert.That(errors, Has.Count.EqualTo(2));
    }

    [Test]
    public void Standard_input_and_duplicates()
    {
        var errors = new List<string>();
        var top = Path.Combine(_root, "top.yaml");
        var files = InputResolver.Resolve(["-", top, top], errors);

        Assert.That(files, Is.EqualTo(new[] { "-", top.Replace('\\', '/') }));
    }
}
