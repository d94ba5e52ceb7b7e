namespace KubeLint.Analyzer.Yaml;

/// <summary>The type a scalar resolves to under the rules the Kubernetes API machinery applies (YAML 1.1 core types).</summary>
public enum ScalarKind
{
    Null,
    Bool,
    Int,
    Float,
    String,
}
