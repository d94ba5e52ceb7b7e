using System.Text;
using KubeLint.Analyzer.Engine;
using KubeLint.Analyzer.Findings;
using KubeLint.Analyzer.Loading;
using KubeLint.Testing;

namespace KubeLint.Analyzer.Tests.Loading;

public sealed class InputProblemTests
{
    [Test]
    public void Syntax_error_is_reported_at_the_parser_position_and_later_documents_still_load()
    {
        var result = Manifests.Load("""
            apiVersion: v1
            kind: Namespace
            metadata:
              name: ok-before
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: "unclosed
            ---
            apiVersion: v1
            kind: Namespace
            metadata:
              name: ok-after
            """);

        Assert.Multiple(() =>
        {
            Assert.That(Manifests.Summaries(result.Findings), Is.EqualTo(new[] { "KL1001@9:9" }));
            Assert.That(result.Objects.Select(o => o.Name), Is.EqualTo(new[] { "ok-before", "ok-after" }));
            Assert.That(result.Objects[1].Root.Start.ToString(), Is.EqualTo("11:1"));
        });
    }

    [Test]
    public void Bad_indentation_is_a_syntax_error_with_a_message_without_parser_noise()
    {
        var result = Manifests.Load("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: c
             labels: {}
            """);

        var finding = result.Findings.Single();
        Assert.Multiple(() =>
        {
            Assert.That(finding.RuleId, Is.EqualTo("KL1001"));
            Assert.That(finding.Message, Does.StartWith("invalid YAML: "));
            Assert.That(finding.Message, Does.Not.Contain("Idx:"));
        });
    }

    [Test]
    public void Duplicate_key_is_reported_at_the_second_key_and_the_last_value_wins()
    {
        var result = Manifests.Load("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: first
              name: second
            """);

        Assert.Multiple(() =>
        {
            Assert.That(Manifests.Summaries(result.Findings), Is.EqualTo(new[] { "KL1002@5:3" }));
            Assert.That(result.Findings[0].Message, Does.Contain("first defined at line 4, column 3"));
            Assert.That(result.Objects.Single().Name, Is.EqualTo("second"));
        });
    }

    [Test]
    public void Duplicate_keys_are_found_in_large_mappings_too()
    {
        var keys = string.Concat(Enumerable.Range(0, 30).Select(i => $"  k{i}: v\n"));
        var result = Manifests.Load("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n" + keys + "  k7: again\n");

        Assert.That(Manifests.Summaries(result.Findings), Is.EqualTo(new[] { "KL1002@36:3" }));
    }

    [Test]
    public void A_duplicate_key_is_an_error_when_strict_and_a_warning_otherwise()
    {
        const string yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  k: a\n  k: b\n";
        var strict = Manifests.Lint(yaml).Single();
        var lenient = Manifests.Lint(yaml, new AnalysisOptions { Strict = false }).Single();
        var configured = Manifests.Lint(yaml, new AnalysisOptions
        {
            Strict = false,
            Rules = new Dictionary<string, RuleSettings>(StringComparer.OrdinalIgnoreCase) { ["KL1002"] = new RuleSettings { Severity = Severity.Error } },
        }).Single();
        Assert.Multiple(() =>
        {
            Assert.That((strict.RuleId, strict.Severity, strict.Location.Span.Start.ToString()), Is.EqualTo(("KL1002", Severity.Error, "7:3")));
            Assert.That((lenient.RuleId, lenient.Severity, lenient.Location.Span.Start.ToString()), Is.EqualTo(("KL1002", Severity.Warning, "7:3")));
            Assert.That(configured.Severity, Is.EqualTo(Severity.Error));
        });
    }

