using KubeLint.Analyzer.Validation.Metadata;

namespace KubeLint.Analyzer.Validation.Pods;

/// <summary>
/// Where a pod may run (pkg/apis/core/validation/validation.go): <c>validateAffinity</c> with node and pod
/// (anti-)affinity terms and PersistentVolume node affinity, <c>ValidateNodeSelectorRequirement</c>, <c>ValidateNodeFieldSelectorRequirement</c>,
/// <c>ValidateTolerations</c>, <c>validateTaintEffect</c> and <c>validateTopologySpreadConstraints</c>.
/// </summary>
internal static class SchedulingValidation
{
    private static readonly string[] TaintEffects = ["NoSchedule", "PreferNoSchedule", "NoExecute"];
    private static readonly string[] TolerationOperators = ["Equal", "Exists"];
    private static readonly string[] ScheduleActions = ["DoNotSchedule", "ScheduleAnyway"];
    private static readonly string[] InclusionPolicies = ["Honor", "Ignore"];

    /// <summary><c>validateAffinity</c>.</summary>
    public static void ValidateAffinity(ValidationContext context, Field affinity, PodValidationOptions options)
    {
        var node = affinity.Child("nodeAffinity");
        var required = node.Child("requiredDuringSchedulingIgnoredDuringExecution");
        if (required.IsSet)
        {
            ValidateNodeSelector(context, required);
        }

        foreach (var term in node.Child("preferredDuringSchedulingIgnoredDuringExecution").Items())
        {
            Weight(context, term.Child("weight"));
            ValidateNodeSelectorTerm(context, term.Child("preference"));
        }

        foreach (var key in new[] { "podAffinity", "podAntiAffinity" })
        {
            var pod = affinity.Child(key);
            foreach (var term in pod.Child("requiredDuringSchedulingIgnoredDuringExecution").Items())
            {
                ValidatePodAffinityTerm(context, term, options);
            }

            foreach (var term in pod.Child("preferredDuringSchedulingIgnoredDuringExecution").Items())
            {
                Weight(context, term.Child("weight"));
                ValidatePodAffinityTerm(context, term.Child("podAffinityTerm"), options);
            }
        }
    }

    /// <summary><c>ValidateNodeSelector</c>: at least one term.</summary>
    public static void ValidateNodeSelector(ValidationContext context, Field selector)
    {
        var terms = selector.Child("nodeSelectorTerms");
        if (terms.Count == 0)
        {
            context.Required(terms, "must have at least one node selector term");
            return;
        }

        foreach (var term in terms.Items())
        {
            ValidateNodeSelectorTerm(context, term);
        }
    }

    /// <summary><c>ValidateTolerations</c>.</summary>
    public static void ValidateTolerations(ValidationContext context, Field tolerations)
    {
        foreach (var toleration in tolerations.Items())
        {
            var key = toleration.Child("key");
            var keyText = key.String ?? string.Empty;
            if (keyText.Length > 0)
            {
                LabelSelectorValidation.ValidateLabelName(context, key, keyText);
            }

            var op = toleration.Child("operator");
            var opText = op.String ?? string.Empty;
            if (keyText.Length == 0 && opText != "Exists")
            {
                context.Invalid(op, opText, "operator must be Exists when `key` is empty, which means \"match all values and all keys\"");
            }

            var effect = toleration.Child("effect");
            var effectText = effect.String ?? string.Empty;
            if (toleration.Child("tolerationSeconds").IsSet && effectText != "NoExecute")
            {
                context.Invalid(effect, effectText, "effect must be 'NoExecute' when `tolerationSeconds` is set");
            }

            var value = toleration.Child("value").String ?? string.Empty;
            switch (opText)
            {
                case "Equal" or "":
                    if (Syntax.IsValidLabelValue(value) is { Count: > 0 } problems)
                    {
                        context.Invalid(op, value, string.Join(";", problems));
                    }

                    break;
                case "Exists":
                    if (value.Length > 0)
                    {
                        context.Invalid(op, value, "value must be empty when `operator` is 'Exists'");
                    }

                    break;
                default:
                    context.NotSupported(op, opText, TolerationOperators);
                    break;
            }

            if (effectText.Length > 0 && Array.IndexOf(TaintEffects, effectText) < 0)
            {
                context.NotSupported(effect, effectText, TaintEffects);
            }
        }
    }

