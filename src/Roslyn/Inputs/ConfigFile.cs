using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Loading;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Roslyn.Inputs;

/// <summary>
/// The part of .kubelint.yaml the build reads: <c>kubernetesVersion</c> and <c>rules</c>, where each rule (by id or
/// name) is either a severity (error, warning, info, off) or a mapping with <c>severity</c>, <c>enabled</c> and
/// rule parameters. Values of the wrong shape are ignored so that a half-edited file never breaks the build.
/// </summary>
internal sealed class ConfigFile
{
    public static ConfigFile Empty { get; } = new(null, new Dictionary<string, RuleSettings>(StringComparer.OrdinalIgnoreCase));

    private ConfigFile(string? kubernetesVersion, Dictionary<string, RuleSettings> rules)
    {
        KubernetesVersion = kubernetesVersion;
        Rules = rules;
    }

    public string? KubernetesVersion { get; }

    public IReadOnlyDictionary<string, RuleSettings> Rules { get; }

    public static ConfigFile Parse(string path, string text)
    {
        var loaded = new ManifestLoader().Load(new SourceFile(path, text));
        if (loaded.Documents.FirstOrDefault()?.Root is not YamlMapping root)
        {
            return Empty;
        }

        var rules = new Dictionary<string, RuleSettings>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in root.GetMapping("rules")?.Entries ?? [])
        {
            if (ReadRule(entry.Value) is { } settings)
            {
                rules[entry.KeyText] = settings;
            }
        }

        return new ConfigFile(root.GetString("kubernetesVersion"), rules);
    }

    private static RuleSettings? ReadRule(YamlNode value)
    {
        switch (value)
        {
            case YamlScalar scalar when IsOff(scalar):
                return new RuleSettings { Enabled = false };
            case YamlScalar scalar when SeverityNames.TryParse(scalar.Value, out var severity):
                return new RuleSettings { Enabled = true, Severity = severity };
            case YamlMapping mapping:
                var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
                bool? enabled = null;
                Severity? ruleSeverity = null;
                foreach (var entry in mapping.Entries)
                {
                    if (entry.Value is not YamlScalar { IsNull: false } setting)
                    {
                        continue;
                    }

                    switch (entry.KeyText)
                    {
                        case "enabled":
                            enabled = setting.TryGetBool(out var on) ? on : enabled;
                            break;
                        case "severity" when IsOff(setting):
                            enabled = false;
                            break;
                        case "severity":
                            ruleSeverity = SeverityNames.TryParse(setting.Value, out var parsed) ? parsed : ruleSeverity;
                            break;
                        default:
                            parameters[entry.KeyText] = setting.Value;
                            break;
                    }
                }

                return new RuleSettings { Enabled = enabled, Severity = ruleSeverity, Parameters = parameters };
            default:
                return null;
        }
    }

    private static bool IsOff(YamlScalar scalar)
        => scalar.Value is "off" or "none" || (scalar.TryGetBool(out var on) && !on);
}
