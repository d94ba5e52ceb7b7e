using KubeLint.Testing;

namespace KubeLint.Analyzer.Tests.Loading;

/// <summary>envsubst-style placeholders make a file a template: one KL1006 naming them, not a cascade of schema errors.</summary>
public sealed class EnvsubstTemplateTests
{
    [Test]
    public void Placeholders_in_values_make_the_file_a_template_reported_once()
    {
        var result = Manifests.Load("""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: ${APP_NAME}
              namespace: "${NAMESPACE:-default}"
            spec:
              replicas: ${REPLICAS}
              template:
                spec:
                  containers:
                    - name: app
                      image: gcr.io/${PROJECT_ID}/app:${TAG-latest}
                      env:
                        - name: PROJECT
                          value: ${PROJECT_ID}
            """);

        Assert.That(Manifests.Summaries(result.Findings), Is.EqualTo(new[] { "KL1006@4:9" }));
        Assert.That(result.Findings[0].Message, Is.EqualTo(
            "unrendered template placeholders ${APP_NAME}, ${NAMESPACE}, ${REPLICAS}, ${PROJECT_ID}, ${TAG}; render the file first (e.g. with envsubst). The file is skipped"));
        Assert.That(result.Objects, Is.Empty);
    }

    [Test]
    public void Shell_variables_in_commands_scripts_and_data_are_left_alone()
    {
        var result = Manifests.Load("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: scripts
            data:
              start.sh: echo ${HOME}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: job
            spec:
              containers:
                - name: job
                  image: busybox:1.36
                  command: ["sh", "-c", "echo ${HOSTNAME}"]
                  args:
                    - |
                      cd ${WORKDIR}
                  env:
                    - name: JAVA_OPTS
                      value: -Dhome=${HOME}
                  lifecycle:
                    preStop:
                      exec:
                        command: ["sh", "-c", "kill ${PID}"]
            """);

        Assert.That(result.Findings, Is.Empty);
        Assert.That(result.Objects, Has.Count.EqualTo(2));
    }
}
