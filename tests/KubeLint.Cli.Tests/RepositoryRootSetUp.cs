using KubeLint.Testing;

namespace KubeLint.Cli.Tests;

/// <summary>Every test runs kubelint from the repository root, as a user or CI would.</summary>
[SetUpFixture]
public sealed class RepositoryRootSetUp
{
    public const string Inputs = "tests/KubeLint.Cli.Tests/Inputs";

    [OneTimeSetUp]
    public void EnterRepositoryRoot() => Environment.CurrentDirectory = SharedPaths.RepositoryRoot;
}
