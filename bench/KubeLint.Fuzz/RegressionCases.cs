using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace KubeLint.Fuzz;

/// <summary>
/// The hostile inputs that once crashed, hung or misled kubelint, run before any mutant: every one must now give a
/// report, in time, counting every input file, the same way twice.
/// </summary>
internal static class RegressionCases
{
    private const string Pod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          overhead: {cpu: OVERHEAD}
          resources: {requests: {cpu: POD}}
          containers:
            - name: a
              image: nginx:1.27
              resources:
                requests: {cpu: REQUEST, memory: 64Mi}
                limits: {cpu: LIMIT, memory: 64Mi}
        """;

    public static IEnumerable<FuzzCase> All()
    {
        // Quantities past decimal's range ended the whole run with an OverflowException.
        foreach (var value in new[] { "1e26", "1e309", "-1e309", "9999999999Ei", "1E+2147483648", "1e-2147483648" })
        {
            var pod = Pod.Replace("OVERHEAD", value).Replace("POD", value).Replace("REQUEST", value).Replace("LIMIT", value);
            yield return Lint("quantity " + value, new() { ["pod.yaml"] = Utf8(pod) }, ["{dir}"], files: 1);
            yield return Lint("cluster quantity " + value, new()
            {
                ["pod.yaml"] = Utf8(Pod.Replace("OVERHEAD", "1m").Replace("POD", "1").Replace("REQUEST", "1").Replace("LIMIT", "1")),
                ["cluster.yaml"] = Utf8($"apiVersion: v1\nkind: Node\nmetadata: {{name: n}}\nstatus:\n  allocatable: {{cpu: {value}, memory: {value}, pods: {value}}}\n---\n"
                    + $"apiVersion: v1\nkind: LimitRange\nmetadata: {{name: l, namespace: default}}\nspec:\n  limits: [{{type: Container, defaultRequest: {{cpu: {value}}}}}]\n"),
            }, ["{dir}/pod.yaml", "--cluster", "{dir}/cluster.yaml"], files: 1);
        }

        // Numbers read two ways: the schema and the simulator must agree on 1e3 and 3.0 (simulated as that many
        // pods). Beyond int32 the server keeps the low 32 bits: 1e18 and 2147483648 become negative and are rejected
        // however they are written; 99999999999999999999 (beyond int64) is stored as 0 and accepted with a warning.
        foreach (var replicas in new[] { "1e3", "3.0" })
        {
            yield return Lint("replicas " + replicas, new() { ["d.yaml"] = Utf8(Deployment("web", replicas)) }, ["{dir}"], files: 1);
        }

        foreach (var replicas in new[] { "1e18", "1000000000000000000", "2147483648.0" })
        {
            yield return Lint("replicas " + replicas, new() { ["d.yaml"] = Utf8(Deployment("web", replicas)) }, ["{dir}", "--no-simulate"], files: 1, expected: ["KL1106"]);
        }

        yield return Lint("replicas 99999999999999999999", new() { ["d.yaml"] = Utf8(Deployment("web", "99999999999999999999")) }, ["{dir}"], files: 1, expected: ["KL1114"]);

        yield return Lint("duplicated keys", new() { ["keys.yaml"] = DuplicatedKeys(50_000) }, ["{dir}"], files: 1, expected: ["KL1002"]);
        yield return Lint("one-line JSON with 300,000 keys", new() { ["wide.json"] = WideJson(300_000) }, ["{dir}"], files: 1);
        yield return Lint("unclosed flow mapping at the end", new() { ["eof.yaml"] = Utf8("apiVersion: v1\nkind: ConfigMap\nmetadata: {a: 1") }, ["{dir}"], files: 1, expected: ["eof.yaml:3:15: error KL1001"]);
        yield return Lint("literal block with a blank first line", new()
        {
            ["loki.yaml"] = Utf8("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: loki}\ndata:\n  loki.yaml: |\n    \n    auth_enabled: false\n"),
        }, ["{dir}"], files: 1, expected: ["No problems found (1 file, 1 object)."]);
        yield return Lint("control characters in values", new()
        {
            ["escape.yaml"] = Utf8("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  \"x\\e[2J\\0\\r\\nforged.yaml:1:1: error\": 1\n"),
        }, ["{dir}"], files: 1, expected: ["\\x1b[2J\\0\\r\\nforged"]);
        yield return Lint("a 10 KB schedule", new() { ["cron.yaml"] = Utf8(CronJob(new string('1', 10_240))) }, ["{dir}"], files: 1, expected: ["KL4003"]);
        yield return Lint("a broken document before a Deployment", new()
        {
            ["stream.yaml"] = Utf8("apiVersion: v1\nkind: ConfigMap\nmetadata: [unclosed\n---\n" + Deployment("web", "1").Replace("labels: {app: web}", "labels: {app: api}")),
        }, ["{dir}", "--no-simulate"], files: 1, expected: ["KL1001", "KL2001"]);
        yield return Lint("a catastrophic CRD pattern", new() { ["crd.yaml"] = Utf8(CustomResource("^(a+)+$", new string('a', 40) + "!")) }, ["{dir}"], files: 1);
        yield return Lint("20,000 workloads in one namespace", new() { ["many.yaml"] = ManyDocuments(5_000) }, ["{dir}", "--no-simulate"], files: 1);
        yield return Lint("a DaemonSet on 2,000 nodes", new()
        {
            ["ds.yaml"] = Utf8("apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\nspec:\n  selector: {matchLabels: {app: a}}\n  template:\n    metadata: {labels: {app: a}}\n    spec:\n      containers: [{name: a, image: a:1}]\n"),
            ["nodes.yaml"] = Nodes(2_000),
        }, ["{dir}/ds.yaml", "--cluster", "{dir}/nodes.yaml"], files: 1);

        if (!OperatingSystem.IsWindows())
        {
            yield return FileSystem();
            yield return FileSystemFollowingLinks();
        }

        yield return Lint("a file past the size limit", new() { ["ok.yaml"] = Utf8(Deployment("web", "1")) }, ["{dir}"], files: 2, expected: ["KL1008"], prepare: dir =>
        {
            using var stream = File.Create(Path.Combine(dir, "huge.yaml"));
            stream.SetLength(3L * 1024 * 1024 * 1024);
        });
        yield return new FuzzCase
        {
            Name = "standard input past the size limit",
            Arguments = ["-"],
            StandardInput = new byte[(64 * 1024 * 1024) + 10],
            ExpectedFiles = 1,
            Expected = ["KL1008"],
        };
    }

    /// <summary>A FIFO, bad links, folder links back up, a backslash name and a name that is not UTF-8, in one folder.</summary>
    private static FuzzCase FileSystem() => Lint(
        "special entries in a folder",
        new() { ["ok.yaml"] = Utf8(Deployment("web", "1")), ["back\\slash.yaml"] = Utf8(Deployment("api", "1")) },
        ["{dir}"],
        files: 7,
        expected: ["not a regular file but a FIFO", "broken symbolic link", "symbolic link loop"],
        prepare: dir =>
        {
            Run("mkfifo", Path.Combine(dir, "fifo.yaml"));
            File.CreateSymbolicLink(Path.Combine(dir, "dangling.yaml"), "nowhere.yaml");
            File.CreateSymbolicLink(Path.Combine(dir, "loop1.yaml"), "loop2.yaml");
            File.CreateSymbolicLink(Path.Combine(dir, "loop2.yaml"), "loop1.yaml");
            Directory.CreateDirectory(Path.Combine(dir, "sub"));
            Directory.CreateSymbolicLink(Path.Combine(dir, "sub", "up"), "..");
            Directory.CreateSymbolicLink(Path.Combine(dir, "sub", "up2"), "..");
            Run("sh", "-c", "printf 'apiVersion: v1\\nkind: Namespace\\nmetadata: {name: n}\\n' > \"$1\"/\"$(printf 'bad\\377.yaml')\"", "sh", dir);
        });

    private static FuzzCase FileSystemFollowingLinks()
    {
        var plain = FileSystem();
        return new FuzzCase
        {
            Name = "special entries in a folder, links followed",
            Files = plain.Files,
            Prepare = plain.Prepare,
            Arguments = ["{dir}", "--follow-symlinks"],
            ExpectedFiles = 7,
            Expected = plain.Expected,
        };
    }

    private static FuzzCase Lint(string name, Dictionary<string, byte[]> content, string[] arguments, int files, string[]? expected = null, Action<string>? prepare = null)
        => new()
        {
            Name = name,
            Files = content,
            Arguments = arguments,
            ExpectedFiles = files,
            Expected = expected ?? [],
            Prepare = prepare,
        };

    private static string Deployment(string name, string replicas) => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: {{name}} }
        spec:
          replicas: {{replicas}}
          selector: {matchLabels: {app: web} }
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
                - name: app
                  image: nginx:1.27
                  resources: {requests: {cpu: 10m, memory: 16Mi} }

        """;

