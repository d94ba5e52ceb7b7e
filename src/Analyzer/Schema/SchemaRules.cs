using KubeLint.Analyzer.Findings;

namespace KubeLint.Analyzer.Schema;

/// <summary>Descriptors of the schema validation problems (KL1101-KL1114).</summary>
public static class SchemaRules
{
    private const string Category = "Schema";

    public static RuleDescriptor ApiNotServed { get; } = new(
        RuleIds.ApiNotServed,
        "api-not-served",
        Severity.Error,
        Category,
        "The apiVersion/kind is not served by the chosen Kubernetes version.",
        "The API server rejects objects whose apiVersion/kind it does not serve ('no matches for kind'). Deprecated beta APIs were removed over time; the finding names the API to use instead when the kind moved.",
        "Change apiVersion to the served version named in the message (and adapt fields that changed), or choose the Kubernetes version you deploy to with --kubernetes-version.")
    {
        Examples = new(
            bad: """
                apiVersion: policy/v1beta1
                kind: PodDisruptionBudget
                metadata:
                  name: web
                spec:
                  minAvailable: 1
                  selector:
                    matchLabels:
                      app: web
                """,
            good: """
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata:
                  name: web
                spec:
                  minAvailable: 1
                  selector:
                    matchLabels:
                      app: web
                """),
    };

    public static RuleDescriptor UnknownField { get; } = new(
        RuleIds.UnknownField,
        "unknown-field",
        Severity.Error,
        Category,
        "A field is not part of the object's schema.",
        "With strict field validation (kubectl's default since 1.27) the API server rejects unknown fields; without it they are silently dropped, so a misspelt field never takes effect.",
        "Fix the spelling or the indentation of the field, or remove it. --no-strict turns these findings off.")
    {
        Examples = new(
            bad: """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                  label:
                    app: web
                data:
                  mode: fast
                """,
            good: """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                  labels:
                    app: web
                data:
                  mode: fast
                """),
    };

    public static RuleDescriptor TypeMismatch { get; } = new(
        RuleIds.TypeMismatch,
        "type-mismatch",
        Severity.Error,
        Category,
        "A value has the wrong type for its field.",
        "Kubernetes decodes YAML with YAML 1.1 typing: unquoted yes/no/on/off are booleans, unquoted numbers are numbers, and a quoted number is a string. The API server rejects a value whose JSON type does not match the field.",
        "Quote values that must be strings (e.g. label values 'yes' or '1.0'), and unquote numbers that must be integers.")
    {
        Examples = new(
            bad: """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                data:
                  debug: yes
                """,
            good: """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                data:
                  debug: "yes"
                """),
    };

    public static RuleDescriptor RequiredFieldMissing { get; } = new(
        RuleIds.RequiredFieldMissing,
        "required-field-missing",
        Severity.Error,
        Category,
        "A required field is missing or null.",
        "The API server rejects the object with 'Required value' when a field its schema requires is absent, or when its own validation needs a field the schema leaves optional (a container's image, a port's number, a volume's source).",
        "Add the field named in the message.")
    {
        Examples = new(
            bad: """
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata:
                  name: data
                spec:
                  accessModes: [ReadWriteOnce]
                """,
            good: """
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata:
                  name: data
                spec:
                  accessModes: [ReadWriteOnce]
                  resources:
                    requests:
                      storage: 1Gi
                """),
    };

    public static RuleDescriptor InvalidEnumValue { get; } = new(
        RuleIds.InvalidEnumValue,
        "invalid-enum-value",
        Severity.Error,
        Category,
        "A field that accepts a fixed set of values has another value.",
        "Values are case-sensitive. The API server rejects others with 'Unsupported value'. The OpenAPI documents do not list these values, so schema-only validators miss them.",
        "Use one of the values listed in the message; a near miss names the intended one.")
    {
        Examples = new(
            bad: """
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  type: ClusterIp
                  ports:
                    - port: 80
                """,
            good: """
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  type: ClusterIP
                  ports:
                    - port: 80
                """),
    };

