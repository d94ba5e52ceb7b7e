using System.Globalization;
using KubeLint.Analyzer.Validation.Metadata;
using KubeLint.Analyzer.Validation.Pods;

namespace KubeLint.Analyzer.Validation.Workloads;

/// <summary>
/// <c>ValidateJob</c>, <c>validateJobSpec</c>, the pod failure, success and replacement policies
/// (pkg/apis/batch/validation/validation.go) after <c>SetDefaults_Job</c> (pkg/apis/batch/v1/defaults.go) and the
/// Job strategy's PrepareForCreate (generated selector, fields of disabled gates dropped). Shared with CronJob job
/// templates. KL4006 (job-misconfigured) reports the template restart policy, Indexed completions, the negative
/// backoffLimit, completions, parallelism and ttlSecondsAfterFinished, and the selector without manualSelector.
/// </summary>
public sealed class JobValidation : ObjectValidation
{
    private const int MaxParallelismForIndexedJob = 100_000;
    private const int MaxFailedIndexes = 100_000;
    private const int CompletionsSoftLimit = 100_000;
    private const int ParallelismLimitForHighCompletions = 10_000;
    private const int MaxFailedIndexesForHighCompletions = 10_000;
    private const int MaxPodFailurePolicyRules = 20;
    private const int MaxExitCodes = 255;
    private const int MaxPodConditions = 20;
    private const int MaxSuccessPolicyRules = 20;
    private const int MaxSucceededIndexesLength = 64 * 1024;

    private static readonly string[] Actions = ["Count", "FailIndex", "FailJob", "Ignore"];
    private static readonly string[] ExitCodeOperators = ["In", "NotIn"];
    private static readonly string[] ConditionStatuses = ["False", "True", "Unknown"];
    private static readonly string[] ReplacementPolicies = ["Failed", "TerminatingOrFailed"];
    private static readonly string[] CompletionModes = ["NonIndexed", "Indexed"];

    public override string Area => ValidationAreas.Workloads;

    public override IReadOnlyList<(string Group, string Kind)> Kinds { get; } = [("batch", "Job")];

