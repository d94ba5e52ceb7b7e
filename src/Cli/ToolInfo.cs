using System.Reflection;

namespace KubeLint.Cli;

/// <summary>Name, version and home of the tool, as reported by --version, JSON and SARIF.</summary>
public static class ToolInfo
{
    public const string Name = "kubelint";

    public const string InformationUri = "https://github.com/kubelint/kubelint";

    public static string Version { get; } =
        typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
