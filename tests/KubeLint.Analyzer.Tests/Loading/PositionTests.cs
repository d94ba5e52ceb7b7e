using System.Text;
using KubeLint.Analyzer.Loading;
using KubeLint.Analyzer.Yaml;
using KubeLint.Testing;

namespace KubeLint.Analyzer.Tests.Loading;

public sealed class PositionTests
{
    [Test]
    public void Block_mapping_keys_and_values_carry_their_exact_positions()
    {
        var obj = Manifests.Load("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: demo
            data:
              key: value
            """).Objects.Single();

        var entry = obj.Root.GetMapping("data")!.GetEntry("key")!;
        Assert.Multiple(() =>
        {
            Assert.That(obj.Name, Is.EqualTo("demo"));
            Assert.That(entry.Key.Span.ToString(), Is.EqualTo("6:3-6:6"));
            Assert.That(entry.Value.Span.ToString(), Is.EqualTo("6:8-6:13"));
        });
    }

    [Test]
    public void Flow_style_nodes_point_inside_the_line()
    {
        var obj = Manifests.Load("""
            {apiVersion: v1, kind: Service, metadata: {name: web}, spec: {ports: [{port: 80, targetPort: http}]}}
            """).Objects.Single();

        var port = (YamlMapping)obj.Root.GetMapping("spec")!.GetSequence("ports")!.Items[0];
        Assert.Multiple(() =>
        {
            Assert.That(obj.Kind, Is.EqualTo("Service"));
            Assert.That(port.GetEntry("targetPort")!.Key.Start.ToString(), Is.EqualTo("1:82"));
            Assert.That(port.GetEntry("targetPort")!.Value.Start.ToString(), Is.EqualTo("1:94"));
        });
    }

    [Test]
    public void Json_documents_load_with_positions()
    {
        var obj = Manifests.Load("""
            {
              "apiVersion": "v1",
              "kind": "ConfigMap",
              "metadata": { "name": "cfg" },
              "data": { "replicas": "3" }
            }
            """).Objects.Single();

        var value = (YamlScalar)obj.Root.GetMapping("data")!["replicas"]!;
        Assert.Multiple(() =>
        {
            Assert.That(value.Start.ToString(), Is.EqualTo("5:25"));
            Assert.That(value.Kind, Is.EqualTo(ScalarKind.String), "quoted JSON strings stay strings");
        });
    }

    [Test]
    public void Block_scalars_span_their_lines_and_following_keys_keep_positions()
    {
        var obj = Manifests.Load("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: scripts
            data:
              run.sh: |
                #!/bin/sh
                echo "not a comment"
              folded: >
                one
                two
              after: x
            """).Objects.Single();

        var data = obj.Root.GetMapping("data")!;
        Assert.Multiple(() =>
        {
            Assert.That(((YamlScalar)data["run.sh"]!).Value, Is.EqualTo("#!/bin/sh\necho \"not a comment\"\n"));
            Assert.That(data["run.sh"]!.Start.ToString(), Is.EqualTo("6:11"));
            Assert.That(((YamlScalar)data["folded"]!).Value, Is.EqualTo("one two\n"));
            Assert.That(data.GetEntry("after")!.Key.Start.ToString(), Is.EqualTo("12:3"));
        });
    }

    [Test]
    public void Comments_do_not_shift_positions()
    {
        var obj = Manifests.Load("""
            # leading comment
            apiVersion: v1 # trailing
            kind: ConfigMap
            # between
            metadata:
              name: c   # after the name
            """).Objects.Single();

        Assert.That(obj.Metadata!.GetEntry("name")!.Value.Span.ToString(), Is.EqualTo("6:9-6:10"));
    }

    [Test]
    public void Crlf_line_endings_count_as_one_line_break()
    {
        var text = "apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: c\r\n";
        var result = new ManifestLoader().Load("crlf.yaml", Encoding.UTF8.GetBytes(text));

        var name = result.Objects.Single().Metadata!.GetEntry("name")!;
        Assert.That(name.Value.Start.ToString(), Is.EqualTo("4:9"));
    }

    [Test]
    public void Byte_order_mark_is_not_a_column()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: n\n")).ToArray();
        var result = new ManifestLoader().Load("bom.yaml", bytes);

        Assert.Multiple(() =>
        {
            Assert.That(result.Findings, Is.Empty);
            Assert.That(result.Objects.Single().Root.GetEntry("apiVersion")!.Key.Start.ToString(), Is.EqualTo("1:1"));
        });
    }

    [Test]
    public void Utf16_with_byte_order_mark_is_decoded()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: n\n")).ToArray();
        var result = new ManifestLoader().Load("utf16.yaml", bytes);

        Assert.That(result.Objects.Single().Name, Is.EqualTo("n"));
    }

    [Test]
    public void Anchors_and_aliases_resolve_to_the_anchored_node_and_its_position()
    {
        var obj = Manifests.Load("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: c
              labels: &labels
                app: web
              annotations: *labels
            """).Objects.Single();

        Assert.Multiple(() =>
        {
            Assert.That(obj.Annotations["app"], Is.EqualTo("web"));
            // The alias resolves to the anchored node, whose span starts at its anchor property.
            Assert.That(obj.Metadata!["annotations"]!.Start.ToString(), Is.EqualTo("5:11"));
        });
    }

    [Test]
    public void Merge_keys_are_honoured_and_explicit_keys_win()
    {
        var obj = Manifests.Load("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: c
            data:
              base: &base {a: "1", b: "2"}
              merged:
                <<: *base
                b: "3"
            """).Objects.Single();

        var merged = obj.Root.GetPath("data", "merged") as YamlMapping;
        Assert.That(merged!.Entries.Select(e => $"{e.KeyText}={e.Value}"), Is.EqualTo(new[] { "b=3", "a=1" }));
    }

    [Test]
    public void Documents_of_a_stream_keep_their_absolute_lines()
    {
        var result = Manifests.Load("""
            apiVersion: v1
            kind: Namespace
            metadata:
              name: one
            ---
            # comment-only documents are fine
            ---
            apiVersion: v1
            kind: Namespace
            metadata:
              name: two
            """);

        Assert.Multiple(() =>
        {
            Assert.That(result.Findings, Is.Empty);
            Assert.That(result.Objects.Select(o => o.Name), Is.EqualTo(new[] { "one", "two" }));
            Assert.That(result.Objects[1].Root.Start.ToString(), Is.EqualTo("8:1"));
            Assert.That(result.Objects[1].Document.Index, Is.EqualTo(2));
        });
    }

    [Test]
    public void List_items_become_objects_with_their_own_positions()
    {
        var result = Manifests.Load("""
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: ConfigMap
              metadata:
                name: a
            - apiVersion: v1
              kind: Secret
              metadata:
                name: b
            """);

        Assert.Multiple(() =>
        {
            Assert.That(result.Objects.Select(o => $"{o.Kind}/{o.Name}@{o.Root.Start}#{o.ListIndex}"), Is.EqualTo(new[] { "ConfigMap/a@4:3#0", "Secret/b@8:3#1" }));
            Assert.That(result.Findings, Is.Empty);
        });
    }

    [Test]
    public void Typed_lists_such_as_DeploymentList_are_expanded_too()
    {
        var result = Manifests.Load("""
            apiVersion: apps/v1
            kind: DeploymentList
            items:
            - apiVersion: apps/v1
              kind: Deployment
              metadata: {name: d}
            """);

        Assert.That(result.Objects.Single().Kind, Is.EqualTo("Deployment"));
    }
}