    /// <summary>
    /// <c>validateJobSpec</c> of a Job or of a CronJob's job template. <paramref name="jobDefaults"/> tells whether
    /// <c>SetDefaults_Job</c> ran: it does for Jobs, not for the job templates of CronJobs. JobBackoffLimitPerIndex and
    /// JobPodReplacementPolicy are on in every supported version (1.29 on), so their fields are always kept.
    /// </summary>
    public static void ValidateSpec(ValidationContext context, Field spec, bool jobDefaults)
    {
        WorkloadChecks.NonNegative64(context, spec.Child("activeDeadlineSeconds"));
        var version = context.Version;
        var backoffPerIndex = spec.Child("backoffLimitPerIndex");
        var maxFailedIndexes = spec.Child("maxFailedIndexes");
        WorkloadChecks.NonNegative(context, backoffPerIndex);
        if (maxFailedIndexes.IsSet)
        {
            WorkloadChecks.NonNegative(context, maxFailedIndexes);
            if (!backoffPerIndex.IsSet)
            {
                context.Required(backoffPerIndex, "when maxFailedIndexes is specified");
            }
        }

        var managedBy = spec.Child("managedBy");
        if (FeatureGates.IsEnabled("JobManagedBy", version) && managedBy.String is { } manager)
        {
            ValidateManagedBy(context, managedBy, manager);
        }

        var mode = spec.Child("completionMode");
        var modeText = mode.String is { Length: > 0 } written ? written : "NonIndexed";
        var indexed = modeText == "Indexed";
        var completions = Completions(spec, jobDefaults);
        var parallelism = spec.Child("parallelism");
        if (mode.String is { Length: > 0 } && Array.IndexOf(CompletionModes, modeText) < 0)
        {
            context.NotSupported(mode, modeText, CompletionModes);
        }

        if (indexed)
        {
            if (GoRender.Int32(parallelism) > MaxParallelismForIndexedJob)
            {
                context.Invalid(parallelism, GoRender.Int32(parallelism), $"must be less than or equal to {MaxParallelismForIndexedJob} when completion mode is Indexed");
            }

            if (completions is { } total && maxFailedIndexes.IsSet && GoRender.Int32(maxFailedIndexes) > total)
            {
                context.Invalid(maxFailedIndexes, GoRender.Int32(maxFailedIndexes), "must be less than or equal to completions");
            }

            if (maxFailedIndexes.IsSet && GoRender.Int32(maxFailedIndexes) > MaxFailedIndexes)
            {
                context.Invalid(maxFailedIndexes, GoRender.Int32(maxFailedIndexes), $"must be less than or equal to {MaxFailedIndexes}");
            }

            if (completions > CompletionsSoftLimit && backoffPerIndex.IsSet)
            {
                if (!maxFailedIndexes.IsSet)
                {
                    context.Required(maxFailedIndexes, $"must be specified when completions is above {CompletionsSoftLimit}");
                }

                if (GoRender.Int32(parallelism) > ParallelismLimitForHighCompletions)
                {
                    context.Invalid(parallelism, GoRender.Int32(parallelism), $"must be less than or equal to {ParallelismLimitForHighCompletions} when completions are above {CompletionsSoftLimit} and used with backoff limit per index");
                }

                if (GoRender.Int32(maxFailedIndexes) > MaxFailedIndexesForHighCompletions)
                {
                    context.Invalid(maxFailedIndexes, GoRender.Int32(maxFailedIndexes), $"must be less than or equal to {MaxFailedIndexesForHighCompletions} when completions are above {CompletionsSoftLimit} and used with backoff limit per index");
                }
            }
        }
        else if (Array.IndexOf(CompletionModes, modeText) >= 0)
        {
            if (backoffPerIndex.IsSet)
            {
                context.Invalid(backoffPerIndex, GoRender.Int32(backoffPerIndex), "requires indexed completion mode");
            }

            if (maxFailedIndexes.IsSet)
            {
                context.Invalid(maxFailedIndexes, GoRender.Int32(maxFailedIndexes), "requires indexed completion mode");
            }
        }

        var podFailurePolicy = spec.Child("podFailurePolicy");
        if (podFailurePolicy.IsSet)
        {
            ValidatePodFailurePolicy(context, spec, podFailurePolicy, backoffPerIndex.IsSet, jobDefaults);
        }

        var successPolicy = spec.Child("successPolicy");
        if (FeatureGates.IsEnabled("JobSuccessPolicy", version) && successPolicy.IsSet)
        {
            if (!indexed)
            {
                context.Invalid(successPolicy, GoValue.Raw(SuccessPolicyText(successPolicy)), "requires indexed completion mode");
            }
            else
            {
                ValidateSuccessPolicy(context, successPolicy, completions ?? 0);
            }
        }

        var replacement = spec.Child("podReplacementPolicy");
        if (replacement.String is { } replacementPolicy)
        {
            if (podFailurePolicy.IsSet)
            {
                if (replacementPolicy != "Failed")
                {
                    context.NotSupported(replacement, replacementPolicy, ["Failed"]);
                }
            }
            else if (Array.IndexOf(ReplacementPolicies, replacementPolicy) < 0)
            {
                context.NotSupported(replacement, replacementPolicy, ReplacementPolicies);
            }
        }

        var restartPolicy = PodSpecValidation.RestartPolicy(spec.Child("template", "spec"));
        if (podFailurePolicy.IsSet && restartPolicy == "OnFailure")
        {
            context.Invalid(spec.Child("template", "spec", "restartPolicy"), restartPolicy, "only \"Never\" is supported when podFailurePolicy is specified");
        }
    }

    public override void Validate(ValidationContext context)
    {
        var spec = context.Root.Child("spec");
        ValidateSpec(context, spec, jobDefaults: true);
        var selector = spec.Child("selector");
        LabelSelectorValidation.Validate(context, selector);

        // A generated selector (manualSelector unset or false) always matches the labels it adds to the template; a
        // written one without manualSelector is KL4006's.
        if (spec.Child("manualSelector").Boolean == true && selector.Mapping is { } selectorNode && LabelSelectorValidation.IsValidSelector(selector))
        {
            var labels = spec.Child("template", "metadata", "labels");
            var present = labels.Entries().ToDictionary(e => e.Key, e => e.Value.String ?? string.Empty, StringComparer.Ordinal);
            if (!Model.LabelSelector.FromLabelSelector(selectorNode).Requirements.All(r => r.Matches(present)))
            {
                context.Invalid(labels, GoValue.Raw(GoRender.StringMap(labels)), "`selector` does not match template `labels`");
            }
        }

        var mode = spec.Child("completionMode").String;
        var name = context.Root.Child("metadata", "name").String ?? string.Empty;
        if (mode == "Indexed" && Completions(spec, jobDefaults: true) is > 0 and var completions && name.Length > 0)
        {
            var hostname = name + "-" + (completions - 1).ToString(CultureInfo.InvariantCulture);
            if (Syntax.IsDns1123Label(hostname).Count > 0)
            {
                context.Invalid(context.Root.Child("metadata", "name"), name, "will not able to create pod with invalid DNS label: " + hostname);
            }
        }
    }

    /// <summary>Completions, after <c>SetDefaults_Job</c> when it runs: 1 when neither completions nor parallelism is set.</summary>
    internal static int? Completions(Field spec, bool jobDefaults)
    {
        var completions = spec.Child("completions");
        if (completions.IsSet)
        {
            return GoRender.Int32(completions);
        }

        return jobDefaults && !spec.Child("parallelism").IsSet ? 1 : null;
    }

