using System.Text.RegularExpressions;
using KubeLint.Analyzer.Documents;
using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Loading;
using KubeLint.Analyzer.Validation;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Configuration;

/// <summary>
/// The contents of a <c>.kubelint.yaml</c> file (schema: schemas/kubelint-config.schema.json):
/// <code>
/// rules:
///   KL3002:                      # a rule id or its kebab-case name
///     enabled: true
///     severity: warning          # error | warning | info
///     parameters: { key: value } # strings, numbers or booleans
///   service-selects-nothing: off # shorthand: on/off/true/false, or a severity (which also enables the rule)
/// ignorePaths:                   # globs relative to this file's folder, see IsIgnored
///   - vendor/
///   - "**/*.generated.yaml"
/// validation:                    # areas of API-server validation (ValidationAreas), on or off
///   networking: off
/// </code>
/// Typical use: <c>var path = cliConfig ?? LintConfiguration.Discover(Environment.CurrentDirectory);</c>, then
/// <c>LintConfiguration.Load(path, catalog)</c>, skip inputs for which <see cref="IsIgnored"/> is true, and run the
/// engine with <c>config.ApplyTo(options)</c>. Every problem is a <see cref="ConfigurationException"/> with the line
/// and column of the offending node.
/// </summary>
public sealed class LintConfiguration
{
    public const string FileName = ".kubelint.yaml";
    public const string AlternateFileName = ".kubelint.yml";

    private static readonly Regex IdPattern = new("^KL[0-9]{4}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    private static readonly Regex NamePattern = new("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant);
    private static readonly string[] TopLevelKeys = ["ignorePaths", "rules", "validation"];
    private static readonly string[] RuleKeys = ["enabled", "parameters", "severity"];

    private readonly IReadOnlyList<IgnorePattern> _ignore;
    private readonly IReadOnlyCollection<RuleDescriptor>? _knownRules;

    private LintConfiguration(
        string path,
        IReadOnlyDictionary<string, RuleSettings> rules,
        IReadOnlyList<IgnorePattern> ignore,
        IReadOnlyCollection<string> disabledAreas,
        IReadOnlyCollection<RuleDescriptor>? knownRules)
    {
        Path = path;
        DisabledValidationAreas = disabledAreas;
        BaseDirectory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? Directory.GetCurrentDirectory();
        Rules = rules;
        _ignore = ignore;
        _knownRules = knownRules;
        IgnorePaths = ignore.Select(p => p.Glob).ToList();
    }

    /// <summary>The configuration file as given.</summary>
    public string Path { get; }

    /// <summary>The folder of the configuration file: <see cref="IgnorePaths"/> are relative to it.</summary>
    public string BaseDirectory { get; }

    /// <summary>
    /// Settings by rule. Keys are canonical rule ids when the file was read with a rule catalog, otherwise the id or
    /// name as written. The comparer ignores case, like <see cref="AnalysisOptions.Rules"/>.
    /// </summary>
    public IReadOnlyDictionary<string, RuleSettings> Rules { get; }

    /// <summary>Areas of API-server validation turned off by the <c>validation:</c> block.</summary>
    public IReadOnlyCollection<string> DisabledValidationAreas { get; }

    /// <summary>The ignorePaths globs, in file order.</summary>
    public IReadOnlyList<string> IgnorePaths { get; }

