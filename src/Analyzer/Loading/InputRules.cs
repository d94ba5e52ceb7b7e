using KubeLint.Analyzer.Findings;

namespace KubeLint.Analyzer.Loading;

/// <summary>Descriptors of the problems the loader reports about the input itself (KL1001-KL1008, KL1020).</summary>
public static class InputRules
{
    private const string Category = "Input";

    public static RuleDescriptor YamlSyntaxError { get; } = new(
        RuleIds.YamlSyntaxError,
        "yaml-syntax-error",
        Severity.Error,
        Category,
        "The document is not valid YAML or JSON.",
        "The parser stopped at this position. The rest of the document cannot be checked; other documents of the same stream still are.",
        "Fix the syntax at the reported line and column (indentation, unclosed quotes or brackets, a missing ': ').")
    {
        Examples = new(
            bad: """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                data:
                  greeting: "hello
                """,
            good: """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                data:
                  greeting: "hello"
                """),
    };

    public static RuleDescriptor DuplicateKey { get; } = new(
        RuleIds.DuplicateKey,
        "duplicate-key",
        Severity.Error,
        Category,
        "A mapping defines the same key twice.",
        "The API server's strict decoding rejects duplicate keys, and tools that accept them silently keep only the last value, so one of the two definitions is lost. With --no-strict (non-strict field validation) they are warnings.",
        "Remove one of the two keys or merge their values.")
    {
        Examples = new(
            bad: """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                data:
                  mode: fast
                  mode: safe
                """,
            good: """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                data:
                  mode: safe
                """),
    };

    public static RuleDescriptor MissingTypeMeta { get; } = new(
        RuleIds.MissingTypeMeta,
        "missing-api-version-or-kind",
        Severity.Error,
        Category,
        "A document has no apiVersion or no kind.",
        "Every Kubernetes object must say which API it belongs to with string fields apiVersion and kind; without them it cannot be applied or checked.",
        "Add the missing apiVersion and kind, e.g. 'apiVersion: apps/v1' and 'kind: Deployment'.")
    {
        Examples = new(
            bad: """
                kind: ConfigMap
                metadata:
                  name: settings
                data:
                  mode: fast
                """,
            good: """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                data:
                  mode: fast
                """),
    };

    public static RuleDescriptor DocumentNotMapping { get; } = new(
        RuleIds.DocumentNotMapping,
        "document-not-an-object",
        Severity.Error,
        Category,
        "A document (or an item of a List) is not a mapping.",
        "A Kubernetes manifest document must be a mapping with apiVersion, kind and metadata; a scalar or a sequence at the top level is not an object.",
        "Make the document a mapping, or remove it.")
    {
        Examples = new(
            bad: """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                data:
                  mode: fast
                ---
                - mode: safe
                """,
            good: """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                data:
                  mode: fast
                """),
    };

    public static RuleDescriptor TabIndentation { get; } = new(
        RuleIds.TabIndentation,
        "tab-indentation",
        Severity.Error,
        Category,
        "A tab character is used for indentation.",
        "YAML forbids tabs in indentation; the document cannot be parsed.",
        "Replace the tab with spaces.")
    {
        Examples = new(
            bad: "apiVersion: v1\n" +
                "kind: ConfigMap\n" +
                "metadata:\n" +
                "\tname: settings\n" +
                "data:\n" +
                "  mode: fast\n",
            good: """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                data:
                  mode: fast
                """),
    };

    public static RuleDescriptor UnrenderedTemplate { get; } = new(
        RuleIds.UnrenderedTemplate,
        "unrendered-template",
        Severity.Error,
        Category,
        "The file contains template placeholders such as '{{ .Values.x }}'.",
        "Template sources (Helm, envsubst-like tools) are not manifests until they are rendered. The file is skipped so its placeholders do not produce misleading findings.",
        "Render the template first (e.g. 'helm template') and lint the output, or exclude the file.")
    {
        Examples = new(
            bad: """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: {{ .Release.Name }}-settings
                data:
                  mode: fast
                """,
            good: """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: shop-settings
                data:
                  mode: fast
                """),
    };

    public static RuleDescriptor UnreadableEncoding { get; } = new(
        RuleIds.UnreadableEncoding,
        "unreadable-encoding",
        Severity.Error,
        Category,
        "The file is binary or not valid UTF-8/UTF-16 text.",
        "Manifests must be UTF-8 (or UTF-16 with a byte order mark). Binary content or invalid byte sequences cannot be parsed.",
        "Save the file as UTF-8, or exclude it from the inputs.");

    public static RuleDescriptor InputLimitExceeded { get; } = new(
        RuleIds.InputLimitExceeded,
        "input-limit-exceeded",
        Severity.Error,
        Category,
        "A file or document exceeds a safety limit (size, nesting depth or alias expansion).",
        "Limits protect the run from hostile input such as 'billion laughs' alias bombs or pathological nesting. The offending document is skipped; the other documents are still checked.",
        "Split the input into smaller documents, reduce nesting, or avoid aliases that expand exponentially.")
    {
        Examples = new(
            bad: """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                data:
                  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]
                  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
                  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
                  d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
                  e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
                  f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
                  g: [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]
                """,
            good: """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                data:
                  a: lol
                """),
    };

    public static RuleDescriptor UnreadableInput { get; } = new(
        RuleIds.UnreadableInput,
        "unreadable-input",
        Severity.Error,
        Category,
        "An input path is not a regular file or cannot be read.",
        "Inputs are walked as 'find -xtype f' does: only regular files (or links to them) are read. A FIFO, socket or device is never opened, since reading it could block the run forever; a broken symbolic link, a link loop or a file without read permission cannot be read. Each is reported at its path and every other input is still checked.",
        "Fix or remove the entry. To lint the output of a command, pipe it to standard input: 'kustomize build | kubelint -'.");

    public static IReadOnlyList<RuleDescriptor> All { get; } =
    [
        YamlSyntaxError,
        DuplicateKey,
        MissingTypeMeta,
        DocumentNotMapping,
        TabIndentation,
        UnrenderedTemplate,
        UnreadableEncoding,
        InputLimitExceeded,
        UnreadableInput,
    ];
}