    /// <summary><c>validateTopologySpreadConstraints</c>.</summary>
    public static void ValidateTopologySpread(ValidationContext context, Field constraints)
    {
        var items = constraints.Items().ToList();
        for (var i = 0; i < items.Count; i++)
        {
            var constraint = items[i];
            var maxSkew = constraint.Child("maxSkew");
            if (GoRender.Int32(maxSkew) is var skew && skew <= 0)
            {
                context.Invalid(maxSkew, skew, "must be greater than zero");
            }

            var topologyKey = constraint.Child("topologyKey");
            var keyText = topologyKey.String ?? string.Empty;
            if (keyText.Length == 0)
            {
                context.Required(topologyKey, "can not be empty");
            }

            var when = constraint.Child("whenUnsatisfiable");
            var whenText = when.String ?? string.Empty;
            if (Array.IndexOf(ScheduleActions, whenText) < 0)
            {
                context.NotSupported(when, whenText, ScheduleActions);
            }

            for (var j = i + 1; j < items.Count; j++)
            {
                if ((items[j].Child("topologyKey").String ?? string.Empty) == keyText && (items[j].Child("whenUnsatisfiable").String ?? string.Empty) == whenText)
                {
                    context.Duplicate(constraint.Child("{topologyKey, whenUnsatisfiable}"), $"{{{keyText}, {whenText}}}");
                    break;
                }
            }

            var minDomains = constraint.Child("minDomains");
            if (minDomains.Integer is not null)
            {
                var domains = GoRender.Int32(minDomains);
                if (domains <= 0)
                {
                    context.Invalid(minDomains, domains, "must be greater than zero");
                }

                if (whenText != "DoNotSchedule")
                {
                    context.Invalid(minDomains, domains, $"can only use minDomains if whenUnsatisfiable=DoNotSchedule, not {whenText}");
                }
            }

            foreach (var key in new[] { "nodeAffinityPolicy", "nodeTaintsPolicy" })
            {
                var policy = constraint.Child(key);
                if (policy.String is { } policyText && Array.IndexOf(InclusionPolicies, policyText) < 0)
                {
                    context.NotSupported(policy, policyText, InclusionPolicies);
                }
            }

            MatchLabelKeysInTopologySpread(context, constraint);
            LabelSelectorValidation.Validate(context, constraint.Child("labelSelector"));
        }
    }