    public static RuleDescriptor InvalidValue { get; } = new(
        RuleIds.InvalidValue,
        "invalid-value",
        Severity.Error,
        Category,
        "The API server rejects a value as invalid or forbidden (formats, ranges, names inside the spec, combinations of fields).",
        "Beyond the OpenAPI schema, the API server runs its own validation (pkg/apis/<group>/validation) and rejects the object with 'Invalid value' or 'Forbidden': integers outside their declared size, malformed timestamps, base64 or IP addresses, out-of-range ports, names of containers, ports and volumes, fields that exclude each other. The message is the server's, with the field path.",
        "Change the value as the message says; the field path names the exact field.")
    {
        Examples = new(
            bad: """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: credentials
                data:
                  password: hunter2!
                """,
            good: """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: credentials
                data:
                  password: aHVudGVyMiE=
                """),
    };

    public static RuleDescriptor InvalidQuantity { get; } = new(
        RuleIds.InvalidQuantity,
        "invalid-quantity",
        Severity.Error,
        Category,
        "A resource quantity does not parse.",
        "Quantities follow apimachinery's grammar: a number and an optional suffix (Ki, Mi, Gi, Ti, Pi, Ei, n, u, m, k, M, G, T, P, E, or an exponent). Suffixes are case-sensitive: '500mi' and '1K' are rejected.",
        "Write the quantity with a valid suffix, e.g. 500Mi, 1Gi, 250m, 2.")
    {
        Examples = new(
            bad: """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  labels:
                    app: web
                spec:
                  securityContext:
                    runAsNonRoot: true
                  containers:
                    - name: web
                      image: example/web:1.4.2
                      resources:
                        requests: {cpu: 100m, memory: 128Mi}
                        limits: {memory: 128mi}
                """,
            good: """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  labels:
                    app: web
                spec:
                  securityContext:
                    runAsNonRoot: true
                  containers:
                    - name: web
                      image: example/web:1.4.2
                      resources:
                        requests: {cpu: 100m, memory: 128Mi}
                        limits: {memory: 128Mi}
                """),
    };

    public static RuleDescriptor DuplicateListKey { get; } = new(
        RuleIds.DuplicateListKey,
        "duplicate-list-key",
        Severity.Error,
        Category,
        "Two items of a list that must be unique have the same key or value.",
        "Lists such as containers (keyed by name) or container ports (keyed by containerPort and protocol) are maps in disguise: the API server and server-side apply reject two items with the same key ('Duplicate value'), and its validation also rejects duplicate volume names, port names, mount paths and the like.",
        "Rename or merge the duplicate item.")
    {
        Examples = new(
            bad: """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  labels:
                    app: web
                spec:
                  securityContext:
                    runAsNonRoot: true
                  containers:
                    - name: web
                      image: example/web:1.4.2
                      ports:
                        - name: http
                          containerPort: 8080
                        - name: metrics
                          containerPort: 8080
                      resources:
                        requests: {cpu: 100m, memory: 128Mi}
                        limits: {memory: 128Mi}
                """,
            good: """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  labels:
                    app: web
                spec:
                  securityContext:
                    runAsNonRoot: true
                  containers:
                    - name: web
                      image: example/web:1.4.2
                      ports:
                        - name: http
                          containerPort: 8080
                        - name: metrics
                          containerPort: 9090
                      resources:
                        requests: {cpu: 100m, memory: 128Mi}
                        limits: {memory: 128Mi}
                """),
    };

    public static RuleDescriptor UnknownKind { get; } = new(
        RuleIds.UnknownKind,
        "unknown-kind",
        Severity.Info,
        Category,
        "No schema describes this apiVersion/kind, so it is not validated.",
        "Objects of a custom resource are validated when their CustomResourceDefinition is part of the input or given with --crd. Otherwise they are reported once per apiVersion/kind instead of being passed silently.",
        "Add the CustomResourceDefinition to the input or pass it with --crd; --reject-unknown-kinds makes this an error.")
    {
        Examples = new(
            bad: """
                apiVersion: example.com/v1
                kind: Backup
                metadata:
                  name: nightly
                spec:
                  retainDays: 7
                """,
            good: """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: backups.example.com
                spec:
                  group: example.com
                  scope: Namespaced
                  names:
                    kind: Backup
                    plural: backups
                  versions:
                    - name: v1
                      served: true
                      storage: true
                      schema:
                        openAPIV3Schema:
                          type: object
                          properties:
                            spec:
                              type: object
                              properties:
                                retainDays:
                                  type: integer
                                  minimum: 1
                ---
                apiVersion: example.com/v1
                kind: Backup
                metadata:
                  name: nightly
                spec:
                  retainDays: 7
                """),
    };