    /// <summary>apimachinery's <c>IsDomainPrefixedPath</c> (a DNS subdomain, '/', an HTTP path), at most 63 characters.</summary>
    private static void ValidateManagedBy(ValidationContext context, Field field, string manager)
    {
        var slash = manager.IndexOf('/');
        if (manager.Length == 0)
        {
            context.Required(field);
        }
        else if (slash <= 0 || slash == manager.Length - 1)
        {
            context.Invalid(field, manager, "must be a domain-prefixed path (such as \"acme.io/foo\")");
        }
        else
        {
            var host = manager.Substring(0, slash);
            var path = manager.Substring(slash + 1);
            context.Invalid(field, host, Syntax.IsDns1123Subdomain(host));
            if (path.Any(c => !(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')) && "/-._~%!$&'()*+,;=:".IndexOf(c) < 0))
            {
                context.Invalid(field, path, Syntax.RegexError("Invalid path", "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+"));
            }
        }

        if (manager.Length > 63)
        {
            context.TooLong(field, 63);
        }
    }

    private static void ValidatePodFailurePolicy(ValidationContext context, Field spec, Field policy, bool backoffPerIndex, bool jobDefaults)
    {
        var rules = policy.Child("rules");
        if (rules.Count > MaxPodFailurePolicyRules)
        {
            context.TooMany(rules, rules.Count, MaxPodFailurePolicyRules);
        }

        var containerNames = new HashSet<string>(
            spec.Child("template", "spec", "containers").Items().Concat(spec.Child("template", "spec", "initContainers").Items())
                .Select(c => c.Child("name").String ?? string.Empty),
            StringComparer.Ordinal);
        foreach (var rule in rules.Items())
        {
            var action = rule.Child("action");
            var actionText = action.String ?? string.Empty;
            if (actionText.Length == 0)
            {
                context.Required(action, "valid values: " + GoQuotedList(Actions));
            }
            else if (actionText == "FailIndex")
            {
                if (!backoffPerIndex)
                {
                    context.Invalid(action, actionText, "requires the backoffLimitPerIndex to be set");
                }
            }
            else if (Array.IndexOf(Actions, actionText) < 0)
            {
                context.NotSupported(action, actionText, Actions);
            }

            var onExitCodes = rule.Child("onExitCodes");
            var onPodConditions = rule.Child("onPodConditions");
            if (onExitCodes.IsSet)
            {
                ValidateExitCodes(context, onExitCodes, containerNames);
            }

            if (onPodConditions.Count > 0)
            {
                ValidatePodConditions(context, onPodConditions, jobDefaults);
            }

            if (onExitCodes.IsSet && onPodConditions.Count > 0)
            {
                context.Invalid(rule, GoValue.Omit, "specifying both OnExitCodes and OnPodConditions is not supported");
            }

            if (!onExitCodes.IsSet && onPodConditions.Count == 0)
            {
                context.Invalid(rule, GoValue.Omit, "specifying one of OnExitCodes and OnPodConditions is required");
            }
        }
    }

    private static void ValidateExitCodes(ValidationContext context, Field onExitCodes, HashSet<string> containerNames)
    {
        var op = onExitCodes.Child("operator");
        var opText = op.String ?? string.Empty;
        if (opText.Length == 0)
        {
            context.Required(op, "valid values: " + GoQuotedList(ExitCodeOperators));
        }
        else if (Array.IndexOf(ExitCodeOperators, opText) < 0)
        {
            context.NotSupported(op, opText, ExitCodeOperators);
        }

        var containerName = onExitCodes.Child("containerName");
        if (containerName.String is { } name && !containerNames.Contains(name))
        {
            context.Invalid(containerName, name, "must be one of the container or initContainer names in the pod template");
        }

        var values = onExitCodes.Child("values");
        if (values.Count == 0)
        {
            context.Invalid(values, GoValue.Raw("[]int32" + (values.IsSet ? "{}" : "(nil)")), "at least one value is required");
        }
        else if (values.Count > MaxExitCodes)
        {
            context.TooMany(values, values.Count, MaxExitCodes);
        }

        var ordered = true;
        var unique = new HashSet<int>();
        int? previous = null;
        foreach (var value in values.Items())
        {
            var code = GoRender.Int32(value);
            if (opText == "In" && code == 0)
            {
                context.Invalid(value, code, "must not be 0 for the In operator");
            }

            if (!unique.Add(code))
            {
                context.Duplicate(value, code);
            }

            ordered &= previous is not { } last || last <= code;
            previous = code;
        }

        if (!ordered)
        {
            var list = "[]int32{" + string.Join(", ", values.Items().Select(v => GoRender.Int32(v).ToString(CultureInfo.InvariantCulture))) + "}";
            context.Invalid(values, GoValue.Raw(list), "must be ordered");
        }
    }

    /// <summary><c>validatePodFailurePolicyRuleOnPodConditions</c>; SetDefaults_Job (for Jobs only) makes an empty status True.</summary>
    private static void ValidatePodConditions(ValidationContext context, Field conditions, bool jobDefaults)
    {
        if (conditions.Count > MaxPodConditions)
        {
            context.TooMany(conditions, conditions.Count, MaxPodConditions);
        }

        foreach (var pattern in conditions.Items())
        {
            var type = pattern.Child("type");
            context.Invalid(type, type.String ?? string.Empty, Syntax.IsQualifiedName(type.String ?? string.Empty));
            var status = pattern.Child("status");
            var statusText = status.String ?? string.Empty;
            if (statusText.Length == 0)
            {
                if (!jobDefaults)
                {
                    context.Required(status, "valid values: " + GoQuotedList(ConditionStatuses));
                }
            }
            else if (Array.IndexOf(ConditionStatuses, statusText) < 0)
            {
                context.NotSupported(status, statusText, ConditionStatuses);
            }
        }
    }

    private static void ValidateSuccessPolicy(ValidationContext context, Field policy, int completions)
    {
        var rules = policy.Child("rules");
        if (rules.Count == 0)
        {
            context.Required(rules, "at least one rules must be specified when the successPolicy is specified");
        }

        if (rules.Count > MaxSuccessPolicyRules)
        {
            context.TooMany(rules, rules.Count, MaxSuccessPolicyRules);
        }

        foreach (var rule in rules.Items())
        {
            var count = rule.Child("succeededCount");
            var indexes = rule.Child("succeededIndexes");
            if (!count.IsSet && !indexes.IsSet)
            {
                context.Required(rule, "at least one of succeededCount or succeededIndexes must be specified");
            }

            var total = 0;
            if (indexes.String is { } indexText)
            {
                if (indexText.Length > MaxSucceededIndexesLength)
                {
                    context.TooLong(indexes, MaxSucceededIndexesLength);
                }

                if (IndexesError(indexText, completions, out total) is { } error)
                {
                    context.Invalid(indexes, indexText, "error parsing succeededIndexes: " + error);
                }
            }

            if (count.IsSet)
            {
                var value = GoRender.Int32(count);
                WorkloadChecks.NonNegative(context, count);
                if (value > completions)
                {
                    context.Invalid(count, value, $"must be less than or equal to {completions} (the number of specified completions)");
                }

                if (indexes.IsSet && value > total)
                {
                    context.Invalid(count, value, $"must be less than or equal to {total} (the number of indexes in the specified succeededIndexes field)");
                }
            }
        }
    }

    /// <summary><c>validateIndexesFormat</c> and <c>parseIndexInterval</c>: "1,3-5,7", increasing, below completions.</summary>
    private static string? IndexesError(string text, int completions, out int total)
    {
        total = 0;
        if (text.Length == 0)
        {
            return null;
        }

        int? last = null;
        foreach (var interval in text.Split(','))
        {
            var limits = interval.Split('-');
            if (limits.Length > 2)
            {
                return $"the fragment {GoValue.Quote(interval)} violates the requirement that an index interval can have at most two parts separated by '-'";
            }

            if (!int.TryParse(limits[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var x))
            {
                return $"cannot convert string to integer for index: {GoValue.Quote(limits[0])}";
            }

            if (x >= completions)
            {
                return $"too large index: {GoValue.Quote(limits[0])}";
            }

            var y = x;
            if (limits.Length > 1)
            {
                if (!int.TryParse(limits[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out y))
                {
                    return $"cannot convert string to integer for index: {GoValue.Quote(limits[1])}";
                }

                if (y >= completions)
                {
                    return $"too large index: {GoValue.Quote(limits[1])}";
                }

                if (x >= y)
                {
                    return $"non-increasing order, previous: {x}, current: {y}";
                }
            }

            if (last is { } previous && previous >= x)
            {
                return $"non-increasing order, previous: {previous}, current: {x}";
            }

            total += y - x + 1;
            last = y;
        }

        return null;
    }

    private static string GoQuotedList(IEnumerable<string> values) => "[" + string.Join(" ", values.Select(GoValue.Quote)) + "]";

    /// <summary>The <c>%#v</c> of a success policy; its counts are pointers, whose addresses are unknowable.</summary>
    private static string SuccessPolicyText(Field policy)
        => "batch.SuccessPolicy{Rules:[]batch.SuccessPolicyRule{" + string.Join(", ", policy.Child("rules").Items().Select(r =>
            $"batch.SuccessPolicyRule{{SucceededIndexes:{GoRender.Pointer("string", r.Child("succeededIndexes"))}, SucceededCount:{GoRender.Pointer("int32", r.Child("succeededCount"))}}}")) + "}}";
}
