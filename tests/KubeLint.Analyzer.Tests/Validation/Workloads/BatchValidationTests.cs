using static KubeLint.Analyzer.Tests.Schema.SchemaTestHelper;

namespace KubeLint.Analyzer.Tests.Validation.Workloads;

/// <summary>validateJobSpec and its policies, ValidateJobTemplateSpec and ValidateCronJobCreate.</summary>
public sealed class BatchValidationTests
{
    private const string Template = "  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: work\n          image: busybox:1\n";

    private static string Job(string spec) => "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: work\nspec:\n" + spec + Template;

    private static string CronJob(string name, string jobSpec)
        => $"apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: {name}\nspec:\n  schedule: \"0 * * * *\"\n  jobTemplate:\n    spec:\n"
            + string.Concat((jobSpec + Template).Split('\n').Where(l => l.Length > 0).Select(l => "    " + l + "\n"));

    [TestCase("  activeDeadlineSeconds: -1\n", "spec.activeDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0")]
    [TestCase("  completionMode: Indexed\n  completions: 2\n  parallelism: 200000\n", "spec.parallelism: Invalid value: 200000: must be less than or equal to 100000 when completion mode is Indexed")]
    [TestCase("  backoffLimitPerIndex: 1\n", "spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode")]
    [TestCase("  completionMode: Indexed\n  completions: 2\n  maxFailedIndexes: 1\n", "spec.backoffLimitPerIndex: Required value: when maxFailedIndexes is specified")]
    [TestCase("  podReplacementPolicy: TerminatingOrFailed\n  podFailurePolicy: {rules: [{action: Ignore, onPodConditions: [{type: DisruptionTarget}]}]}\n", "spec.podReplacementPolicy: Unsupported value: \"TerminatingOrFailed\": supported values: \"Failed\"")]
    [TestCase("  completionMode: Indexed\n  completions: 3\n  successPolicy: {rules: [{succeededCount: 5}]}\n", "spec.successPolicy.rules[0].succeededCount: Invalid value: 5: must be less than or equal to 3 (the number of specified completions)")]
    public void Job_fields_are_checked(string spec, string message)
        => Assert.That(Message(Job(spec)), Is.EqualTo(message));

    [Test]
    public void Pod_failure_policies_are_checked()
    {
        var yaml = Job("  podFailurePolicy:\n    rules:\n      - action: FailIndex\n        onExitCodes: {operator: In, values: [0]}\n");
        Assert.That(Validate(yaml).Select(f => f.Message), Is.EquivalentTo(new[]
        {
            "spec.podFailurePolicy.rules[0].action: Invalid value: \"FailIndex\": requires the backoffLimitPerIndex to be set",
            "spec.podFailurePolicy.rules[0].onExitCodes.values[0]: Invalid value: 0: must not be 0 for the In operator",
        }));
    }

    // SetDefaults_Job turns an empty condition status into True; a CronJob's job template is not defaulted that way.
    [Test]
    public void Pod_condition_statuses_default_only_for_jobs()
    {
        var rules = "  podFailurePolicy:\n    rules:\n      - action: Ignore\n        onPodConditions: [{type: DisruptionTarget}]\n";
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(Job(rules)), Is.Empty);
            Assert.That(Message(CronJob("c", rules)), Is.EqualTo("spec.jobTemplate.spec.podFailurePolicy.rules[0].onPodConditions[0].status: Required value: valid values: [\"False\" \"True\" \"Unknown\"]"));
        });
    }

    [Test]
    public void A_cron_job_name_leaves_room_for_its_jobs()
    {
        var yaml = CronJob(new string('c', 53), string.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(Summaries(yaml), Is.EqualTo(new[] { "KL1110@4:9" }));
            Assert.That(Message(yaml), Is.EqualTo($"metadata.name: Invalid value: \"{new string('c', 53)}\": must be no more than 52 characters"));
            Assert.That(Summaries(CronJob(new string('c', 52), string.Empty)), Is.Empty);
        });
    }

    [Test]
    public void Valid_jobs_are_accepted()
        => Assert.That(Summaries(Job("  completionMode: Indexed\n  completions: 4\n  backoffLimitPerIndex: 1\n  maxFailedIndexes: 2\n  activeDeadlineSeconds: 0\n")), Is.Empty);
}
