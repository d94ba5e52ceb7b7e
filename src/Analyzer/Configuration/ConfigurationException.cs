using KubeLint.Analyzer.Documents;

namespace KubeLint.Analyzer.Configuration;

/// <summary>
/// A configuration file that cannot be used. <see cref="Exception.Message"/> is ready to print
/// ("path:line:col: problem"); <see cref="Location"/> and <see cref="Detail"/> give the parts.
/// </summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException()
        : this("invalid configuration")
    {
    }

    public ConfigurationException(string message)
        : this(message, location: null)
    {
    }

    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Detail = message;
    }

    public ConfigurationException(string detail, SourceLocation? location, Exception? innerException = null)
        : base(location is { } at ? $"{at}: {detail}" : detail, innerException)
    {
        Detail = detail;
        Location = location;
    }

    /// <summary>Where the problem is (1-based line and column in the configuration file); null for unreadable files.</summary>
    public SourceLocation? Location { get; }

    /// <summary>The problem without its location.</summary>
    public string Detail { get; }
}
