using KubeLint.Analyzer.Validation;
using KubeLint.Testing;

namespace KubeLint.Analyzer.Tests.Validation;

public sealed class ObjectViewTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: nginx:1.27
        """;

    [Test]
    public void Paths_render_as_the_api_server_prints_them()
    {
        var view = new ObjectView(Manifests.Load(Deployment).Objects[0]);
        var image = view.Root.Child("spec", "template", "spec").Child("containers").Item(0).Child("image");
        Assert.Multiple(() =>
        {
            Assert.That(image.ToString(), Is.EqualTo("spec.template.spec.containers[0].image"));
            Assert.That(image.String, Is.EqualTo("nginx:1.27"));
            Assert.That(view.Root.Child("metadata").Child("labels").Key("app").ToString(), Is.EqualTo("metadata.labels[app]"));
        });
    }

    [Test]
    public void A_missing_field_points_at_the_key_of_the_mapping_that_lacks_it()
    {
        var view = new ObjectView(Manifests.Load(Deployment).Objects[0]);
        var anchor = view.Root.Child("spec", "template", "spec").Child("restartPolicy").Anchor;
        Assert.That((anchor.Start.Line, anchor.Start.Column), Is.EqualTo((7, 5)));
    }

    [Test]
    public void Defaults_are_read_as_values_and_point_where_they_would_be_written()
    {
        var view = new ObjectView(Manifests.Load(Deployment).Objects[0]);
        var strategy = view.Root.Child("spec").Child("strategy");
        view.Default(strategy, "type", "RollingUpdate");
        view.Default(view.Reread(strategy).Child("rollingUpdate"), "maxSurge", "25%");
        var surge = view.Root.Child("spec", "strategy", "rollingUpdate", "maxSurge");
        Assert.Multiple(() =>
        {
            Assert.That(view.Root.Child("spec", "strategy", "type").String, Is.EqualTo("RollingUpdate"));
            Assert.That(surge.String, Is.EqualTo("25%"));
            Assert.That(surge.IsDefaulted, Is.True);
            Assert.That((surge.Anchor.Start.Line, surge.Anchor.Start.Column), Is.EqualTo((5, 1)));
        });
    }

    [Test]
    public void A_written_value_is_never_replaced_by_a_default()
    {
        var view = new ObjectView(Manifests.Load(Deployment).Objects[0]);
        var container = view.Root.Child("spec", "template", "spec").Child("containers").Item(0);
        view.Default(container, "image", "busybox");
        Assert.That(view.Root.Child("spec", "template", "spec").Child("containers").Item(0).Child("image").String, Is.EqualTo("nginx:1.27"));
    }

    [Test]
    public void Whole_floats_read_as_integers_as_the_api_server_decodes_them()
    {
        var view = new ObjectView(Manifests.Load("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: 3.0, minReadySeconds: 1.5}\n").Objects[0]);
        Assert.Multiple(() =>
        {
            Assert.That(view.Root.Child("spec", "replicas").Integer, Is.EqualTo(3));
            Assert.That(view.Root.Child("spec", "minReadySeconds").Integer, Is.Null);
        });
    }
}