    private static string CronJob(string schedule) => $$"""
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          schedule: "{{schedule}}"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  containers: [{name: c, image: c:1}]

        """;

    private static string CustomResource(string pattern, string value) => $$"""
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.example.com}
        spec:
          group: example.com
          scope: Namespaced
          names: {plural: widgets, singular: widget, kind: Widget}
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
                        name: {type: string, pattern: "{{pattern}}"}
        ---
        apiVersion: example.com/v1
        kind: Widget
        metadata: {name: w}
        spec:
          name: "{{value}}"

        """;

    public static byte[] DuplicatedKeys(int keys)
    {
        var text = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: keys}\ndata:\n");
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < keys; i++)
            {
                text.Append("  k").Append(i.ToString(CultureInfo.InvariantCulture)).Append(": v\n");
            }
        }

        return Utf8(text.ToString());
    }

    public static byte[] WideJson(int keys)
    {
        var text = new StringBuilder("{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"wide\"}, \"data\": {");
        for (var i = 0; i < keys; i++)
        {
            text.Append(i == 0 ? string.Empty : ", ").Append("\"k").Append(i.ToString(CultureInfo.InvariantCulture)).Append("\": \"v\"");
        }

        return Utf8(text.Append("}}\n").ToString());
    }

    /// <summary>Deployments and Services, all in one namespace, half the workloads sharing one label.</summary>
    public static byte[] ManyDocuments(int workloads)
    {
        var text = new StringBuilder();
        for (var i = 0; i < workloads; i++)
        {
            var app = "app" + i.ToString(CultureInfo.InvariantCulture);
            var tier = i % 2 == 0 ? "web" : app;
            text.Append(CultureInfo.InvariantCulture, $$"""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: {{app}}, namespace: shop }
                spec:
                  replicas: 2
                  selector: {matchLabels: {app: {{app}} } }
                  template:
                    metadata: {labels: {app: {{app}}, tier: {{tier}} } }
                    spec:
                      containers:
                        - name: main
                          image: registry.example.com/{{app}}:1.0
                          ports: [{containerPort: 8080, name: http}]
                          resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 256Mi} }
                          readinessProbe: {httpGet: {path: /ready, port: http} }
                          envFrom: [{configMapRef: {name: {{app}}-config } }]
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: {{app}}, namespace: shop }
                spec:
                  selector: {app: {{app}} }
                  ports: [{port: 80, targetPort: http}]
                ---

                """);
        }

        return Utf8(text.ToString());
    }

    public static byte[] Nodes(int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"apiVersion: v1\nkind: Node\nmetadata:\n  name: n{i}\n  labels: {{kubernetes.io/hostname: n{i}, kubernetes.io/os: linux}}\nstatus:\n  allocatable: {{cpu: '4', memory: 16Gi, pods: '110'}}\n---\n");
        }

        return Utf8(text.ToString());
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal));

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException(program + " did not start");
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed: {process.StandardError.ReadToEnd()}");
        }
    }
}
