using System.Reflection;
using KubeLint.Testing;

namespace KubeLint.Roslyn.Tests;

/// <summary>Paths and settings shared by the tests that pack, install and build for real.</summary>
internal static class TestWorkspace
{
    /// <summary>The configuration the tests were built in, so packing reuses that build instead of compiling again.</summary>
    public static string Configuration { get; } =
        typeof(TestWorkspace).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static string Root => SharedPaths.RepositoryRoot;

    public static string CreateTemporaryDirectory(string prefix) => Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>A nuget.config whose only sources are local folders, so a restore never reaches a network feed.</summary>
    public static string WriteNuGetConfig(string directory, params string[] feeds)
    {
        var source = string.Concat(feeds.Select((f, i) => $"\n    <add key=\"local{i}\" value=\"{f}\" />"));
        var path = Path.Combine(directory, "nuget.config");
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />{source}
              </packageSources>
            </configuration>
            """);
        return path;
    }

    public static void DeleteDirectory(string? path)
    {
        if (path is not null && Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