    private static void ValidateNodeSelectorTerm(ValidationContext context, Field term)
    {
        foreach (var requirement in term.Child("matchExpressions").Items())
        {
            var values = requirement.Child("values");
            var op = requirement.Child("operator");
            switch (op.String ?? string.Empty)
            {
                case "In" or "NotIn":
                    if (values.Count == 0)
                    {
                        context.Required(values, "must be specified when `operator` is 'In' or 'NotIn'");
                    }

                    break;
                case "Exists" or "DoesNotExist":
                    if (values.Count > 0)
                    {
                        context.Forbidden(values, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
                    }

                    break;
                case "Gt" or "Lt":
                    if (values.Count != 1)
                    {
                        context.Required(values, "must be specified single value when `operator` is 'Lt' or 'Gt'");
                    }

                    break;
                default:
                    context.Invalid(op, op.String ?? string.Empty, "not a valid selector operator");
                    break;
            }

            var key = requirement.Child("key");
            LabelSelectorValidation.ValidateLabelName(context, key, key.String ?? string.Empty);
        }

        foreach (var requirement in term.Child("matchFields").Items())
        {
            var values = requirement.Child("values");
            var op = requirement.Child("operator");
            if ((op.String ?? string.Empty) is "In" or "NotIn")
            {
                if (values.Count != 1)
                {
                    context.Required(values, "must be only one value when `operator` is 'In' or 'NotIn' for node field selector");
                }
            }
            else
            {
                context.Invalid(op, op.String ?? string.Empty, "not a valid selector operator");
            }

            var key = requirement.Child("key");
            if (key.String != "metadata.name")
            {
                context.Invalid(key, key.String ?? string.Empty, "not a valid field selector key");
            }
            else
            {
                foreach (var value in values.Items())
                {
                    context.Invalid(value, value.String ?? string.Empty, NameFunctions.NameIsDnsSubdomain(value.String ?? string.Empty, false));
                }
            }
        }
    }

    private static void Weight(ValidationContext context, Field weight)
    {
        var value = GoRender.Int32(weight);
        if (value is <= 0 or > 100)
        {
            context.Invalid(weight, value, "must be in the range 1-100");
        }
    }

    /// <summary><c>validatePodAffinityTerm</c>; namespace errors name <c>namespace</c>, as upstream does.</summary>
    private static void ValidatePodAffinityTerm(ValidationContext context, Field term, PodValidationOptions options)
    {
        var selector = term.Child("labelSelector");
        LabelSelectorValidation.Validate(context, selector);
        LabelSelectorValidation.Validate(context, term.Child("namespaceSelector"));
        foreach (var ns in term.Child("namespaces").Items())
        {
            var name = ns.String ?? string.Empty;
            context.Invalid(ns.WithPath(term.Child("namespace")), name, NameFunctions.NameIsDnsLabel(name, false));
        }

        if (options.MatchLabelKeysInPodAffinity)
        {
            MatchAndMismatchLabelKeys(context, term, selector);
        }

        var topologyKey = term.Child("topologyKey");
        var key = topologyKey.String ?? string.Empty;
        if (key.Length == 0)
        {
            context.Required(topologyKey, "can not be empty");
        }

        LabelSelectorValidation.ValidateLabelName(context, topologyKey, key);
    }

    /// <summary><c>validateMatchLabelKeysAndMismatchLabelKeys</c>.</summary>
    private static void MatchAndMismatchLabelKeys(ValidationContext context, Field term, Field selector)
    {
        var matchKeys = term.Child("matchLabelKeys");
        var mismatchKeys = term.Child("mismatchLabelKeys");
        foreach (var keys in new[] { matchKeys, mismatchKeys })
        {
            if (keys.Count == 0)
            {
                continue;
            }

            if (!selector.IsSet)
            {
                context.Forbidden(keys, "must not be specified when labelSelector is not set");
                continue;
            }

            foreach (var key in keys.Items())
            {
                LabelSelectorValidation.ValidateLabelName(context, key, key.String ?? string.Empty);
            }
        }

        var matchList = matchKeys.Items().Select(k => k.String ?? string.Empty).ToList();
        if (selector.IsSet)
        {
            var selectorKeys = new HashSet<string>(selector.Child("matchLabels").Entries().Select(e => e.Key), StringComparer.Ordinal);
            foreach (var expression in selector.Child("matchExpressions").Items())
            {
                var key = expression.Child("key").String ?? string.Empty;
                var index = matchList.LastIndexOf(key);
                if (index >= 0 && selectorKeys.Contains(key))
                {
                    // Upstream indexes the term's own path here.
                    context.Invalid(matchKeys.Item(index).WithPath(term.Item(index)), key, "exists in both matchLabelKeys and labelSelector");
                }

                selectorKeys.Add(key);
            }
        }

        var mismatch = new HashSet<string>(mismatchKeys.Items().Select(k => k.String ?? string.Empty), StringComparer.Ordinal);
        foreach (var key in matchKeys.Items())
        {
            if (mismatch.Contains(key.String ?? string.Empty))
            {
                context.Invalid(key, key.String ?? string.Empty, "exists in both matchLabelKeys and mismatchLabelKeys");
            }
        }
    }

    /// <summary><c>validateMatchLabelKeysInTopologySpread</c>.</summary>
    private static void MatchLabelKeysInTopologySpread(ValidationContext context, Field constraint)
    {
        var keys = constraint.Child("matchLabelKeys");
        if (keys.Count == 0)
        {
            return;
        }

        var selector = constraint.Child("labelSelector");
        var selectorKeys = new HashSet<string>(StringComparer.Ordinal);
        if (selector.IsSet)
        {
            selectorKeys.UnionWith(selector.Child("matchLabels").Entries().Select(e => e.Key));
            selectorKeys.UnionWith(selector.Child("matchExpressions").Items().Select(e => e.Child("key").String ?? string.Empty));
        }
        else
        {
            context.Forbidden(keys, "must not be specified when labelSelector is not set");
        }

        foreach (var key in keys.Items())
        {
            var text = key.String ?? string.Empty;
            LabelSelectorValidation.ValidateLabelName(context, key, text);
            if (selectorKeys.Contains(text))
            {
                context.Invalid(key, text, "exists in both matchLabelKeys and labelSelector");
            }
        }
    }
}
