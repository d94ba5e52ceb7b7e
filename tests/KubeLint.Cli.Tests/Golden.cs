using KubeLint.Testing;

namespace KubeLint.Cli.Tests;

/// <summary>
/// Compares output with a file under Golden/. Set KUBELINT_UPDATE_GOLDEN=1 to rewrite the files instead (then review
/// the diff): expected after adding rules, since SARIF lists every rule of the catalog.
/// </summary>
internal static class Golden
{
    private static string Folder => Path.Combine(SharedPaths.RepositoryRoot, "tests", "KubeLint.Cli.Tests", "Golden");

    public static void AssertMatches(string name, string actual)
    {
        var path = Path.Combine(Folder, name);
        if (Environment.GetEnvironmentVariable("KUBELINT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            Assert.Pass($"updated {path}");
        }

        Assert.That(File.Exists(path), Is.True, $"{path} is missing; run the tests with KUBELINT_UPDATE_GOLDEN=1 to create it");
        Assert.That(actual, Is.EqualTo(File.ReadAllText(path)), $"output differs from {name}; if the change is intended, rerun with KUBELINT_UPDATE_GOLDEN=1");
    }

    /// <summary>The SARIF source root is the absolute path of the checkout; golden files must not depend on it.</summary>
    public static string WithoutCheckoutPath(string sarif)
        => sarif.Replace(new Uri(SharedPaths.RepositoryRoot.TrimEnd('/') + "/").AbsoluteUri, "file:///checkout/", StringComparison.Ordinal);
}