    /// <summary>
    /// Finds the configuration for a run: <c>.kubelint.yaml</c> (or else <c>.kubelint.yml</c>) in
    /// <paramref name="startDirectory"/> or the nearest parent that has one; null when there is none.
    /// </summary>
    public static string? Discover(string startDirectory)
    {
        for (var dir = new DirectoryInfo(System.IO.Path.GetFullPath(startDirectory)); dir is not null; dir = dir.Parent)
        {
            foreach (var name in new[] { FileName, AlternateFileName })
            {
                var candidate = System.IO.Path.Combine(dir.FullName, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Reads and parses a configuration file without checking rule ids against a catalog (see <see cref="Parse(string, string)"/>).</summary>
    public static LintConfiguration Load(string path) => Load(path, knownRules: null);

    /// <summary>Reads and parses a configuration file; an unreadable file is a <see cref="ConfigurationException"/> without location.</summary>
    public static LintConfiguration Load(string path, IReadOnlyCollection<RuleDescriptor>? knownRules)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ConfigurationException($"cannot read configuration file '{path}': {ex.Message}", location: null, ex);
        }

        return Parse(path, text, knownRules);
    }

    /// <summary>
    /// Parses configuration text. Without a catalog, rule keys only need the shape of an id ("KL" and four digits) or
    /// of a kebab-case name; prefer <see cref="Parse(string, string, IReadOnlyCollection{RuleDescriptor})"/>.
    /// </summary>
    public static LintConfiguration Parse(string path, string text) => Parse(path, text, knownRules: null);

    /// <summary>
    /// Parses configuration text. With <paramref name="knownRules"/> (every rule the run can report), each rule key
    /// must be one of their ids (any case) or names, and <see cref="Rules"/> is keyed by id.
    /// </summary>
    /// <exception cref="ConfigurationException">For invalid YAML, unknown keys, unknown rules, bad severities or wrong types.</exception>
    public static LintConfiguration Parse(string path, string text, IReadOnlyCollection<RuleDescriptor>? knownRules)
    {
        var file = new SourceFile(path, text);
        var reader = YamlStreamReader.Read(file, LoaderLimits.Default);
        if (reader.TemplateMarker is { } marker)
        {
            throw new ConfigurationException("template placeholders ('{{') are not allowed in a configuration file", new SourceLocation(path, new SourceSpan(marker, marker)));
        }

        if (reader.Findings.Count > 0)
        {
            var first = reader.Findings[0];
            throw new ConfigurationException(first.Message, first.Location);
        }

        var documents = reader.Documents.Where(d => d.Root is not null and not YamlScalar { IsNull: true }).ToList();
        if (documents.Count > 1)
        {
            throw Error(path, documents[1].Root!, "a configuration file must contain a single YAML document");
        }

        var rules = new Dictionary<string, RuleSettings>(StringComparer.OrdinalIgnoreCase);
        var ignore = new List<IgnorePattern>();
        var disabledAreas = new HashSet<string>(StringComparer.Ordinal);
        if (documents.Count == 1)
        {
            var root = documents[0].Root as YamlMapping ?? throw Error(path, documents[0].Root!, $"the configuration must be a mapping, got {documents[0].Root!.TypeName}");
            foreach (var entry in root.Entries)
            {
                switch (entry.KeyText)
                {
                    case "rules":
                        ReadRules(path, entry.Value, knownRules, rules);
                        break;
                    case "ignorePaths":
                        ReadIgnorePaths(path, entry.Value, ignore);
                        break;
                    case "validation":
                        ReadValidationAreas(path, entry.Value, disabledAreas);
                        break;
                    default:
                        throw UnknownKey(path, entry, TopLevelKeys);
                }
            }
        }

        return new LintConfiguration(path, rules, ignore, disabledAreas, knownRules);
    }

    /// <summary>
    /// True when an input path is covered by <see cref="IgnorePaths"/>. Relative paths are taken from the current
    /// directory; the path is then matched relative to <see cref="BaseDirectory"/> (paths outside it are matched as
    /// given). Standard input ("-") is never ignored.
    /// </summary>
    public bool IsIgnored(string path)
    {
        if (_ignore.Count == 0 || path == InputResolver.StandardInput)
        {
            return false;
        }

        var full = System.IO.Path.GetFullPath(path).Replace('\\', '/');
        var root = BaseDirectory.Replace('\\', '/').TrimEnd('/') + "/";
        var relative = full.StartsWith(root, StringComparison.Ordinal) ? full.Substring(root.Length) : path.Replace('\\', '/');
        return _ignore.Any(p => p.IsMatch(relative));
    }

    /// <summary>
    /// Returns <paramref name="options"/> with this file's rule settings added. Settings already in
    /// <paramref name="options"/> (from the command line) win field by field: a command-line severity keeps the
    /// file's parameters. The other option values are copied unchanged.
    /// </summary>
    public AnalysisOptions ApplyTo(AnalysisOptions options)
    {
        var merged = new Dictionary<string, RuleSettings>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in Rules)
        {
            merged[pair.Key] = pair.Value;
        }

        foreach (var pair in options.Rules)
        {
            var key = Canonical(pair.Key);
            merged[key] = merged.TryGetValue(key, out var fromFile) ? Merge(fromFile, pair.Value) : pair.Value;
        }

        return new AnalysisOptions
        {
            KubernetesVersion = options.KubernetesVersion,
            Strict = options.Strict,
            RejectUnknownKinds = options.RejectUnknownKinds,
            ReportUnusedSuppressions = options.ReportUnusedSuppressions,
            Rules = merged,
            DisabledValidationAreas = DisabledValidationAreas.Concat(options.DisabledValidationAreas).Distinct(StringComparer.Ordinal).ToList(),
        };
    }

    private string Canonical(string key)
        => _knownRules?.FirstOrDefault(r => string.Equals(r.Id, key, StringComparison.OrdinalIgnoreCase) || r.Name == key)?.Id ?? key;

    private static RuleSettings Merge(RuleSettings fromFile, RuleSettings overriding)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in fromFile.Parameters.Concat(overriding.Parameters))
        {
            parameters[pair.Key] = pair.Value;
        }