    public static RuleDescriptor InvalidName { get; } = new(
        RuleIds.InvalidName,
        "invalid-name",
        Severity.Error,
        Category,
        "metadata.name or metadata.namespace is not a valid name for the kind.",
        "Most kinds need a DNS-1123 subdomain (lowercase alphanumerics, '-' and '.', at most 253 characters); Namespaces need a DNS-1123 label and Services an RFC 1035 label (at most 63 characters, starting with a letter).",
        "Use lowercase letters, digits and '-', starting and ending with an alphanumeric character.")
    {
        Examples = new(
            bad: """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: Settings_v2
                data:
                  mode: fast
                """,
            good: """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings-v2
                data:
                  mode: fast
                """),
    };

    public static RuleDescriptor InvalidLabel { get; } = new(
        RuleIds.InvalidLabel,
        "invalid-label",
        Severity.Error,
        Category,
        "A label key or value is not valid.",
        "Label keys are an optional DNS subdomain prefix and '/', then a name of at most 63 alphanumerics, '-', '_' or '.'; values are at most 63 such characters, starting and ending with an alphanumeric, or empty.",
        "Shorten the label or replace the characters that are not allowed.")
    {
        Examples = new(
            bad: """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                  labels:
                    team: web team
                data:
                  mode: fast
                """,
            good: """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                  labels:
                    team: web-team
                data:
                  mode: fast
                """),
    };

    public static RuleDescriptor ValueOutOfBounds { get; } = new(
        RuleIds.ValueOutOfBounds,
        "value-out-of-bounds",
        Severity.Error,
        Category,
        "A value is too long or a list has too many items.",
        "The API server limits sizes: 'Too long' for annotations over 256 KiB, ConfigMaps and Secrets over 1 MiB and strings over a custom resource schema's maxLength, 'Too many' for lists over a limit or over a schema's maxItems. (A schema's minimum, maximum and pattern are 'Invalid value', KL1106.)",
        "Shorten the value or the list to the limit named in the message.")
    {
        Examples = new(
            bad: """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: backups.example.com
                spec:
                  group: example.com
                  scope: Namespaced
                  names:
                    kind: Backup
                    plural: backups
                  versions:
                    - name: v1
                      served: true
                      storage: true
                      schema:
                        openAPIV3Schema:
                          type: object
                          properties:
                            spec:
                              type: object
                              properties:
                                schedules:
                                  type: array
                                  maxItems: 2
                                  items:
                                    type: string
                ---
                apiVersion: example.com/v1
                kind: Backup
                metadata:
                  name: nightly
                spec:
                  schedules: ["0 1 * * *", "0 13 * * *", "0 19 * * *"]
                """,
            good: """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: backups.example.com
                spec:
                  group: example.com
                  scope: Namespaced
                  names:
                    kind: Backup
                    plural: backups
                  versions:
                    - name: v1
                      served: true
                      storage: true
                      schema:
                        openAPIV3Schema:
                          type: object
                          properties:
                            spec:
                              type: object
                              properties:
                                schedules:
                                  type: array
                                  maxItems: 2
                                  items:
                                    type: string
                ---
                apiVersion: example.com/v1
                kind: Backup
                metadata:
                  name: nightly
                spec:
                  schedules: ["0 1 * * *", "0 13 * * *"]
                """),
    };

