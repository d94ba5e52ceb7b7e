using KubeLint.Analyzer.Findings;

namespace KubeLint.Analyzer.Engine;

/// <summary>Descriptors of what the engine itself reports, independently of any pass.</summary>
public static class EngineRules
{
    public static RuleDescriptor UnusedSuppression { get; } = new(
        RuleIds.UnusedSuppression,
        "unused-suppression",
        Severity.Info,
        "Input",
        "A suppression annotation or comment suppresses nothing.",
        "A 'kubelint.io/ignore' annotation or a '# kubelint:ignore' comment names a rule that reported nothing there. "
            + "Stale suppressions hide future problems of the same kind, so they should be removed once the cause is fixed. "
            + "Only reported when unused suppressions are requested (--report-unused-suppressions).",
        "Remove the rule id from the annotation or comment, or the whole suppression when it names no other rule.")
    {
        Examples = new(
            bad: """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                  annotations:
                    kubelint.io/ignore: KL6005
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

    /// <summary>
    /// A .kubelint.yaml that cannot be applied. The command line stops with exit code 2 instead; inside the compiler,
    /// where a build must not fail on a half-edited file, the file is ignored and this diagnostic says why.
    /// </summary>
    public static RuleDescriptor InvalidConfiguration { get; } = new(
        RuleIds.InvalidConfiguration,
        "invalid-configuration",
        Severity.Warning,
        "Input",
        "The .kubelint.yaml configuration is invalid and is not applied.",
        "The configuration file has an unknown key or rule, a wrong type or an invalid severity. kubelint (the command) "
            + "refuses to run with it (exit code 2); the build-time analyzer ignores the file and reports this diagnostic "
            + "at the offending line and column, so the rules run with their defaults until the file is fixed.",
        "Fix the configuration at the reported position; the file's JSON schema is schemas/kubelint-config.schema.json.");

    /// <summary>The notice a cross-object rule gives once when it did not report something an unreadable document could change.</summary>
    // KL1013's examples: a Deployment that reads the ConfigMap "settings", and another ConfigMap of the input.
    private const string HeldBackExampleObjects = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: 2
                  selector:
                    matchLabels:
                      app: web
                  template:
                    metadata:
                      labels:
                        app: web
                    spec:
                      securityContext:
                        runAsNonRoot: true
                      containers:
                        - name: web
                          image: example/web:1.4.2
                          envFrom:
                            - configMapRef:
                                name: settings
                          ports:
                            - name: http
                              containerPort: 8080
                          readinessProbe:
                            httpGet: {path: /readyz, port: http}
                          resources:
                            requests: {cpu: 100m, memory: 128Mi}
                            limits: {memory: 128Mi}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: defaults
                data:
                  mode: fast
                ---

                """;

    public static RuleDescriptor ConclusionsHeldBack { get; } = new(
        RuleIds.ConclusionsHeldBack,
        "conclusions-held-back",
        Severity.Info,
        "Input",
        "A cross-object rule held back findings that an unreadable document could change.",
        "Rules that report something as absent from the input (a Service that selects no pod, a missing ConfigMap) cannot "
            + "conclude where a document that could not be read (a syntax error, an unrendered template, an object without "
            + "kind) may define what they look for. They hold back only those conclusions: about objects of the document's "
            + "namespace (of every namespace for a document without one, which lands wherever it is applied), or of its "
            + "file when its namespace could not be read. Each rule that held back says so once, "
            + "naming the documents. Documents that are not manifests disable nothing.",
        "Fix the documents named in the message (their own findings say what is wrong); the held-back rules then run on them too.")
    {
        // The bad example silences the broken document's own error, so that the notice is its only finding.
        Examples = new(
            bad: HeldBackExampleObjects + """
                # kubelint:ignore KL1003
                kind: ConfigMap
                metadata:
                  name: settings
                data:
                  mode: fast
                """,
            good: HeldBackExampleObjects + """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                data:
                  mode: fast
                """),
    };

    public static IReadOnlyList<RuleDescriptor> All { get; } = [UnusedSuppression, InvalidConfiguration, ConclusionsHeldBack];
}