    [Test]
    public void Every_repeated_key_of_a_huge_mapping_is_reported_once()
    {
        // 20,000 distinct keys, each written twice: found by hashing (the bench measures 200,000).
        var text = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n");
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 20_000; i++)
            {
                text.Append("  k").Append(i).Append(": v\n");
            }
        }

        var result = Manifests.Load(text.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(result.Findings.Count(f => f.RuleId == "KL1002"), Is.EqualTo(20_000));
            Assert.That(result.Findings[0].Location.Span.Start.ToString(), Is.EqualTo("20006:3"));
            Assert.That(result.Findings[0].Message, Does.Contain("first defined at line 6, column 3"));
            Assert.That(((KubeLint.Analyzer.Yaml.YamlMapping)result.Objects.Single().Root["data"]!).Count, Is.EqualTo(20_000));
        });
    }

    [Test]
    public void A_large_document_without_aliases_is_not_an_alias_bomb()
    {
        var limits = new LoaderLimits { MaxExpandedNodes = 100 };
        var plain = "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"c\"}, \"data\": {"
            + string.Join(", ", Enumerable.Range(0, 1_000).Select(i => $"\"k{i}\": \"{i}\"")) + "}}";
        var aliased = "a: &a [" + string.Join(", ", Enumerable.Range(0, 60)) + "]\nb: [*a, *a]\n";
        Assert.Multiple(() =>
        {
            Assert.That(new ManifestLoader(limits).Load(new Documents.SourceFile("big.json", plain)).Findings, Is.Empty);
            Assert.That(
                Manifests.Summaries(new ManifestLoader(limits).Load(new Documents.SourceFile("bomb.yaml", aliased)).Findings.Where(f => f.RuleId == "KL1008")),
                Is.EqualTo(new[] { "KL1008@2:9" }));
        });
    }

    [Test]
    public void Missing_kind_and_apiVersion_are_reported()
    {
        var result = Manifests.Load("""
            metadata:
              name: nothing
            ---
            apiVersion: v1
            kind: 42
            """);

        Assert.That(Manifests.Summaries(result.Findings), Is.EqualTo(new[] { "KL1003@1:1", "KL1003@1:1", "KL1003@5:7" }));
    }

    [Test]
    public void Scalar_and_sequence_documents_are_not_objects()
    {
        var result = Manifests.Load("""
            just a string
            ---
            - a
            - b
            """);

        Assert.That(Manifests.Summaries(result.Findings), Is.EqualTo(new[] { "KL1004@1:1", "KL1004@3:1" }));
    }

    [Test]
    public void List_items_that_are_not_mappings_are_reported_at_the_item()
    {
        var result = Manifests.Load("""
            apiVersion: v1
            kind: List
            items:
            - plain
            """);

        Assert.That(Manifests.Summaries(result.Findings), Is.EqualTo(new[] { "KL1004@4:3" }));
    }

    [Test]
    public void Tab_indentation_is_reported_at_the_tab()
    {
        var result = Manifests.Load("apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: c\n");

        Assert.That(Manifests.Summaries(result.Findings), Is.EqualTo(new[] { "KL1005@4:1" }));
    }

    [Test]
    public void Helm_template_that_does_not_parse_is_one_template_finding()
    {
        var result = Manifests.Load("""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {{ include "app.fullname" . }}
            {{- if .Values.replicas }}
            spec:
              replicas: {{ .Values.replicas }}
            {{- end }}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(Manifests.Summaries(result.Findings), Is.EqualTo(new[] { "KL1006@4:9" }));
            Assert.That(result.Objects, Is.Empty);
        });
    }

    [Test]
    public void Placeholder_that_parses_as_nested_flow_mappings_is_a_template()
    {
        var result = Manifests.Load("""
            apiVersion: v1
            kind: Service
            metadata:
              name: etcd
            spec:
              selector:
                cell: {{cell}}
            """);

        Assert.That(Manifests.Summaries(result.Findings), Is.EqualTo(new[] { "KL1006@7:11" }));
    }

    [Test]
    public void Go_template_text_inside_strings_is_not_a_template_file()
    {
        var result = Manifests.Load("""
            apiVersion: monitoring.coreos.com/v1
            kind: PrometheusRule
            metadata:
              name: rules
            spec:
              groups:
              - name: g
                rules:
                - alert: Down
                  annotations:
                    description: Pod {{ $labels.pod }} is down
                    summary: "{{ $value }} restarts"
                    runbook: |
                      {{ range .Alerts }}{{ end }}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(result.Findings, Is.Empty);
            Assert.That(result.Objects, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void Binary_file_is_reported_and_skipped()
    {
        var result = new ManifestLoader().Load("image.png", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]);

        Assert.Multiple(() =>
        {
            Assert.That(Manifests.Summaries(result.Findings), Is.EqualTo(new[] { "KL1007@3:1" }));
            Assert.That(result.Findings[0].Message, Does.Contain("binary"));
        });
    }

    [Test]
    public void Invalid_utf8_is_reported_at_the_bad_byte()
    {
        var bytes = Encoding.UTF8.GetBytes("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  k: ").Concat(new byte[] { 0xC3, 0x28, (byte)'\n' }).ToArray();
        var result = new ManifestLoader().Load("latin.yaml", bytes);

        Assert.That(Manifests.Summaries(result.Findings), Is.EqualTo(new[] { "KL1007@6:6" }));
    }

    [Test]
    public void Empty_and_comment_only_files_are_fine()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Manifests.Load(string.Empty).Findings, Is.Empty);
            Assert.That(Manifests.Load("# only a comment\n").Findings, Is.Empty);
            Assert.That(Manifests.Load("---\n---\n").Findings, Is.Empty);
        });
    }

    [Test]
    public void Alias_bomb_is_stopped_and_reported_and_the_next_document_still_loads()
    {
        var bomb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\ndata:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i <= 9; i++)
        {
            bomb.Append($"  a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        }

        bomb.Append("---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: after\n");
        var result = Manifests.Load(bomb.ToString());

        Assert.Multiple(() =>
        {
            Assert.That(result.Findings.Select(f => f.RuleId), Is.EqualTo(new[] { "KL1008" }));
            Assert.That(result.Findings[0].Message, Does.Contain("alias"));
            Assert.That(result.Objects.Select(o => o.Name), Is.EqualTo(new[] { "after" }));
        });
    }

    [Test]
    public void Deep_nesting_is_stopped_at_the_limit()
    {
        var text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata: " + new string('[', 100_000) + new string(']', 100_000) + "\n";
        var result = Manifests.Load(text);

        Assert.Multiple(() =>
        {
            Assert.That(Manifests.Summaries(result.Findings), Is.EqualTo(new[] { "KL1008@5:206" }));
            Assert.That(result.Findings[0].Message, Does.Contain("nesting deeper than 200"));
        });
    }

    [Test]
    public void Oversized_file_is_reported_without_being_parsed()
    {
        var loader = new ManifestLoader(new LoaderLimits { MaxFileBytes = 16 });
        var result = loader.Load("big.yaml", Encoding.UTF8.GetBytes("apiVersion: v1\nkind: Namespace\n"));

        Assert.Multiple(() =>
        {
            Assert.That(Manifests.Summaries(result.Findings), Is.EqualTo(new[] { "KL1008@1:1" }));
            Assert.That(result.Documents, Is.Empty);
        });
    }

    [Test]
    public void Non_scalar_mapping_keys_are_reported()
    {
        var result = Manifests.Load("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  ? [a, b]\n  : v\n");

        Assert.That(Manifests.Summaries(result.Findings), Is.EqualTo(new[] { "KL1001@6:5" }));
    }

    [Test]
    public void Unknown_alias_is_a_syntax_error()
    {
        var result = Manifests.Load("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata: *missing\n");

        Assert.That(result.Findings.Select(f => f.RuleId), Is.EqualTo(new[] { "KL1001" }));
    }
}
