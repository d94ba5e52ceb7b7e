namespace KubeLint.Cli;

public static class ExitCodes
{
    /// <summary>No finding at or above the fail level.</summary>
    public const int Success = 0;

    /// <summary>At least one finding at or above the fail level.</summary>
    public const int Findings = 1;

    /// <summary>Usage errors, unreadable paths and internal failures.</summary>
    public const int Usage = 2;
}
