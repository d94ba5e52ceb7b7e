using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Yaml;

namespace KubeLint.Analyzer.Schema;

/// <summary>A problem found while checking a value against a schema, before it is reported (or weighed, inside anyOf and oneOf).</summary>
internal sealed record SchemaProblem(RuleDescriptor Rule, YamlNode Node, string Message);