        return new RuleSettings
        {
            Enabled = overriding.Enabled ?? fromFile.Enabled,
            Severity = overriding.Severity ?? fromFile.Severity,
            Parameters = parameters,
        };
    }

    private static void ReadRules(string path, YamlNode node, IReadOnlyCollection<RuleDescriptor>? knownRules, Dictionary<string, RuleSettings> rules)
    {
        if (node is YamlScalar { IsNull: true })
        {
            return;
        }

        var map = node as YamlMapping ?? throw Error(path, node, $"'rules' must be a mapping of rule ids or names to settings, got {node.TypeName}");
        var seenAt = new Dictionary<string, YamlNode>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in map.Entries)
        {
            var key = RuleKey(path, entry, knownRules);
            if (seenAt.TryGetValue(key, out var previous))
            {
                throw Error(path, entry.Key, $"rule '{entry.KeyText}' is configured twice (also at {previous.Start})");
            }

            seenAt[key] = entry.Key;
            rules[key] = ReadRuleSettings(path, entry);
        }
    }

    private static string RuleKey(string path, YamlEntry entry, IReadOnlyCollection<RuleDescriptor>? knownRules)
    {
        var key = entry.KeyText;
        if (knownRules is null)
        {
            return IdPattern.IsMatch(key) || NamePattern.IsMatch(key)
                ? key
                : throw Error(path, entry.Key, $"'{key}' is not a rule id (KL followed by four digits) or a kebab-case rule name");
        }

        var rule = knownRules.FirstOrDefault(r => string.Equals(r.Id, key, StringComparison.OrdinalIgnoreCase) || r.Name == key);
        return rule?.Id ?? throw Error(path, entry.Key, $"unknown rule '{key}'{Suggestion(key, knownRules)}");
    }

    private static string Suggestion(string key, IReadOnlyCollection<RuleDescriptor> knownRules)
    {
        var close = knownRules
            .Select(r => r.Name)
            .Where(n => n.IndexOf(key, StringComparison.OrdinalIgnoreCase) >= 0 || key.IndexOf(n, StringComparison.OrdinalIgnoreCase) >= 0)
            .OrderBy(n => n, StringComparer.Ordinal)
            .FirstOrDefault();
        return close is null ? "; 'kubelint rules' lists the rule ids and names" : $"; did you mean '{close}'?";
    }

    private static RuleSettings ReadRuleSettings(string path, YamlEntry entry)
    {
        var where = $"rule '{entry.KeyText}'";
        switch (entry.Value)
        {
            case YamlScalar { Kind: ScalarKind.Bool } flag:
                return new RuleSettings { Enabled = flag.TryGetBool(out var on) && on };
            case YamlScalar { Kind: ScalarKind.String, Value: "on" or "off" } word:
                return new RuleSettings { Enabled = word.Value == "on" };
            case YamlScalar { Kind: ScalarKind.String } severity:
                return new RuleSettings { Enabled = true, Severity = ReadSeverity(path, severity, where) };
            case YamlMapping settings:
                return ReadRuleMapping(path, settings, where);
            default:
                throw Error(path, entry.Value, $"{where} must be on, off, a severity (error, warning, info) or a mapping, got {entry.Value.TypeName}");
        }
    }

    private static RuleSettings ReadRuleMapping(string path, YamlMapping settings, string where)
    {
        bool? enabled = null;
        Severity? severity = null;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in settings.Entries)
        {
            switch (entry.KeyText)
            {
                case "enabled":
                    enabled = entry.Value is YamlScalar { Kind: ScalarKind.Bool } flag && flag.TryGetBool(out var on)
                        ? on
                        : throw Error(path, entry.Value, $"'enabled' of {where} must be true or false, got {Describe(entry.Value)}");
                    break;
                case "severity":
                    severity = entry.Value is YamlScalar { Kind: ScalarKind.String } text
                        ? ReadSeverity(path, text, where)
                        : throw Error(path, entry.Value, $"'severity' of {where} must be error, warning or info, got {Describe(entry.Value)}");
                    break;
                case "parameters":
                    ReadParameters(path, entry.Value, where, parameters);
                    break;
                default:
                    throw UnknownKey(path, entry, RuleKeys);
            }
        }

        return new RuleSettings { Enabled = enabled, Severity = severity, Parameters = parameters };
    }

    private static void ReadParameters(string path, YamlNode node, string where, Dictionary<string, string> parameters)
    {
        if (node is YamlScalar { IsNull: true })
        {
            return;
        }

        var map = node as YamlMapping ?? throw Error(path, node, $"'parameters' of {where} must be a mapping, got {node.TypeName}");
        foreach (var entry in map.Entries)
        {
            parameters[entry.KeyText] = entry.Value is YamlScalar { IsNull: false } value
                ? value.Value
                : throw Error(path, entry.Value, $"parameter '{entry.KeyText}' of {where} must be a string, number or boolean, got {entry.Value.TypeName}");
        }
    }

    private static Severity ReadSeverity(string path, YamlScalar text, string where)
        => text.Value is "error" or "warning" or "info" && SeverityNames.TryParse(text.Value, out var severity)
            ? severity
            : throw Error(path, text, $"unknown severity {text.ToDisplayString()} for {where}; expected error, warning or info");

    private static void ReadIgnorePaths(string path, YamlNode node, List<IgnorePattern> ignore)
    {
        if (node is YamlScalar { IsNull: true })
        {
            return;
        }

        var list = node as YamlSequence ?? throw Error(path, node, $"'ignorePaths' must be a list of glob patterns, got {node.TypeName}");
        foreach (var item in list.Items)
        {
            ignore.Add(item is YamlScalar { Kind: ScalarKind.String, Value.Length: > 0 } glob
                ? new IgnorePattern(glob.Value)
                : throw Error(path, item, $"each entry of 'ignorePaths' must be a non-empty string, got {Describe(item)}"));
        }
    }

    private static void ReadValidationAreas(string path, YamlNode node, HashSet<string> disabled)
    {
        if (node is YamlScalar { IsNull: true })
        {
            return;
        }

        var map = node as YamlMapping ?? throw Error(path, node, $"'validation' must be a mapping of validation areas to on or off, got {node.TypeName}");
        var areas = ValidationAreas.All.Select(a => a.Name).ToArray();
        foreach (var entry in map.Entries)
        {
            if (!areas.Contains(entry.KeyText, StringComparer.Ordinal))
            {
                throw Error(path, entry.Key, $"unknown validation area '{entry.KeyText}'; expected one of: {string.Join(", ", areas)}");
            }

            var on = entry.Value switch
            {
                YamlScalar { Kind: ScalarKind.Bool } flag when flag.TryGetBool(out var value) => value,
                YamlScalar { Kind: ScalarKind.String, Value: "on" or "off" } word => word.Value == "on",
                _ => throw Error(path, entry.Value, $"validation area '{entry.KeyText}' must be on or off, got {Describe(entry.Value)}"),
            };
            if (!on)
            {
                disabled.Add(entry.KeyText);
            }
        }
    }

    private static string Describe(YamlNode node) => node is YamlScalar s ? $"{s.TypeName} {s.ToDisplayString()}" : node.TypeName;

    private static ConfigurationException UnknownKey(string path, YamlEntry entry, string[] expected)
        => Error(path, entry.Key, $"unknown key '{entry.KeyText}'; expected one of: {string.Join(", ", expected)}");

    private static ConfigurationException Error(string path, YamlNode node, string message)
        => new(message, new SourceLocation(path, node.Span));
}
