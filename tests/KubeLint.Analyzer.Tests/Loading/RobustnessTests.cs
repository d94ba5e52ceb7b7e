using System.Text;
using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Loading;
using KubeLint.Testing;

namespace KubeLint.Analyzer.Tests.Loading;

/// <summary>Bad input never crashes: real manifests, and deterministic mutations of them, load without exceptions.</summary>
public sealed class RobustnessTests
{
    private const string Significant = ":-?[]{},#&*!|>'\"%@`\t\n \\";

    [Test]
    public void Every_corpus_file_loads_without_exception_and_with_valid_positions()
    {
        var files = InputResolver.Resolve([SharedPaths.Require(SharedPaths.Corpus)], new List<string>());
        var loader = new ManifestLoader();
        var objects = 0;
        foreach (var path in files)
        {
            var result = loader.Load(path, File.ReadAllBytes(path));
            objects += result.Objects.Count;
            AssertPositionsValid(result);
        }

        Assert.That(objects, Is.GreaterThan(1_500), "the corpus holds about 1,700 objects");
    }

    [Test]
    public void Mutated_manifests_never_crash_the_loader()
    {
        var samples = InputResolver.Resolve([SharedPaths.Require(SharedPaths.Corpus)], new List<string>())
            .Where(p => new FileInfo(p).Length < 20_000)
            .Take(40)
            .Select(File.ReadAllText)
            .ToList();
        var random = new Random(20261122);
        var loader = new ManifestLoader();
        var runs = 0;
        foreach (var text in samples)
        {
            for (var i = 0; i < 50; i++)
            {
                var mutated = Mutate(text, random);
                var result = loader.Load(new SourceFile("mutated.yaml", mutated));
                AssertPositionsValid(result);
                runs++;
            }
        }

        Assert.That(runs, Is.EqualTo(samples.Count * 50));
    }

    [Test]
    public void Random_bytes_never_crash_the_loader()
    {
        var random = new Random(7);
        var loader = new ManifestLoader();
        for (var i = 0; i < 300; i++)
        {
            var bytes = new byte[random.Next(1, 400)];
            random.NextBytes(bytes);
            AssertPositionsValid(loader.Load("random.bin", bytes));
        }

        Assert.Pass("300 random inputs loaded without exception");
    }

    private static string Mutate(string text, Random random)
    {
        var sb = new StringBuilder(text);
        var edits = random.Next(1, 6);
        for (var e = 0; e < edits && sb.Length > 0; e++)
        {
            var at = random.Next(sb.Length);
            switch (random.Next(3))
            {
                case 0:
                    sb.Remove(at, Math.Min(random.Next(1, 8), sb.Length - at));
                    break;
                case 1:
                    sb.Insert(at, Significant[random.Next(Significant.Length)]);
                    break;
                default:
                    sb[at] = Significant[random.Next(Significant.Length)];
                    break;
            }
        }

        return sb.ToString();
    }

    private static void AssertPositionsValid(LoadResult result)
    {
        foreach (var finding in result.Findings)
        {
            var span = finding.Location.Span;
            if (span.Start.Line < 1 || span.Start.Column < 1 || span.End.CompareTo(span.Start) < 0)
            {
                Assert.Fail($"invalid span {span} in {finding}");
            }
        }
    }
}
