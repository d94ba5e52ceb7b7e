namespace KubeLint.Cli;

/// <summary>A problem with how kubelint was invoked (bad option value, unreadable path): one line for the user, exit 2.</summary>
public sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException()
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
