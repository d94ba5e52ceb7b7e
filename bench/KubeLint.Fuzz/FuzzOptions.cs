using System.Globalization;

namespace KubeLint.Fuzz;

/// <summary>The command line of the harness.</summary>
internal sealed class FuzzOptions
{
    public TimeSpan Budget { get; private set; } = TimeSpan.FromSeconds(60);

    public int Seed { get; private set; } = Environment.TickCount & 0x7fffffff;

    public int PerFileSeconds { get; private set; } = 10;

    /// <summary>One mutant run in this many also has its SARIF validated (the validator takes seconds); 0: never.</summary>
    public int SarifEvery { get; private set; } = 25;

    /// <summary>A folder of further seed manifests (e.g. ../shared/corpus/real).</summary>
    public string? Corpus { get; private set; }

    public string? FailuresDirectory { get; private set; }

    public static FuzzOptions? Parse(string[] args)
    {
        var options = new FuzzOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--seconds" when int.TryParse(value, CultureInfo.InvariantCulture, out var seconds):
                    options.Budget = TimeSpan.FromSeconds(seconds);
                    break;
                case "--minutes" when double.TryParse(value, CultureInfo.InvariantCulture, out var minutes):
                    options.Budget = TimeSpan.FromMinutes(minutes);
                    break;
                case "--seed" when int.TryParse(value, CultureInfo.InvariantCulture, out var seed):
                    options.Seed = seed;
                    break;
                case "--per-file-seconds" when int.TryParse(value, CultureInfo.InvariantCulture, out var limit) && limit > 0:
                    options.PerFileSeconds = limit;
                    break;
                case "--sarif-every" when int.TryParse(value, CultureInfo.InvariantCulture, out var every) && every >= 0:
                    options.SarifEvery = every;
                    break;
                case "--corpus" when value is not null:
                    options.Corpus = Path.GetFullPath(value);
                    break;
                case "--failures" when value is not null:
                    options.FailuresDirectory = Path.GetFullPath(value);
                    break;
                default:
                    return null;
            }

            i++;
        }

        return options;
    }

    /// <summary>The checkout: the folder above the harness that holds KubeLint.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KubeLint.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("KubeLint.sln not found above " + AppContext.BaseDirectory);
    }
}
