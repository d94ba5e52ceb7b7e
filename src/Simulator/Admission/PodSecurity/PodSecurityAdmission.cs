using System.Globalization;
using KubeLint.Analyzer.Model;
using KubeLint.Analyzer.Yaml;
using KubeLint.Simulator.Cluster;
using KubeLint.Simulator.Controllers;
using KubeLint.Simulator.Model;

namespace KubeLint.Simulator.Admission.PodSecurity;

/// <summary>
/// Pod Security Admission (pod-security-admission/admission/admission.go) with the API server's default
/// configuration (privileged everywhere, no exemptions). The namespace's labels set the enforce, audit and warn
/// levels and versions (api.PolicyToEvaluate: an invalid level enforces restricted, an invalid version is latest,
/// warn follows a stricter enforce level when unset). A pod violating the enforce level is rejected ("violates
/// PodSecurity"), a pod or a workload's template violating the warn level is admitted with a warning ("would
/// violate PodSecurity"); workloads are never rejected, their pods are when the controller creates them.
/// </summary>
internal sealed class PodSecurityAdmission(ClusterModel cluster) : IAdmissionPlugin
{
    public const string EnforceLabel = "pod-security.kubernetes.io/enforce";
    public const string WarnLabel = "pod-security.kubernetes.io/warn";

    public AdmissionVerdict? AdmitObject(KubeObject obj)
    {
        if (obj.Group.Length == 0 && obj.Kind == "Pod" && obj.Spec is { } spec)
        {
            var policy = PolicyOf(obj.EffectiveNamespace ?? "default");
            var pod = new PodView(spec, obj.Annotations);
            var enforced = PodSecurityEvaluator.Evaluate(policy.Enforce.Level, policy.Enforce.Minor, pod);
            if (PodSecurityEvaluator.ForbiddenDetail(enforced) is { } detail)
            {
                return AdmissionVerdict.Reject("pods \"" + obj.Name + "\" is forbidden: violates PodSecurity \"" + policy.Enforce + "\": " + detail, FirstNode(enforced) ?? spec);
            }

            return Warn(policy, pod, spec);
        }

        // ValidatePodController: templates are checked against the warn level only.
        if (PodTemplate.Of(obj) is { } template)
        {
            var policy = PolicyOf(template.Namespace);
            return Warn(policy, new PodView(template.Spec, template.Annotations), template.Spec);
        }

        return null;
    }

    public AdmissionVerdict? AdmitPod(Workload workload, SimPod pod, string name)
    {
        if (PodTemplate.Of(workload.Owner) is not { } template)
        {
            return null;
        }

        var policy = PolicyOf(template.Namespace);
        var results = PodSecurityEvaluator.Evaluate(policy.Enforce.Level, policy.Enforce.Minor, new PodView(template.Spec, template.Annotations));
        return PodSecurityEvaluator.ForbiddenDetail(results) is { } detail
            ? AdmissionVerdict.Reject("pods \"" + pod.Name + "\" is forbidden: violates PodSecurity \"" + policy.Enforce + "\": " + detail, FirstNode(results) ?? template.Spec)
            : null;
    }

    private static AdmissionVerdict? Warn(Policy policy, PodView pod, YamlMapping spec)
    {
        var results = PodSecurityEvaluator.Evaluate(policy.Warn.Level, policy.Warn.Minor, pod);
        return PodSecurityEvaluator.ForbiddenDetail(results) is { } detail
            ? AdmissionVerdict.Warn("would violate PodSecurity \"" + policy.Warn + "\": " + detail, FirstNode(results) ?? spec)
            : null;
    }

    private static YamlNode? FirstNode(List<(string Id, CheckResult Result)> results) => results.FirstOrDefault(r => !r.Result.Allowed).Result.Node;

    /// <summary>api.PolicyToEvaluate over the namespace's labels, with the default policy privileged:latest.</summary>
    private Policy PolicyOf(string ns)
    {
        var labels = cluster.NamespaceLabels.LabelsOf(ns);
        var enforce = new LevelVersion(PodSecurityLevel.Privileged, LatestMinor, IsLatest: true);
        var warn = enforce;
        var hasEnforceLevel = false;
        if (labels.TryGetValue(EnforceLabel, out var enforceLevel))
        {
            hasEnforceLevel = TryLevel(enforceLevel, out var level);
            enforce = enforce with { Level = hasEnforceLevel ? level : PodSecurityLevel.Restricted };
        }

        if (labels.TryGetValue(EnforceLabel + "-version", out var enforceVersion))
        {
            enforce = WithVersion(enforce, enforceVersion);
        }

        var hasWarnLevel = labels.TryGetValue(WarnLabel, out var warnLevel);
        if (hasWarnLevel)
        {
            warn = warn with { Level = TryLevel(warnLevel!, out var level) ? level : PodSecurityLevel.Privileged };
        }

        var hasWarnVersion = labels.TryGetValue(WarnLabel + "-version", out var warnVersion);
        if (hasWarnVersion)
        {
            warn = WithVersion(warn, warnVersion!);
        }

        if (!hasWarnLevel && hasEnforceLevel && enforce.Level > warn.Level)
        {
            warn = hasWarnVersion ? warn with { Level = enforce.Level } : enforce;
        }

        return new Policy(enforce, warn);
    }

    /// <summary>"latest": the newest checks the simulated API server knows.</summary>
    private int LatestMinor => Math.Min(cluster.Version.Minor, PodSecurityEvaluator.MaxMinor);

    private static bool TryLevel(string text, out PodSecurityLevel level)
    {
        (var known, level) = text switch
        {
            "privileged" => (true, PodSecurityLevel.Privileged),
            "baseline" => (true, PodSecurityLevel.Baseline),
            "restricted" => (true, PodSecurityLevel.Restricted),
            _ => (false, PodSecurityLevel.Restricted),
        };
        return known;
    }

    /// <summary>ParseVersion (versionRegexp ^v1\.(0|[1-9][0-9]*)$): "v1.x", else latest.</summary>
    private LevelVersion WithVersion(LevelVersion levelVersion, string text)
    {
        var digits = text.StartsWith("v1.", StringComparison.Ordinal) ? text.Substring(3) : string.Empty;
        var valid = digits.Length > 0 && digits.All(c => c is >= '0' and <= '9') && (digits.Length == 1 || digits[0] != '0');
        return valid && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            ? levelVersion with { Minor = minor, IsLatest = false }
            : levelVersion with { Minor = LatestMinor, IsLatest = true };
    }

    private sealed record Policy(LevelVersion Enforce, LevelVersion Warn);

    /// <summary>A level and the version whose checks apply; prints as upstream's LevelVersion ("restricted:latest", "baseline:v1.30").</summary>
    private sealed record LevelVersion(PodSecurityLevel Level, int Minor, bool IsLatest)
    {
        public override string ToString()
            => Level.ToString().ToLowerInvariant() + ":" + (IsLatest ? "latest" : "v1." + Minor.ToString(CultureInfo.InvariantCulture));
    }
}
