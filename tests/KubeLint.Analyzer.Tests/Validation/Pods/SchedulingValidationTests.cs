using static KubeLint.Analyzer.Tests.Schema.SchemaTestHelper;
using static KubeLint.Analyzer.Tests.Validation.Pods.PodYaml;

namespace KubeLint.Analyzer.Tests.Validation.Pods;

/// <summary>validateAffinity, ValidateTolerations, validateTopologySpreadConstraints and the node selector labels.</summary>
public sealed class SchedulingValidationTests
{
    [TestCase(
        "affinity:\n  nodeAffinity:\n    requiredDuringSchedulingIgnoredDuringExecution:\n      nodeSelectorTerms:\n        - matchExpressions: [{key: zone, operator: Gt, values: [\"1\", \"2\"]}]\n",
        "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values: Required value: must be specified single value when `operator` is 'Lt' or 'Gt'")]
    [TestCase(
        "affinity:\n  podAntiAffinity:\n    preferredDuringSchedulingIgnoredDuringExecution:\n      - weight: 0\n        podAffinityTerm: {topologyKey: zone}\n",
        "spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100")]
    [TestCase(
        "tolerations: [{key: k, operator: Equal, value: v, effect: NoSchedule, tolerationSeconds: 10}]\n",
        "spec.tolerations[0].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set")]
    [TestCase(
        "tolerations: [{operator: Equal}]\n",
        "spec.tolerations[0].operator: Invalid value: \"Equal\": operator must be Exists when `key` is empty, which means \"match all values and all keys\"")]
    [TestCase(
        "topologySpreadConstraints: [{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: ScheduleAnyway, minDomains: 2}]\n",
        "spec.topologySpreadConstraints[0].minDomains: Invalid value: 2: can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ScheduleAnyway")]
    [TestCase(
        "nodeSelector: {\"bad key\": x}\n",
        "spec.nodeSelector: Invalid value: \"bad key\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')")]
    public void Scheduling_fields_are_checked(string field, string message)
        => Assert.That(Message(Pod(field + Container())), Is.EqualTo(message));

    [Test]
    public void A_pod_affinity_term_needs_a_topology_key()
        => Assert.That(
            Validate(Pod("affinity:\n  podAffinity:\n    requiredDuringSchedulingIgnoredDuringExecution:\n      - labelSelector: {matchLabels: {app: db}}\n        topologyKey: \"\"\n" + Container())).Select(f => f.Message).First(),
            Is.EqualTo("spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Required value: can not be empty"));

    [Test]
    public void Valid_scheduling_is_accepted()
        => Assert.That(
            Summaries(Pod("tolerations: [{operator: Exists}]\ntopologySpreadConstraints: [{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, minDomains: 2, labelSelector: {matchLabels: {app: web}}}]\n" + Container())),
            Is.Empty);
}