    public static RuleDescriptor CelRuleNotEvaluated { get; } = new(
        RuleIds.CelRuleNotEvaluated,
        "cel-rule-not-evaluated",
        Severity.Info,
        Category,
        "A CustomResourceDefinition's x-kubernetes-validations rule is not evaluated.",
        "CEL rules of CRDs are evaluated with the libraries of the API server's CEL environment: cel-go's strings, sets and optional values, and Kubernetes' lists, regex (RE2: matches, find, findAll), quantity, url, ip, cidr and format libraries, with the server's run-time errors. The optional syntax (.?, [?, [?x], {?k: v}), string.format, equality of quantities, IPs, CIDRs and URLs, the list macros map (also with a filter) and filter over lists and map keys with cel-go's order of errors, and two-variable comprehensions (from 1.33, when new CRDs may use them) are evaluated too. Integer overflow, and errors inside all, exists and exists_one (masked as cel-go masks them), are the server's run-time errors. A rule that needs what the engine lacks (authz, which has no authorizer in CRD rules), or that the server would not compile (a function called in the style its library does not declare, as cel-go's checker refuses it: q.sign() for sign(q), find(s, re) for s.find(re)), is not evaluated rather than guessed, and this says so once per rule; the netstandard2.0 build (the compiler-hosted analyzer) evaluates no CEL rule.",
        "Nothing to change in the manifests; validate such objects with a server-side dry run to have the rule checked.")
    {
        Examples = new(
            bad: """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: mirrors.example.com
                spec:
                  group: example.com
                  scope: Namespaced
                  names:
                    kind: Mirror
                    plural: mirrors
                  versions:
                    - name: v1
                      served: true
                      storage: true
                      schema:
                        openAPIV3Schema:
                          type: object
                          properties:
                            spec:
                              type: object
                              x-kubernetes-validations:
                                - rule: quantity(self.size).sign() >= 0
                                  message: a mirror's size is not negative
                              properties:
                                size:
                                  type: string
                ---
                apiVersion: example.com/v1
                kind: Mirror
                metadata:
                  name: docs
                spec:
                  size: 1Ti
                """,
            good: """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: mirrors.example.com
                spec:
                  group: example.com
                  scope: Namespaced
                  names:
                    kind: Mirror
                    plural: mirrors
                  versions:
                    - name: v1
                      served: true
                      storage: true
                      schema:
                        openAPIV3Schema:
                          type: object
                          properties:
                            spec:
                              type: object
                              x-kubernetes-validations:
                                - rule: sign(quantity(self.size)) >= 0
                                  message: a mirror's size is not negative
                              properties:
                                size:
                                  type: string
                ---
                apiVersion: example.com/v1
                kind: Mirror
                metadata:
                  name: docs
                spec:
                  size: 1Ti
                """),
    };

    /// <summary>The same rule as <see cref="UnknownKind"/>, reported as an error when unknown kinds are rejected.</summary>
    internal static RuleDescriptor UnknownKindRejected { get; } = new(
        RuleIds.UnknownKind,
        UnknownKind.Name,
        Severity.Error,
        Category,
        UnknownKind.Title,
        UnknownKind.Description,
        UnknownKind.Remediation);

    public static RuleDescriptor IntegerOverflow { get; } = new(
        RuleIds.IntegerOverflow,
        "integer-overflow",
        Severity.Warning,
        Category,
        "An integer does not fit its field's Go type, so the API server stores another number.",
        "The API server decodes a built-in kind's integer fields through Go conversions that do not check ranges (apimachinery runtime/converter.go): a number beyond int32 in an int32 field keeps its low 32 bits (10000000000 is stored as 1410065408, 2147483648 as -2147483648), and a whole number beyond int64 becomes -9223372036854775808. The object is accepted unless the stored value fails validation, which is then reported with that value as the server reports it; either way the cluster runs with a number the manifest does not show.",
        "Write the number you mean, within the field's range (int32: -2147483648 to 2147483647).")
    {
        Examples = new(
            bad: """
                apiVersion: v1
                kind: ReplicationController
                metadata:
                  name: web
                spec:
                  replicas: 4294967306
                  selector:
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
                          image: nginx:1.27
                          resources:
                            requests: {cpu: 100m, memory: 128Mi}
                            limits: {memory: 128Mi}
                """,
            good: """
                apiVersion: v1
                kind: ReplicationController
                metadata:
                  name: web
                spec:
                  replicas: 10
                  selector:
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
                          image: nginx:1.27
                          resources:
                            requests: {cpu: 100m, memory: 128Mi}
                            limits: {memory: 128Mi}
                """),
    };

    public static IReadOnlyList<RuleDescriptor> All { get; } =
    [
        ApiNotServed,
        UnknownField,
        TypeMismatch,
        RequiredFieldMissing,
        InvalidEnumValue,
        InvalidValue,
        InvalidQuantity,
        DuplicateListKey,
        UnknownKind,
        InvalidName,
        InvalidLabel,
        ValueOutOfBounds,
        CelRuleNotEvaluated,
        IntegerOverflow,
    ];
}
