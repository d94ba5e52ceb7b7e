using System.Diagnostics;

namespace KubeLint.Fuzz;

internal static class Cleanup
{
    /// <summary>Removes a folder; one holding a name .NET cannot spell (not UTF-8) goes through rm.</summary>
    public static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (!OperatingSystem.IsWindows())
            {
                using var rm = Process.Start("rm", ["-rf", folder]);
                rm.WaitForExit();
            }
        }
    }
}
